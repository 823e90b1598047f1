import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1795635005914 implements MigrationInterface {
  name = 'Init1795635005914';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "audit_log" ("id" BIGSERIAL NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "actor_role" character varying(20) NOT NULL, "body_id" uuid, "action" character varying(64) NOT NULL, "entity_type" character varying(64) NOT NULL, "entity_id" character varying(64), "changes" jsonb NOT NULL DEFAULT '{}', "request_id" character varying(64), CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_audit_log_time" ON "audit_log"  ("occurred_at") `);
    await q.query(`CREATE INDEX "ix_audit_log_actor" ON "audit_log"  ("actor_id") `);
    await q.query(`CREATE INDEX "ix_audit_log_body_time" ON "audit_log"  ("body_id", "occurred_at") `);
    await q.query(`CREATE INDEX "ix_audit_log_entity" ON "audit_log"  ("entity_type", "entity_id") `);
    await q.query(
      `CREATE TABLE "rate_limits" ("key" character varying(200) NOT NULL, "hits" integer NOT NULL, "window_ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_8cb6aa4831e3e775ccf370521db" PRIMARY KEY ("key"))`,
    );
    await q.query(`CREATE TYPE "public"."user_status" AS ENUM('active', 'disabled', 'erased')`);
    await q.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254) NOT NULL, "display_name" character varying(120) NOT NULL, "password_hash" text NOT NULL, "status" "public"."user_status" NOT NULL DEFAULT 'active', "disabled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "ck_users_email_lower" CHECK (email = lower(email)), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "uq_users_email" ON "users"  ("email") `);
    await q.query(
      `CREATE TABLE "sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "revoke_reason" character varying(40), CONSTRAINT "PK_3238ef96f18b355b671619111bc" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_sessions_user" ON "sessions"  ("user_id") `);
    await q.query(
      `CREATE TABLE "refresh_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_7d8bee0204106019488c4c50ffa" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_refresh_tokens_session" ON "refresh_tokens"  ("session_id") `);
    await q.query(`CREATE UNIQUE INDEX "uq_refresh_tokens_hash" ON "refresh_tokens"  ("token_hash") `);
    await q.query(`CREATE TYPE "public"."body_kind" AS ENUM('international', 'national')`);
    await q.query(
      `CREATE TABLE "bodies" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(32) NOT NULL, "name" character varying(200) NOT NULL, "kind" "public"."body_kind" NOT NULL, "country_code" character(2), "parent_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_efc66684e75152471d119b6e5a3" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "uq_bodies_code" ON "bodies"  ("code") `);
    await q.query(`CREATE TYPE "public"."role" AS ENUM('ADMIN', 'BODY_ADMIN', 'SUPERVISOR', 'TRAINEE')`);
    await q.query(
      `CREATE TABLE "role_grants" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "role" "public"."role" NOT NULL, "body_id" uuid, "granted_by" uuid, "granted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_by" uuid, CONSTRAINT "PK_f7cf33da46b9f884f2d459e0eff" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "uq_role_grants_active" ON "role_grants"  ("user_id", "role", "body_id") WHERE revoked_at IS NULL`);
    await q.query(
      `ALTER TABLE "sessions" ADD CONSTRAINT "FK_085d540d9f418cfbdc7bd55bb19" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "refresh_tokens" ADD CONSTRAINT "FK_3bf308fa93da3966f9e76fcfba4" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "bodies" ADD CONSTRAINT "FK_b480d5e840e6eb5748d56c43891" FOREIGN KEY ("parent_id") REFERENCES "bodies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "role_grants" ADD CONSTRAINT "FK_2b1c3c28ffbc09b85170c655d4b" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "role_grants" ADD CONSTRAINT "FK_90e1a3daf4aff6e034222248357" FOREIGN KEY ("body_id") REFERENCES "bodies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // The audit trail is append-only for the application: enforced by the database, not by convention.
    await q.query(`CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = '42501'; END $$`);
    await q.query(
      `CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`,
    );
    await q.query(
      `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER audit_log_no_truncate ON "audit_log"`);
    await q.query(`DROP TRIGGER audit_log_no_change ON "audit_log"`);
    await q.query(`DROP FUNCTION audit_log_append_only()`);
    await q.query(`ALTER TABLE "role_grants" DROP CONSTRAINT "FK_90e1a3daf4aff6e034222248357"`);
    await q.query(`ALTER TABLE "role_grants" DROP CONSTRAINT "FK_2b1c3c28ffbc09b85170c655d4b"`);
    await q.query(`ALTER TABLE "bodies" DROP CONSTRAINT "FK_b480d5e840e6eb5748d56c43891"`);
    await q.query(`ALTER TABLE "refresh_tokens" DROP CONSTRAINT "FK_3bf308fa93da3966f9e76fcfba4"`);
    await q.query(`ALTER TABLE "sessions" DROP CONSTRAINT "FK_085d540d9f418cfbdc7bd55bb19"`);
    await q.query(`DROP INDEX "public"."uq_role_grants_active"`);
    await q.query(`DROP TABLE "role_grants"`);
    await q.query(`DROP TYPE "public"."role"`);
    await q.query(`DROP INDEX "public"."uq_bodies_code"`);
    await q.query(`DROP TABLE "bodies"`);
    await q.query(`DROP TYPE "public"."body_kind"`);
    await q.query(`DROP INDEX "public"."uq_refresh_tokens_hash"`);
    await q.query(`DROP INDEX "public"."ix_refresh_tokens_session"`);
    await q.query(`DROP TABLE "refresh_tokens"`);
    await q.query(`DROP INDEX "public"."ix_sessions_user"`);
    await q.query(`DROP TABLE "sessions"`);
    await q.query(`DROP INDEX "public"."uq_users_email"`);
    await q.query(`DROP TABLE "users"`);
    await q.query(`DROP TYPE "public"."user_status"`);
    await q.query(`DROP TABLE "rate_limits"`);
    await q.query(`DROP INDEX "public"."ix_audit_log_entity"`);
    await q.query(`DROP INDEX "public"."ix_audit_log_body_time"`);
    await q.query(`DROP INDEX "public"."ix_audit_log_actor"`);
    await q.query(`DROP INDEX "public"."ix_audit_log_time"`);
    await q.query(`DROP TABLE "audit_log"`);
  }
}
