import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TrainingRecordsRecA1795635969953 implements MigrationInterface {
  name = 'TrainingRecordsRecA1795635969953';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TYPE "public"."core_profession" AS ENUM('psychologist', 'psychiatrist', 'nurse', 'social_worker', 'occupational_therapist', 'counsellor', 'psychotherapist', 'other_licensed', 'none')`,
    );
    await q.query(
      `CREATE TABLE "trainee_profiles" ("user_id" uuid NOT NULL, "country_code" character(2) NOT NULL, "home_body_id" uuid NOT NULL, "core_profession" "public"."core_profession" NOT NULL, "licences" jsonb NOT NULL DEFAULT '[]', "memberships" jsonb NOT NULL DEFAULT '[]', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_40ddcb990aeb0d4f14c9bec6617" PRIMARY KEY ("user_id"))`,
    );
    await q.query(`CREATE TYPE "public"."training_activity_kind" AS ENUM('didactic_course', 'workshop', 'booster', 'cpd', 'other')`);
    await q.query(`CREATE TYPE "public"."training_activity_delivery" AS ENUM('in_person', 'online')`);
    await q.query(
      `CREATE TABLE "training_activities" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "trainee_id" uuid NOT NULL, "kind" "public"."training_activity_kind" NOT NULL, "title" character varying(200) NOT NULL, "provider" character varying(200) NOT NULL, "trainer_id" uuid, "hours" numeric(5,2) NOT NULL, "delivery" "public"."training_activity_delivery" NOT NULL, "date" date NOT NULL, "evidence_ref" character varying(500), "verified_by" uuid, "verified_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "ck_training_activities_verified" CHECK ((verified_by IS NULL) = (verified_at IS NULL)), CONSTRAINT "ck_training_activities_hours" CHECK (hours > 0 AND hours <= 200), CONSTRAINT "PK_59d59d26f7195bf0bcd5721aba7" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_training_activities_trainee_date" ON "training_activities"  ("trainee_id", "date") `);
    await q.query(
      `CREATE TYPE "public"."conflict_kind" AS ENUM('family', 'partner', 'line_manager', 'business', 'personal_friend', 'own_therapist', 'other')`,
    );
    await q.query(
      `CREATE TABLE "conflict_declarations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_a_id" uuid NOT NULL, "user_b_id" uuid NOT NULL, "kind" "public"."conflict_kind" NOT NULL, "note" character varying(500), "declared_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "ended_at" TIMESTAMP WITH TIME ZONE, "ended_by" uuid, CONSTRAINT "ck_conflict_declarations_pair" CHECK (user_a_id < user_b_id), CONSTRAINT "PK_54773c4de5f8dd35925794876a6" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_conflict_declarations_user_b" ON "conflict_declarations"  ("user_b_id") `);
    await q.query(
      `CREATE UNIQUE INDEX "uq_conflict_declarations_active" ON "conflict_declarations"  ("user_a_id", "user_b_id", "kind") WHERE ended_at IS NULL`,
    );
    await q.query(`CREATE INDEX "ix_conflict_declarations_pair" ON "conflict_declarations"  ("user_a_id", "user_b_id") `);
    await q.query(
      `ALTER TABLE "trainee_profiles" ADD CONSTRAINT "FK_40ddcb990aeb0d4f14c9bec6617" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "trainee_profiles" ADD CONSTRAINT "FK_149fae90f70944eacab91843fd0" FOREIGN KEY ("home_body_id") REFERENCES "bodies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "training_activities" ADD CONSTRAINT "FK_e5b1ae929b8424218fca6acdceb" FOREIGN KEY ("trainee_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "training_activities" ADD CONSTRAINT "FK_f6d8e2760c19f7cdcd1935a1fb3" FOREIGN KEY ("trainer_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "training_activities" ADD CONSTRAINT "FK_c070f35d2f0d8b62b2cfaec60c7" FOREIGN KEY ("verified_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "conflict_declarations" ADD CONSTRAINT "FK_10e883ee43bf43ccc760d505d88" FOREIGN KEY ("user_a_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "conflict_declarations" ADD CONSTRAINT "FK_1ee8c24d027cf0d1709ab485bab" FOREIGN KEY ("user_b_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "conflict_declarations" DROP CONSTRAINT "FK_1ee8c24d027cf0d1709ab485bab"`);
    await q.query(`ALTER TABLE "conflict_declarations" DROP CONSTRAINT "FK_10e883ee43bf43ccc760d505d88"`);
    await q.query(`ALTER TABLE "training_activities" DROP CONSTRAINT "FK_c070f35d2f0d8b62b2cfaec60c7"`);
    await q.query(`ALTER TABLE "training_activities" DROP CONSTRAINT "FK_f6d8e2760c19f7cdcd1935a1fb3"`);
    await q.query(`ALTER TABLE "training_activities" DROP CONSTRAINT "FK_e5b1ae929b8424218fca6acdceb"`);
    await q.query(`ALTER TABLE "trainee_profiles" DROP CONSTRAINT "FK_149fae90f70944eacab91843fd0"`);
    await q.query(`ALTER TABLE "trainee_profiles" DROP CONSTRAINT "FK_40ddcb990aeb0d4f14c9bec6617"`);
    await q.query(`DROP INDEX "public"."ix_conflict_declarations_pair"`);
    await q.query(`DROP INDEX "public"."uq_conflict_declarations_active"`);
    await q.query(`DROP INDEX "public"."ix_conflict_declarations_user_b"`);
    await q.query(`DROP TABLE "conflict_declarations"`);
    await q.query(`DROP TYPE "public"."conflict_kind"`);
    await q.query(`DROP INDEX "public"."ix_training_activities_trainee_date"`);
    await q.query(`DROP TABLE "training_activities"`);
    await q.query(`DROP TYPE "public"."training_activity_delivery"`);
    await q.query(`DROP TYPE "public"."training_activity_kind"`);
    await q.query(`DROP TABLE "trainee_profiles"`);
    await q.query(`DROP TYPE "public"."core_profession"`);
  }
}
