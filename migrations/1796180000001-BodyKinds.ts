import type { MigrationInterface, QueryRunner } from 'typeorm';

// Several bodies per country: two more kinds (regional chapter, other). No constraint ever made the country
// unique (it was a service check, now gone), so only the enum changes.
export class BodyKinds1796180000001 implements MigrationInterface {
  name = 'BodyKinds1796180000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TYPE "public"."body_kind" ADD VALUE IF NOT EXISTS 'regional'`);
    await q.query(`ALTER TYPE "public"."body_kind" ADD VALUE IF NOT EXISTS 'other'`);
  }

  // PostgreSQL cannot drop an enum value: rebuild the type. Fails (as it should) while a regional/other body exists.
  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TYPE "public"."body_kind" RENAME TO "body_kind_old"`);
    await q.query(`CREATE TYPE "public"."body_kind" AS ENUM('international', 'national')`);
    await q.query(`ALTER TABLE "bodies" ALTER COLUMN "kind" TYPE "public"."body_kind" USING "kind"::text::"public"."body_kind"`);
    await q.query(`DROP TYPE "public"."body_kind_old"`);
  }
}
