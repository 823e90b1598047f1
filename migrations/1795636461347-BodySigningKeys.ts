import type { MigrationInterface, QueryRunner } from 'typeorm';

export class BodySigningKeys1795636461347 implements MigrationInterface {
  name = 'BodySigningKeys1795636461347';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE "public"."signing_key_status" AS ENUM('active', 'retired')`);
    await q.query(
      `CREATE TABLE "body_signing_keys" ("id" uuid NOT NULL, "body_id" uuid NOT NULL, "public_jwk" jsonb NOT NULL, "private_key_ciphertext" text NOT NULL, "status" "public"."signing_key_status" NOT NULL DEFAULT 'active', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "retired_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_body_signing_keys_retired" CHECK ((status = 'retired') = (retired_at IS NOT NULL)), CONSTRAINT "PK_2fafb69740e6e2f3e515bf5191c" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "uq_body_signing_keys_active" ON "body_signing_keys"  ("body_id") WHERE status = 'active'`);
    await q.query(`CREATE INDEX "ix_body_signing_keys_body" ON "body_signing_keys"  ("body_id", "created_at") `);
    await q.query(
      `ALTER TABLE "body_signing_keys" ADD CONSTRAINT "FK_99449894bbe4c4d2ff9e16f4fa1" FOREIGN KEY ("body_id") REFERENCES "bodies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "body_signing_keys" DROP CONSTRAINT "FK_99449894bbe4c4d2ff9e16f4fa1"`);
    await q.query(`DROP INDEX "public"."ix_body_signing_keys_body"`);
    await q.query(`DROP INDEX "public"."uq_body_signing_keys_active"`);
    await q.query(`DROP TABLE "body_signing_keys"`);
    await q.query(`DROP TYPE "public"."signing_key_status"`);
  }
}
