import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RatingsCalibration1795635844015 implements MigrationInterface {
  name = 'RatingsCalibration1795635844015';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE "public"."rubric_target" AS ENUM('session', 'case', 'portfolio')`);
    await q.query(
      `CREATE TABLE "rubrics" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "owner_body_id" uuid, "code" character varying(40) NOT NULL, "name" character varying(200) NOT NULL, "modality" character varying(40) NOT NULL, "target" "public"."rubric_target" NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3dfcdc7f63f3fa048ebe0293a90" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "uq_rubrics_body_code" ON "rubrics"  ("owner_body_id", "code") WHERE owner_body_id IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX "uq_rubrics_global_code" ON "rubrics"  ("code") WHERE owner_body_id IS NULL`);
    await q.query(`CREATE TYPE "public"."rubric_version_status" AS ENUM('draft', 'published', 'retired')`);
    await q.query(
      `CREATE TABLE "rubric_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "rubric_id" uuid NOT NULL, "version_number" integer NOT NULL, "status" "public"."rubric_version_status" NOT NULL, "definition" jsonb NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE, "published_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_a07f5d509c7c006b1572abdc5ae" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "uq_rubric_versions_number" ON "rubric_versions"  ("rubric_id", "version_number") `);
    await q.query(`CREATE TYPE "public"."calibration_exercise_status" AS ENUM('open', 'closed')`);
    await q.query(
      `CREATE TABLE "calibration_exercises" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "body_id" uuid NOT NULL, "rubric_version_id" uuid NOT NULL, "title" character varying(200) NOT NULL, "description" text NOT NULL, "reference_scores" jsonb NOT NULL, "tolerance" jsonb NOT NULL, "status" "public"."calibration_exercise_status" NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_734d49e42793252d6c50c01fd45" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_calibration_exercises_body" ON "calibration_exercises"  ("body_id", "status") `);
    await q.query(
      `CREATE TABLE "calibration_attempts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "exercise_id" uuid NOT NULL, "rater_id" uuid NOT NULL, "scores" jsonb NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_d2468da670ebd8e16b3dfffd169" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "uq_calibration_attempts_rater" ON "calibration_attempts"  ("exercise_id", "rater_id") `);
    await q.query(`CREATE TYPE "public"."rater_role" AS ENUM('supervisor', 'independent', 'self')`);
    await q.query(`CREATE TYPE "public"."rating_status" AS ENUM('draft', 'submitted')`);
    await q.query(
      `CREATE TABLE "ratings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "rubric_version_id" uuid NOT NULL, "target_type" "public"."rubric_target" NOT NULL, "target_id" uuid NOT NULL, "trainee_id" uuid NOT NULL, "rater_id" uuid NOT NULL, "rater_role" "public"."rater_role" NOT NULL, "body_id" uuid, "scores" jsonb NOT NULL DEFAULT '{}', "item_comments" jsonb NOT NULL DEFAULT '{}', "overall_comment" text, "session_phase" character varying(20), "total" integer NOT NULL, "mean" double precision, "passed" boolean, "status" "public"."rating_status" NOT NULL, "supersedes_id" uuid, "correction_reason" character varying(1000), "submitted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_0f31425b073219379545ad68ed9" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "uq_ratings_supersedes" ON "ratings"  ("supersedes_id") WHERE supersedes_id IS NOT NULL`);
    await q.query(`CREATE INDEX "ix_ratings_trainee" ON "ratings"  ("trainee_id", "created_at") `);
    await q.query(`CREATE INDEX "ix_ratings_target" ON "ratings"  ("target_type", "target_id") `);
    await q.query(
      `ALTER TABLE "rubrics" ADD CONSTRAINT "FK_77b3c7a470fb0a7db618685b107" FOREIGN KEY ("owner_body_id") REFERENCES "bodies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "rubric_versions" ADD CONSTRAINT "FK_914230f59cc822cb13c655aa810" FOREIGN KEY ("rubric_id") REFERENCES "rubrics"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "calibration_exercises" ADD CONSTRAINT "FK_f222f325d6e33abe7eb7004b5f9" FOREIGN KEY ("body_id") REFERENCES "bodies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "calibration_exercises" ADD CONSTRAINT "FK_5e1c4465a4f727c24588c62eb8e" FOREIGN KEY ("rubric_version_id") REFERENCES "rubric_versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "calibration_attempts" ADD CONSTRAINT "FK_44eaead45fbf58ac87bc058b6a9" FOREIGN KEY ("exercise_id") REFERENCES "calibration_exercises"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "calibration_attempts" ADD CONSTRAINT "FK_d97af3348b366f3a1d50ab4cc25" FOREIGN KEY ("rater_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "ratings" ADD CONSTRAINT "FK_827bf0be048cc1321e3c95381d4" FOREIGN KEY ("rubric_version_id") REFERENCES "rubric_versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "ratings" ADD CONSTRAINT "FK_ccaabbdd30f35ee46af8d09c203" FOREIGN KEY ("trainee_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "ratings" ADD CONSTRAINT "FK_a5f23ba85e0f0d183b0a57476a8" FOREIGN KEY ("rater_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "ratings" ADD CONSTRAINT "FK_b7bf9a389ed18d15efe5ccf3030" FOREIGN KEY ("supersedes_id") REFERENCES "ratings"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "ratings" DROP CONSTRAINT "FK_b7bf9a389ed18d15efe5ccf3030"`);
    await q.query(`ALTER TABLE "ratings" DROP CONSTRAINT "FK_a5f23ba85e0f0d183b0a57476a8"`);
    await q.query(`ALTER TABLE "ratings" DROP CONSTRAINT "FK_ccaabbdd30f35ee46af8d09c203"`);
    await q.query(`ALTER TABLE "ratings" DROP CONSTRAINT "FK_827bf0be048cc1321e3c95381d4"`);
    await q.query(`ALTER TABLE "calibration_attempts" DROP CONSTRAINT "FK_d97af3348b366f3a1d50ab4cc25"`);
    await q.query(`ALTER TABLE "calibration_attempts" DROP CONSTRAINT "FK_44eaead45fbf58ac87bc058b6a9"`);
    await q.query(`ALTER TABLE "calibration_exercises" DROP CONSTRAINT "FK_5e1c4465a4f727c24588c62eb8e"`);
    await q.query(`ALTER TABLE "calibration_exercises" DROP CONSTRAINT "FK_f222f325d6e33abe7eb7004b5f9"`);
    await q.query(`ALTER TABLE "rubric_versions" DROP CONSTRAINT "FK_914230f59cc822cb13c655aa810"`);
    await q.query(`ALTER TABLE "rubrics" DROP CONSTRAINT "FK_77b3c7a470fb0a7db618685b107"`);
    await q.query(`DROP INDEX "public"."ix_ratings_target"`);
    await q.query(`DROP INDEX "public"."ix_ratings_trainee"`);
    await q.query(`DROP INDEX "public"."uq_ratings_supersedes"`);
    await q.query(`DROP TABLE "ratings"`);
    await q.query(`DROP TYPE "public"."rating_status"`);
    await q.query(`DROP TYPE "public"."rater_role"`);
    await q.query(`DROP INDEX "public"."uq_calibration_attempts_rater"`);
    await q.query(`DROP TABLE "calibration_attempts"`);
    await q.query(`DROP INDEX "public"."ix_calibration_exercises_body"`);
    await q.query(`DROP TABLE "calibration_exercises"`);
    await q.query(`DROP TYPE "public"."calibration_exercise_status"`);
    await q.query(`DROP INDEX "public"."uq_rubric_versions_number"`);
    await q.query(`DROP TABLE "rubric_versions"`);
    await q.query(`DROP TYPE "public"."rubric_version_status"`);
    await q.query(`DROP INDEX "public"."uq_rubrics_global_code"`);
    await q.query(`DROP INDEX "public"."uq_rubrics_body_code"`);
    await q.query(`DROP TABLE "rubrics"`);
    await q.query(`DROP TYPE "public"."rubric_target"`);
  }
}
