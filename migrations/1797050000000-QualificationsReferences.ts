import type { MigrationInterface, QueryRunner } from 'typeorm';

// Issue 15, evidence from outside the training record: qualifications (with their document, kept as bytea so it
// commits with the record and reaches every replica) verified by a body, and references written by referees
// through a single-use link (token stored as SHA-256 only, like invitations).
export class QualificationsReferences1797050000000 implements MigrationInterface {
  name = 'QualificationsReferences1797050000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE "public"."qualification_kind" AS ENUM('degree', 'licence', 'prior_training', 'other')`);
    await q.query(`CREATE TYPE "public"."qualification_state" AS ENUM('pending', 'verified', 'rejected')`);
    await q.query(
      `CREATE TABLE "qualifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "person_id" uuid NOT NULL, "kind" "public"."qualification_kind" NOT NULL, "code" character varying(40) NOT NULL, "title" character varying(200) NOT NULL, "issuer" character varying(200) NOT NULL, "awarded_on" date NOT NULL, "state" "public"."qualification_state" NOT NULL DEFAULT 'pending', "reviewed_by" uuid, "reviewed_at" TIMESTAMP WITH TIME ZONE, "review_note" character varying(1000), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "ck_qualifications_reviewed" CHECK ((state = 'pending') = (reviewed_at IS NULL)), CONSTRAINT "PK_9ed4d526ac3b76ba3f1c1080433" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_qualifications_person" ON "qualifications"  ("person_id", "awarded_on") `);
    await q.query(
      `CREATE TABLE "qualification_documents" ("qualification_id" uuid NOT NULL, "file_name" character varying(200) NOT NULL, "content_type" character varying(100) NOT NULL, "size_bytes" integer NOT NULL, "sha256" character varying(64) NOT NULL, "content" bytea NOT NULL, "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_qualification_documents_size" CHECK (size_bytes > 0 AND size_bytes <= 5242880), CONSTRAINT "PK_a82c9791b12d1949d41f8d0fc92" PRIMARY KEY ("qualification_id"))`,
    );
    await q.query(
      `CREATE TABLE "reference_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "applicant_id" uuid NOT NULL, "body_id" uuid NOT NULL, "kind" character varying(40) NOT NULL, "referee_name" character varying(120) NOT NULL, "referee_email" character varying(254) NOT NULL, "referee_user_id" uuid, "relation" character varying(200) NOT NULL, "token_hash" character varying(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "send_count" integer NOT NULL DEFAULT '1', "submitted_at" TIMESTAMP WITH TIME ZONE, "text" text, "recommend" boolean, "rating" smallint, "cancelled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_2a4fd09f01c0f035fc58963df8b" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "uq_reference_requests_token_hash" ON "reference_requests"  ("token_hash") `);
    await q.query(`CREATE INDEX "ix_reference_requests_body" ON "reference_requests"  ("body_id", "created_at") `);
    await q.query(`CREATE INDEX "ix_reference_requests_applicant" ON "reference_requests"  ("applicant_id", "created_at") `);
    await q.query(
      `ALTER TABLE "qualifications" ADD CONSTRAINT "FK_4f37c2451cbd4b540c1aa6fdb9a" FOREIGN KEY ("person_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "qualification_documents" ADD CONSTRAINT "FK_a82c9791b12d1949d41f8d0fc92" FOREIGN KEY ("qualification_id") REFERENCES "qualifications"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "reference_requests" ADD CONSTRAINT "FK_3bcab592cfa8a45f9801d0766a7" FOREIGN KEY ("applicant_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "reference_requests" ADD CONSTRAINT "FK_d049eb153bcdeaf2db693c9c2b4" FOREIGN KEY ("body_id") REFERENCES "bodies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "reference_requests" DROP CONSTRAINT "FK_d049eb153bcdeaf2db693c9c2b4"`);
    await q.query(`ALTER TABLE "reference_requests" DROP CONSTRAINT "FK_3bcab592cfa8a45f9801d0766a7"`);
    await q.query(`ALTER TABLE "qualification_documents" DROP CONSTRAINT "FK_a82c9791b12d1949d41f8d0fc92"`);
    await q.query(`ALTER TABLE "qualifications" DROP CONSTRAINT "FK_4f37c2451cbd4b540c1aa6fdb9a"`);
    await q.query(`DROP INDEX "public"."ix_reference_requests_applicant"`);
    await q.query(`DROP INDEX "public"."ix_reference_requests_body"`);
    await q.query(`DROP INDEX "public"."uq_reference_requests_token_hash"`);
    await q.query(`DROP TABLE "reference_requests"`);
    await q.query(`DROP TABLE "qualification_documents"`);
    await q.query(`DROP INDEX "public"."ix_qualifications_person"`);
    await q.query(`DROP TABLE "qualifications"`);
    await q.query(`DROP TYPE "public"."qualification_state"`);
    await q.query(`DROP TYPE "public"."qualification_kind"`);
  }
}
