import type { MigrationInterface, QueryRunner } from 'typeorm';

// Scheduled reminders (renewal due, calibration expiring) are sent once per thing and period: a notification may
// carry a key naming what it is about (e.g. renewal:<accreditation>:<expiry>), unique when set, so a job that runs
// again — on another day or on another replica — writes no second row.
export class NotificationOnceKey1796250000000 implements MigrationInterface {
  name = 'NotificationOnceKey1796250000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "notifications" ADD "once_key" character varying(200)`);
    await q.query(`CREATE UNIQUE INDEX "uq_notifications_once_key" ON "notifications" ("once_key") WHERE once_key IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."uq_notifications_once_key"`);
    await q.query(`ALTER TABLE "notifications" DROP COLUMN "once_key"`);
  }
}
