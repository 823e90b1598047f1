import type { MigrationInterface, QueryRunner } from 'typeorm';

// Reference schemes and national derivations: the international body marks a published scheme version as a
// reference (who and when; the who is a plain id like audit actors, no foreign key, so erasure is unaffected); a body's scheme started from a reference remembers the version it was copied from.
export class ReferenceSchemes1797090000000 implements MigrationInterface {
  name = 'ReferenceSchemes1797090000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "scheme_versions" ADD "is_reference" boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE "scheme_versions" ADD "reference_marked_by" uuid`);
    await q.query(`ALTER TABLE "scheme_versions" ADD "reference_marked_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "schemes" ADD "derived_from_version_id" uuid`);
    await q.query(
      `ALTER TABLE "schemes" ADD CONSTRAINT "FK_schemes_derived_from_version" FOREIGN KEY ("derived_from_version_id") REFERENCES "scheme_versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "schemes" DROP CONSTRAINT "FK_schemes_derived_from_version"`);
    await q.query(`ALTER TABLE "schemes" DROP COLUMN "derived_from_version_id"`);
    await q.query(`ALTER TABLE "scheme_versions" DROP COLUMN "reference_marked_at"`);
    await q.query(`ALTER TABLE "scheme_versions" DROP COLUMN "reference_marked_by"`);
    await q.query(`ALTER TABLE "scheme_versions" DROP COLUMN "is_reference"`);
  }
}
