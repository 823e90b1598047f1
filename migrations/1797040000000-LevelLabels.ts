import type { MigrationInterface, QueryRunner } from 'typeorm';

// Per-level labels: an accreditation carries the noun ("certified", "accredited") and the title its level was
// labelled with when issued. Existing rows take them from their scheme version: the level's own noun/title if
// it has one, else the scheme's noun and the level's name.
export class LevelLabels1797040000000 implements MigrationInterface {
  name = 'LevelLabels1797040000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "accreditations" ADD "noun" character varying(30)`);
    await q.query(`ALTER TABLE "accreditations" ADD "level_title" character varying(120)`);
    await q.query(`
      UPDATE "accreditations" a SET
        "noun" = LEFT(COALESCE(
          (SELECT l->>'noun' FROM jsonb_array_elements(v.definition->'levels') l WHERE l->>'code' = a.level_code LIMIT 1),
          v.definition->>'noun', 'accredited'), 30),
        "level_title" = LEFT(COALESCE(
          (SELECT l->>'title' FROM jsonb_array_elements(v.definition->'levels') l WHERE l->>'code' = a.level_code LIMIT 1),
          a.level_name), 120)
      FROM "scheme_versions" v WHERE v.id = a.scheme_version_id`);
    await q.query(`ALTER TABLE "accreditations" ALTER COLUMN "noun" SET NOT NULL`);
    await q.query(`ALTER TABLE "accreditations" ALTER COLUMN "level_title" SET NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "accreditations" DROP COLUMN "level_title"`);
    await q.query(`ALTER TABLE "accreditations" DROP COLUMN "noun"`);
  }
}
