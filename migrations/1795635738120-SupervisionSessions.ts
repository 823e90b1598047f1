import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SupervisionSessions1795635738120 implements MigrationInterface {
  name = 'SupervisionSessions1795635738120';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "supervision_participants" ("session_id" uuid NOT NULL, "trainee_id" uuid NOT NULL, CONSTRAINT "PK_e615323365c857c0e991f92cf8d" PRIMARY KEY ("session_id", "trainee_id"))`,
    );
    await q.query(`CREATE INDEX "ix_supervision_participants_trainee" ON "supervision_participants"  ("trainee_id") `);
    await q.query(`CREATE TYPE "public"."supervision_format" AS ENUM('individual', 'group')`);
    await q.query(
      `CREATE TABLE "supervision_sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "supervisor_id" uuid NOT NULL, "body_id" uuid NOT NULL, "date" date NOT NULL, "minutes" integer NOT NULL, "format" "public"."supervision_format" NOT NULL, "notes" character varying(2000), "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "ck_supervision_sessions_minutes" CHECK (minutes BETWEEN 1 AND 600), CONSTRAINT "PK_d1ff76d33a78cef842c592843b9" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_supervision_sessions_supervisor" ON "supervision_sessions"  ("supervisor_id", "date", "id") `);
    await q.query(
      `CREATE TABLE "supervision_case_reviews" ("session_id" uuid NOT NULL, "case_id" uuid NOT NULL, "minutes" integer, "reviewed_session_ids" uuid array NOT NULL DEFAULT '{}', CONSTRAINT "ck_supervision_case_reviews_minutes" CHECK (minutes IS NULL OR minutes BETWEEN 1 AND 600), CONSTRAINT "PK_1369b4b1bdb4850d7501d6793cd" PRIMARY KEY ("session_id", "case_id"))`,
    );
    await q.query(`CREATE INDEX "ix_supervision_case_reviews_case" ON "supervision_case_reviews"  ("case_id") `);
    await q.query(
      `ALTER TABLE "supervision_participants" ADD CONSTRAINT "FK_1c74ea217461d5838b233186545" FOREIGN KEY ("session_id") REFERENCES "supervision_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "supervision_participants" ADD CONSTRAINT "FK_d0de70d63d1cde9cd1aff216deb" FOREIGN KEY ("trainee_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "supervision_sessions" ADD CONSTRAINT "FK_fcb182eaf7da6265595254a590d" FOREIGN KEY ("supervisor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "supervision_sessions" ADD CONSTRAINT "FK_c62541b152645c3e1b4ff6bc6f9" FOREIGN KEY ("body_id") REFERENCES "bodies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "supervision_case_reviews" ADD CONSTRAINT "FK_5392a91de5f7f059b17b2e80488" FOREIGN KEY ("session_id") REFERENCES "supervision_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "supervision_case_reviews" ADD CONSTRAINT "FK_dd1271dff86ddc1961ad3af6733" FOREIGN KEY ("case_id") REFERENCES "supervised_cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "supervision_case_reviews" DROP CONSTRAINT "FK_dd1271dff86ddc1961ad3af6733"`);
    await q.query(`ALTER TABLE "supervision_case_reviews" DROP CONSTRAINT "FK_5392a91de5f7f059b17b2e80488"`);
    await q.query(`ALTER TABLE "supervision_sessions" DROP CONSTRAINT "FK_c62541b152645c3e1b4ff6bc6f9"`);
    await q.query(`ALTER TABLE "supervision_sessions" DROP CONSTRAINT "FK_fcb182eaf7da6265595254a590d"`);
    await q.query(`ALTER TABLE "supervision_participants" DROP CONSTRAINT "FK_d0de70d63d1cde9cd1aff216deb"`);
    await q.query(`ALTER TABLE "supervision_participants" DROP CONSTRAINT "FK_1c74ea217461d5838b233186545"`);
    await q.query(`DROP INDEX "public"."ix_supervision_case_reviews_case"`);
    await q.query(`DROP TABLE "supervision_case_reviews"`);
    await q.query(`DROP INDEX "public"."ix_supervision_sessions_supervisor"`);
    await q.query(`DROP TABLE "supervision_sessions"`);
    await q.query(`DROP TYPE "public"."supervision_format"`);
    await q.query(`DROP INDEX "public"."ix_supervision_participants_trainee"`);
    await q.query(`DROP TABLE "supervision_participants"`);
  }
}
