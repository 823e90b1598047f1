import type { MigrationInterface, QueryRunner } from 'typeorm';

const items = (n: number, max: number) => Array.from({ length: n }, () => ({ min: 0, max }));
const PFIZER = 'Pfizer Inc.; no permission required to reproduce, translate, display or distribute';
// HAM-D-17: items 1,2,3,7,8,9,10,11,15 are scored 0–4, the others 0–2
const HAMD_FOUR_POINT = new Set([1, 2, 3, 7, 8, 9, 10, 11, 15]);

// The four instruments the service scored in code before this migration, with exactly the figures it used
// (src/measures/instruments.ts at the time). Frozen here: seeded-instruments.spec.ts checks that the app's copy agrees.
export const SEEDED_INSTRUMENTS_1797020000000 = [
  {
    code: 'PHQ9',
    name: 'PHQ-9',
    construct: 'depression',
    version: '1',
    definition: {
      items: items(9, 3),
      total: { min: 0, max: 27 },
      bands: [
        { min: 0, max: 4, label: 'minimal' },
        { min: 5, max: 9, label: 'mild' },
        { min: 10, max: 14, label: 'moderate' },
        { min: 15, max: 19, label: 'moderately_severe' },
        { min: 20, max: 27, label: 'severe' },
      ],
      direction: 'higher_is_worse',
      casenessThreshold: 10,
      reliableChange: 6,
      riskItems: [9],
      loincTotal: '44261-6',
      licence: PFIZER,
    },
  },
  {
    code: 'GAD7',
    name: 'GAD-7',
    construct: 'anxiety',
    version: '1',
    definition: {
      items: items(7, 3),
      total: { min: 0, max: 21 },
      bands: [
        { min: 0, max: 4, label: 'minimal' },
        { min: 5, max: 9, label: 'mild' },
        { min: 10, max: 14, label: 'moderate' },
        { min: 15, max: 21, label: 'severe' },
      ],
      direction: 'higher_is_worse',
      casenessThreshold: 8,
      reliableChange: 4,
      riskItems: [],
      loincTotal: '70274-6',
      licence: PFIZER,
    },
  },
  {
    code: 'BDI2',
    name: 'BDI-II',
    construct: 'depression',
    version: '1',
    definition: {
      items: items(21, 3),
      total: { min: 0, max: 63 },
      bands: [
        { min: 0, max: 13, label: 'minimal' },
        { min: 14, max: 19, label: 'mild' },
        { min: 20, max: 28, label: 'moderate' },
        { min: 29, max: 63, label: 'severe' },
      ],
      direction: 'higher_is_worse',
      casenessThreshold: null,
      reliableChange: null,
      riskItems: [9],
      loincTotal: null,
      licence: 'Copyright Pearson; use requires purchased forms',
    },
  },
  {
    code: 'HAMD17',
    name: 'HAM-D-17',
    construct: 'clinician-rated depression',
    version: '1',
    definition: {
      items: Array.from({ length: 17 }, (_, i) => ({ min: 0, max: HAMD_FOUR_POINT.has(i + 1) ? 4 : 2 })),
      total: { min: 0, max: 52 },
      bands: [
        { min: 0, max: 7, label: 'normal' },
        { min: 8, max: 13, label: 'mild' },
        { min: 14, max: 18, label: 'moderate' },
        { min: 19, max: 22, label: 'severe' },
        { min: 23, max: 52, label: 'very_severe' },
      ],
      direction: 'higher_is_worse',
      casenessThreshold: null,
      reliableChange: null,
      riskItems: [3],
      loincTotal: null,
      licence: 'Public domain (Hamilton 1960)',
    },
  },
];

// Outcome instruments become data (issue 15): an `instruments` table (global ones have no body), seeded with the
// four instruments that were code, published; a measure's instrument becomes the instrument's code as text (the
// enum's values are those codes, so no row changes) and the enum type goes. Down refuses while a measure names
// an instrument the enum cannot hold (it would lose clinical data), then restores the enum and drops the table.
export class InstrumentsAsData1797020000000 implements MigrationInterface {
  name = 'InstrumentsAsData1797020000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE "public"."instrument_status" AS ENUM('draft', 'published')`);
    await q.query(
      `CREATE TABLE "instruments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "body_id" uuid, "code" character varying(32) NOT NULL, "name" character varying(100) NOT NULL, "construct" character varying(100) NOT NULL, "version" character varying(20) NOT NULL, "status" "public"."instrument_status" NOT NULL, "definition" jsonb NOT NULL, "created_by" uuid, "published_at" TIMESTAMP WITH TIME ZONE, "published_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "row_version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_44d772c3199b38559c5fb666eb6" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "uq_instruments_body_code" ON "instruments" ("body_id", "code") WHERE body_id IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX "uq_instruments_global_code" ON "instruments" ("code") WHERE body_id IS NULL`);
    await q.query(
      `ALTER TABLE "instruments" ADD CONSTRAINT "FK_bac570136693d733ddc639f8b08" FOREIGN KEY ("body_id") REFERENCES "bodies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    for (const i of SEEDED_INSTRUMENTS_1797020000000)
      await q.query(
        `INSERT INTO "instruments" ("body_id", "code", "name", "construct", "version", "status", "definition", "published_at")
         VALUES (NULL, $1, $2, $3, $4, 'published', $5::jsonb, now())`,
        [i.code, i.name, i.construct, i.version, JSON.stringify(i.definition)],
      );
    await q.query(`ALTER TABLE "outcome_measures" ALTER COLUMN "instrument" TYPE character varying(32) USING "instrument"::text`);
    await q.query(`DROP TYPE "public"."measure_instrument"`);
  }

  async down(q: QueryRunner): Promise<void> {
    const codes = SEEDED_INSTRUMENTS_1797020000000.map((i) => i.code);
    const [{ n }]: { n: number }[] = await q.query(`SELECT count(*)::int AS n FROM outcome_measures WHERE NOT (instrument = ANY($1))`, [
      codes,
    ]);
    if (n > 0) throw new Error(`${n} outcome measure(s) use instruments added as data; delete them before reverting InstrumentsAsData`);
    await q.query(`CREATE TYPE "public"."measure_instrument" AS ENUM('PHQ9', 'GAD7', 'BDI2', 'HAMD17')`);
    await q.query(
      `ALTER TABLE "outcome_measures" ALTER COLUMN "instrument" TYPE "public"."measure_instrument" USING "instrument"::"public"."measure_instrument"`,
    );
    await q.query(`ALTER TABLE "instruments" DROP CONSTRAINT "FK_bac570136693d733ddc639f8b08"`);
    await q.query(`DROP INDEX "public"."uq_instruments_global_code"`);
    await q.query(`DROP INDEX "public"."uq_instruments_body_code"`);
    await q.query(`DROP TABLE "instruments"`);
    await q.query(`DROP TYPE "public"."instrument_status"`);
  }
}
