import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TrainingCases1795635633138 implements MigrationInterface {
  name = 'TrainingCases1795635633138';

  async up(q: QueryRunner): Promise<void> {
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
    await q.query(`CREATE TYPE "public"."case_status" AS ENUM('active', 'completed', 'dropped_out', 'transferred')`);
    await q.query(`CREATE TYPE "public"."case_review_state" AS ENUM('draft', 'submitted', 'returned', 'signed_off')`);
    await q.query(
      `CREATE TABLE "supervised_cases" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "trainee_id" uuid NOT NULL, "supervisor_id" uuid NOT NULL, "body_id" uuid NOT NULL, "client_code" character varying(16) NOT NULL, "format" "public"."case_format" NOT NULL, "adaptation" "public"."case_adaptation" NOT NULL, "age_band" "public"."case_age_band" NOT NULL, "setting" "public"."case_setting" NOT NULL, "primary_diagnosis" character varying(8) NOT NULL, "focus_problem_area" "public"."problem_area" NOT NULL, "secondary_problem_area" "public"."problem_area", "planned_sessions" integer NOT NULL, "start_date" date NOT NULL, "end_date" date, "status" "public"."case_status" NOT NULL DEFAULT 'active', "end_reason" character varying(500), "recording_consent" boolean NOT NULL DEFAULT false, "presenting_problem" text, "formulation" text, "course" text, "techniques" text, "outcome" text, "review_state" "public"."case_review_state" NOT NULL DEFAULT 'draft', "submitted_at" TIMESTAMP WITH TIME ZONE, "risk_flagged_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_supervised_cases_not_self" CHECK (supervisor_id <> trainee_id), CONSTRAINT "ck_supervised_cases_secondary" CHECK (secondary_problem_area IS NULL OR secondary_problem_area <> focus_problem_area), CONSTRAINT "ck_supervised_cases_dates" CHECK (end_date IS NULL OR end_date >= start_date), CONSTRAINT "ck_supervised_cases_planned" CHECK (planned_sessions BETWEEN 1 AND 40), CONSTRAINT "PK_205edbdc83bfb3350d152d232e9" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_supervised_cases_supervisor_queue" ON "supervised_cases"  ("supervisor_id", "review_state") `);
    await q.query(`CREATE UNIQUE INDEX "uq_supervised_cases_client_code" ON "supervised_cases"  ("trainee_id", "client_code") `);
    await q.query(`CREATE TYPE "public"."case_review_event_kind" AS ENUM('submitted', 'returned', 'signed_off', 'voided', 'withdrawn')`);
    await q.query(
      `CREATE TABLE "case_review_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "kind" "public"."case_review_event_kind" NOT NULL, "actor_id" uuid, "comments" text, "content_hash" character(64), "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), CONSTRAINT "PK_69423dd5fb9d3949315bf5ae844" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_case_review_events_case" ON "case_review_events"  ("case_id", "at") `);
    await q.query(
      `CREATE TABLE "case_signoffs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "supervisor_id" uuid NOT NULL, "content_hash" character(64) NOT NULL, "snapshot" jsonb NOT NULL, "signed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "voided_at" TIMESTAMP WITH TIME ZONE, "void_reason" character varying(200), CONSTRAINT "PK_560a4879c7d3865649b4507135f" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "uq_case_signoffs_current" ON "case_signoffs"  ("case_id") WHERE voided_at IS NULL`);
    await q.query(`CREATE TYPE "public"."session_phase" AS ENUM('initial', 'middle', 'termination')`);
    await q.query(
      `CREATE TABLE "therapy_sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "number" integer NOT NULL, "date" date NOT NULL, "duration_minutes" integer NOT NULL, "phase" "public"."session_phase" NOT NULL, "attended" boolean NOT NULL, "recorded" boolean NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_therapy_sessions_duration" CHECK (duration_minutes BETWEEN 10 AND 180), CONSTRAINT "ck_therapy_sessions_number" CHECK (number >= 1), CONSTRAINT "PK_6fe6d9add6f1790d13c7946d1cf" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "uq_therapy_sessions_number" ON "therapy_sessions"  ("case_id", "number") `);
    await q.query(`CREATE TYPE "public"."measure_instrument" AS ENUM('PHQ9', 'GAD7', 'BDI2', 'HAMD17')`);
    await q.query(
      `CREATE TABLE "outcome_measures" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "instrument" "public"."measure_instrument" NOT NULL, "administered_on" date NOT NULL, "session_number" integer, "items" integer array, "total" integer NOT NULL, "severity" character varying(32) NOT NULL, "risk_flag" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_outcome_measures_total" CHECK (total >= 0), CONSTRAINT "ck_outcome_measures_session" CHECK (session_number IS NULL OR session_number >= 0), CONSTRAINT "PK_fe0031f37f50292db0d7ac496a9" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_outcome_measures_case" ON "outcome_measures"  ("case_id", "instrument", "administered_on") `);
    await q.query(
      `ALTER TABLE "supervised_cases" ADD CONSTRAINT "FK_52b966029d7eb8cd720ce055c6d" FOREIGN KEY ("trainee_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "supervised_cases" ADD CONSTRAINT "FK_338c3143d597e29bde34521a6bd" FOREIGN KEY ("supervisor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "supervised_cases" ADD CONSTRAINT "FK_5e45b2516387be91e378be94952" FOREIGN KEY ("body_id") REFERENCES "bodies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "case_review_events" ADD CONSTRAINT "FK_aa1f4206329e2a1dddf99ccbb1f" FOREIGN KEY ("case_id") REFERENCES "supervised_cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "case_signoffs" ADD CONSTRAINT "FK_53950324c10b758c582b38a796c" FOREIGN KEY ("case_id") REFERENCES "supervised_cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "case_signoffs" ADD CONSTRAINT "FK_7784ee83b45463ddb57cc092ade" FOREIGN KEY ("supervisor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "therapy_sessions" ADD CONSTRAINT "FK_11fc3b565f5279a885e9302e3fa" FOREIGN KEY ("case_id") REFERENCES "supervised_cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "outcome_measures" ADD CONSTRAINT "FK_adba53ebe5a0c59cbe627791f31" FOREIGN KEY ("case_id") REFERENCES "supervised_cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "outcome_measures" DROP CONSTRAINT "FK_adba53ebe5a0c59cbe627791f31"`);
    await q.query(`ALTER TABLE "therapy_sessions" DROP CONSTRAINT "FK_11fc3b565f5279a885e9302e3fa"`);
    await q.query(`ALTER TABLE "case_signoffs" DROP CONSTRAINT "FK_7784ee83b45463ddb57cc092ade"`);
    await q.query(`ALTER TABLE "case_signoffs" DROP CONSTRAINT "FK_53950324c10b758c582b38a796c"`);
    await q.query(`ALTER TABLE "case_review_events" DROP CONSTRAINT "FK_aa1f4206329e2a1dddf99ccbb1f"`);
    await q.query(`ALTER TABLE "supervised_cases" DROP CONSTRAINT "FK_5e45b2516387be91e378be94952"`);
    await q.query(`ALTER TABLE "supervised_cases" DROP CONSTRAINT "FK_338c3143d597e29bde34521a6bd"`);
    await q.query(`ALTER TABLE "supervised_cases" DROP CONSTRAINT "FK_52b966029d7eb8cd720ce055c6d"`);
    await q.query(`DROP INDEX "public"."ix_outcome_measures_case"`);
    await q.query(`DROP TABLE "outcome_measures"`);
    await q.query(`DROP TYPE "public"."measure_instrument"`);
    await q.query(`DROP INDEX "public"."uq_therapy_sessions_number"`);
    await q.query(`DROP TABLE "therapy_sessions"`);
    await q.query(`DROP TYPE "public"."session_phase"`);
    await q.query(`DROP INDEX "public"."uq_case_signoffs_current"`);
    await q.query(`DROP TABLE "case_signoffs"`);
    await q.query(`DROP INDEX "public"."ix_case_review_events_case"`);
    await q.query(`DROP TABLE "case_review_events"`);
    await q.query(`DROP TYPE "public"."case_review_event_kind"`);
    await q.query(`DROP INDEX "public"."uq_supervised_cases_client_code"`);
    await q.query(`DROP INDEX "public"."ix_supervised_cases_supervisor_queue"`);
    await q.query(`DROP TABLE "supervised_cases"`);
    await q.query(`DROP TYPE "public"."case_review_state"`);
    await q.query(`DROP TYPE "public"."case_status"`);
    await q.query(`DROP TYPE "public"."problem_area"`);
    await q.query(`DROP TYPE "public"."case_setting"`);
    await q.query(`DROP TYPE "public"."case_age_band"`);
    await q.query(`DROP TYPE "public"."case_adaptation"`);
    await q.query(`DROP TYPE "public"."case_format"`);
  }
}
