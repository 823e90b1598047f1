import type { MigrationInterface, QueryRunner } from 'typeorm';

// Open Badges 3.0 JWT proofs and Bitstring Status Lists: the algorithm of each body key (existing keys are
// Ed25519, and keep verifying what they signed; new ones are RS256/ES256), and each accreditation's random
// index in its body's status lists. Down drops both (keys made after this migration could then not be used).
export class OpenBadgesJwtStatusLists1796170000000 implements MigrationInterface {
  name = 'OpenBadgesJwtStatusLists1796170000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "credential_status_entries" ("accreditation_id" uuid NOT NULL, "body_id" uuid NOT NULL, "status_index" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_credential_status_entries_index" CHECK (status_index >= 0 AND status_index < 131072), CONSTRAINT "PK_7023ea49c2a61c83de7e2a87dec" PRIMARY KEY ("accreditation_id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "uq_credential_status_entries_index" ON "credential_status_entries"  ("body_id", "status_index") `);
    await q.query(`ALTER TABLE "body_signing_keys" ADD "alg" character varying(10) NOT NULL DEFAULT 'EdDSA'`);
    await q.query(`ALTER TABLE "body_signing_keys" ADD CONSTRAINT "ck_body_signing_keys_alg" CHECK (alg IN ('RS256', 'ES256', 'EdDSA'))`);
    await q.query(
      `ALTER TABLE "credential_status_entries" ADD CONSTRAINT "FK_7023ea49c2a61c83de7e2a87dec" FOREIGN KEY ("accreditation_id") REFERENCES "accreditations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "credential_status_entries" ADD CONSTRAINT "FK_5d013035d3f7e1e8e191dccf4b1" FOREIGN KEY ("body_id") REFERENCES "bodies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "credential_status_entries" DROP CONSTRAINT "FK_5d013035d3f7e1e8e191dccf4b1"`);
    await q.query(`ALTER TABLE "credential_status_entries" DROP CONSTRAINT "FK_7023ea49c2a61c83de7e2a87dec"`);
    await q.query(`ALTER TABLE "body_signing_keys" DROP CONSTRAINT "ck_body_signing_keys_alg"`);
    await q.query(`ALTER TABLE "body_signing_keys" DROP COLUMN "alg"`);
    await q.query(`DROP INDEX "public"."uq_credential_status_entries_index"`);
    await q.query(`DROP TABLE "credential_status_entries"`);
  }
}
