import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1796180000000 implements MigrationInterface {
  name = 'Notifications1796180000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TYPE "public"."notification_email_status" AS ENUM('pending', 'sending', 'sent', 'failed', 'digest', 'digested', 'skipped')`,
    );
    await q.query(
      `CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "recipient_id" uuid NOT NULL, "kind" character varying(64) NOT NULL, "security" boolean NOT NULL DEFAULT false, "in_app" boolean NOT NULL DEFAULT true, "language" character varying(12) NOT NULL, "subject" character varying(300) NOT NULL, "body_text" text NOT NULL, "body_html" text NOT NULL, "link" character varying(2000), "read_at" TIMESTAMP WITH TIME ZONE, "email_status" "public"."notification_email_status" NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "lease_until" TIMESTAMP WITH TIME ZONE, "last_error" text, "sent_at" TIMESTAMP WITH TIME ZONE, "digest_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "ix_notifications_due" ON "notifications"  ("next_attempt_at") WHERE email_status IN ('pending', 'sending')`,
    );
    await q.query(`CREATE INDEX "ix_notifications_recipient" ON "notifications"  ("recipient_id", "created_at") `);
    await q.query(`CREATE TYPE "public"."notification_email_preference" AS ENUM('immediate', 'daily', 'off')`);
    await q.query(
      `CREATE TABLE "notification_preferences" ("user_id" uuid NOT NULL, "email" "public"."notification_email_preference" NOT NULL DEFAULT 'immediate', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_64c90edc7310c6be7c10c96f675" PRIMARY KEY ("user_id"))`,
    );
    await q.query(
      `CREATE TABLE "schedule_runs" ("job" character varying(64) NOT NULL, "period" character varying(32) NOT NULL, "ran_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_09f01a1d0ce96a9b488cbd6ffd6" PRIMARY KEY ("job", "period"))`,
    );
    await q.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "FK_5332a4daa46fd3f4e6625dd275d" FOREIGN KEY ("recipient_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "notification_preferences" ADD CONSTRAINT "FK_64c90edc7310c6be7c10c96f675" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "notification_preferences" DROP CONSTRAINT "FK_64c90edc7310c6be7c10c96f675"`);
    await q.query(`ALTER TABLE "notifications" DROP CONSTRAINT "FK_5332a4daa46fd3f4e6625dd275d"`);
    await q.query(`DROP TABLE "schedule_runs"`);
    await q.query(`DROP TABLE "notification_preferences"`);
    await q.query(`DROP TYPE "public"."notification_email_preference"`);
    await q.query(`DROP INDEX "public"."ix_notifications_recipient"`);
    await q.query(`DROP INDEX "public"."ix_notifications_due"`);
    await q.query(`DROP TABLE "notifications"`);
    await q.query(`DROP TYPE "public"."notification_email_status"`);
  }
}
