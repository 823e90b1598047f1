import type { MigrationInterface, QueryRunner } from 'typeorm';

// A person submits their training record to another body (moving, or being assessed there): while the submission is
// not withdrawn, that body's admins read the whole record, whatever body it was made under (read-only). At most one
// open submission per person and body; withdrawn ones are kept as history.
export class RecordSubmissions1797110000000 implements MigrationInterface {
  name = 'RecordSubmissions1797110000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "record_submissions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "person_id" uuid NOT NULL, "body_id" uuid NOT NULL,
        "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "withdrawn_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_record_submissions" PRIMARY KEY ("id"),
        CONSTRAINT "FK_record_submissions_person" FOREIGN KEY ("person_id") REFERENCES "users"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_record_submissions_body" FOREIGN KEY ("body_id") REFERENCES "bodies"("id") ON DELETE RESTRICT)`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_record_submissions_open" ON "record_submissions" ("person_id", "body_id") WHERE withdrawn_at IS NULL`,
    );
    await q.query(`CREATE INDEX "ix_record_submissions_body" ON "record_submissions" ("body_id") WHERE withdrawn_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "record_submissions"`);
  }
}
