import type { MigrationInterface, QueryRunner } from 'typeorm';

// Issue 15: problem areas, formats, adaptations, settings, age bands and session phases become data a body (or
// the international body) defines and versions. The IPT lists the enums held are seeded here as the international
// taxonomy IPT v1 (its own copy: a committed migration never changes), every existing case names it, and the enum
// columns become text with their values kept exactly; the enum types go.
const IPT_TAXONOMY_ID = '7a3e0f52-6c1d-4b8e-9f00-000000000001';
const IPT_DEFINITION = {
  attributes: [
    {
      code: 'problemArea',
      label: 'Problem area',
      required: true,
      values: [
        { code: 'grief', label: 'Grief' },
        { code: 'role_dispute', label: 'Role dispute' },
        { code: 'role_transition', label: 'Role transition' },
        { code: 'interpersonal_deficits', label: 'Interpersonal deficits' },
        { code: 'other', label: 'Other' },
      ],
    },
    {
      code: 'format',
      label: 'Format',
      required: true,
      values: [
        { code: 'individual', label: 'Individual' },
        { code: 'group', label: 'Group' },
      ],
    },
    {
      code: 'adaptation',
      label: 'Adaptation',
      required: true,
      values: [
        { code: 'adult', label: 'Adult' },
        { code: 'adolescent', label: 'Adolescent' },
        { code: 'perinatal', label: 'Perinatal' },
        { code: 'bipolar', label: 'Bipolar' },
        { code: 'eating_disorder', label: 'Eating disorder' },
        { code: 'other', label: 'Other' },
      ],
    },
    {
      code: 'setting',
      label: 'Setting',
      required: true,
      values: [
        { code: 'primary_care', label: 'Primary care' },
        { code: 'secondary_care', label: 'Secondary care' },
        { code: 'community', label: 'Community' },
        { code: 'inpatient', label: 'Inpatient' },
        { code: 'university', label: 'University' },
        { code: 'private_practice', label: 'Private practice' },
        { code: 'other', label: 'Other' },
      ],
    },
    {
      code: 'ageBand',
      label: 'Age band',
      required: true,
      values: ['12-17', '18-25', '26-40', '41-64', '65-89', '90+'].map((code) => ({ code, label: code })),
    },
  ],
  phases: [
    { code: 'initial', label: 'Initial' },
    { code: 'middle', label: 'Middle' },
    { code: 'termination', label: 'Termination' },
  ],
  phaseBoundaries: { initialLastSession: 3, terminationSessions: 3 },
};

const CASE_ENUMS: [column: string, type: string][] = [
  ['format', 'case_format'],
  ['adaptation', 'case_adaptation'],
  ['age_band', 'case_age_band'],
  ['setting', 'case_setting'],
  ['focus_problem_area', 'problem_area'],
  ['secondary_problem_area', 'problem_area'],
];

export class Taxonomies1797010000000 implements MigrationInterface {
  name = 'Taxonomies1797010000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE "public"."taxonomy_status" AS ENUM('draft', 'published')`);
    await q.query(
      `CREATE TABLE "taxonomies" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "body_id" uuid, "code" character varying(40) NOT NULL, "name" character varying(200) NOT NULL, "version_number" integer NOT NULL, "status" "public"."taxonomy_status" NOT NULL DEFAULT 'draft', "published_at" TIMESTAMP WITH TIME ZONE, "definition" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_taxonomies" PRIMARY KEY ("id"))`,
    );
    // unique (body, code, version): two partial indexes, as NULL (international) is never equal to NULL
    await q.query(
      `CREATE UNIQUE INDEX "uq_taxonomies_body_code_version" ON "taxonomies" ("body_id", "code", "version_number") WHERE body_id IS NOT NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_taxonomies_international_code_version" ON "taxonomies" ("code", "version_number") WHERE body_id IS NULL`,
    );
    await q.query(
      `ALTER TABLE "taxonomies" ADD CONSTRAINT "FK_ab8eed3b2d667e1574c53fb1c6f" FOREIGN KEY ("body_id") REFERENCES "bodies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `INSERT INTO "taxonomies" ("id", "body_id", "code", "name", "version_number", "status", "published_at", "definition")
       VALUES ($1, NULL, 'IPT', 'Interpersonal Psychotherapy (IPT)', 1, 'published', now(), $2::jsonb)`,
      [IPT_TAXONOMY_ID, JSON.stringify(IPT_DEFINITION)],
    );

    // the check compares two of the columns: drop it while their type changes
    await q.query(`ALTER TABLE "supervised_cases" DROP CONSTRAINT "ck_supervised_cases_secondary"`);
    for (const [column] of CASE_ENUMS)
      await q.query(`ALTER TABLE "supervised_cases" ALTER COLUMN "${column}" TYPE text USING "${column}"::text`);
    await q.query(
      `ALTER TABLE "supervised_cases" ADD CONSTRAINT "ck_supervised_cases_secondary" CHECK (secondary_problem_area IS NULL OR secondary_problem_area <> focus_problem_area)`,
    );
    await q.query(`ALTER TABLE "therapy_sessions" ALTER COLUMN "phase" TYPE text USING "phase"::text`);
    for (const type of ['case_format', 'case_adaptation', 'case_age_band', 'case_setting', 'problem_area', 'session_phase'])
      await q.query(`DROP TYPE "public"."${type}"`);

    await q.query(`ALTER TABLE "supervised_cases" ADD "taxonomy_version_id" uuid`);
    await q.query(`UPDATE "supervised_cases" SET "taxonomy_version_id" = $1`, [IPT_TAXONOMY_ID]);
    await q.query(`ALTER TABLE "supervised_cases" ALTER COLUMN "taxonomy_version_id" SET NOT NULL`);
    await q.query(`ALTER TABLE "supervised_cases" ALTER COLUMN "taxonomy_version_id" SET DEFAULT '${IPT_TAXONOMY_ID}'`);
    await q.query(
      `ALTER TABLE "supervised_cases" ADD CONSTRAINT "FK_2099d1d49d0a9931d996fce4240" FOREIGN KEY ("taxonomy_version_id") REFERENCES "taxonomies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(`ALTER TABLE "supervised_cases" ADD "attributes" jsonb NOT NULL DEFAULT '{}'`);
  }

  // Back to the enums: fails (as it should) while a case or session holds a value outside the IPT lists.
  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "supervised_cases" DROP COLUMN "attributes"`);
    await q.query(`ALTER TABLE "supervised_cases" DROP CONSTRAINT "FK_2099d1d49d0a9931d996fce4240"`);
    await q.query(`ALTER TABLE "supervised_cases" DROP COLUMN "taxonomy_version_id"`);
    await q.query(`CREATE TYPE "public"."case_format" AS ENUM('individual', 'group')`);
    await q.query(
      `CREATE TYPE "public"."case_adaptation" AS ENUM('adult', 'adolescent', 'perinatal', 'bipolar', 'eating_disorder', 'other')`,
    );
    await q.query(`CREATE TYPE "public"."case_age_band" AS ENUM('12-17', '18-25', '26-40', '41-64', '65-89', '90+')`);
    await q.query(
      `CREATE TYPE "public"."case_setting" AS ENUM('primary_care', 'secondary_care', 'community', 'inpatient', 'university', 'private_practice', 'other')`,
    );
    await q.query(
      `CREATE TYPE "public"."problem_area" AS ENUM('grief', 'role_dispute', 'role_transition', 'interpersonal_deficits', 'other')`,
    );
    await q.query(`CREATE TYPE "public"."session_phase" AS ENUM('initial', 'middle', 'termination')`);
    await q.query(
      `ALTER TABLE "therapy_sessions" ALTER COLUMN "phase" TYPE "public"."session_phase" USING "phase"::"public"."session_phase"`,
    );
    await q.query(`ALTER TABLE "supervised_cases" DROP CONSTRAINT "ck_supervised_cases_secondary"`);
    for (const [column, type] of CASE_ENUMS)
      await q.query(
        `ALTER TABLE "supervised_cases" ALTER COLUMN "${column}" TYPE "public"."${type}" USING "${column}"::"public"."${type}"`,
      );
    await q.query(
      `ALTER TABLE "supervised_cases" ADD CONSTRAINT "ck_supervised_cases_secondary" CHECK (secondary_problem_area IS NULL OR secondary_problem_area <> focus_problem_area)`,
    );
    await q.query(`DROP TABLE "taxonomies"`);
    await q.query(`DROP TYPE "public"."taxonomy_status"`);
  }
}
