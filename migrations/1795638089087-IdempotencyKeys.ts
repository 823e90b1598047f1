import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IdempotencyKeys1795638089087 implements MigrationInterface {
  name = 'IdempotencyKeys1795638089087';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE "public"."idempotency_key_status" AS ENUM('in_flight', 'committed', 'completed')`);
    await q.query(
      `CREATE TABLE "idempotency_keys" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "key" character varying(200) NOT NULL, "method" character varying(10) NOT NULL, "path" character varying(2000) NOT NULL, "fingerprint" character(64) NOT NULL, "status" "public"."idempotency_key_status" NOT NULL DEFAULT 'in_flight', "claim_token" uuid NOT NULL, "claimed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "response_status" integer, "response_body" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "completed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_8ad20779ad0411107a56e53d0f6" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_idempotency_keys_created" ON "idempotency_keys"  ("created_at") `);
    await q.query(`CREATE UNIQUE INDEX "uq_idempotency_keys_user_key" ON "idempotency_keys"  ("user_id", "key") `);
    await q.query(
      `ALTER TABLE "idempotency_keys" ADD CONSTRAINT "FK_4d2181624ba2d61e76a07175198" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "idempotency_keys" DROP CONSTRAINT "FK_4d2181624ba2d61e76a07175198"`);
    await q.query(`DROP INDEX "public"."uq_idempotency_keys_user_key"`);
    await q.query(`DROP INDEX "public"."ix_idempotency_keys_created"`);
    await q.query(`DROP TABLE "idempotency_keys"`);
    await q.query(`DROP TYPE "public"."idempotency_key_status"`);
  }
}
