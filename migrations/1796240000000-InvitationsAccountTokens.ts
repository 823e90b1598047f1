import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InvitationsAccountTokens1796240000000 implements MigrationInterface {
  name = 'InvitationsAccountTokens1796240000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "invitations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "body_id" uuid NOT NULL, "role" "public"."role" NOT NULL, "email" character varying(254) NOT NULL, "token_hash" character varying(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "invited_by" uuid, "send_count" integer NOT NULL DEFAULT '1', "accepted_at" TIMESTAMP WITH TIME ZONE, "accepted_by" uuid, "withdrawn_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5dec98cfdfd562e4ad3648bbb07" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "uq_invitations_token_hash" ON "invitations" ("token_hash") `);
    await q.query(`CREATE INDEX "ix_invitations_body" ON "invitations" ("body_id", "created_at") `);
    await q.query(
      `ALTER TABLE "invitations" ADD CONSTRAINT "FK_a6d758bd94a2dace3fee6884d4e" FOREIGN KEY ("body_id") REFERENCES "bodies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(`CREATE TYPE "public"."account_token_purpose" AS ENUM('password_reset', 'verify_email', 'change_email')`);
    await q.query(
      `CREATE TABLE "account_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "purpose" "public"."account_token_purpose" NOT NULL, "token_hash" character varying(64) NOT NULL, "new_email" character varying(254), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_account_tokens" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "uq_account_tokens_token_hash" ON "account_tokens" ("token_hash") `);
    await q.query(`CREATE INDEX "ix_account_tokens_user" ON "account_tokens" ("user_id", "purpose") `);
    await q.query(
      `ALTER TABLE "account_tokens" ADD CONSTRAINT "FK_1b5fea09efc20c7f63c4a09b3d6" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(`ALTER TABLE "users" ADD "email_verified_at" TIMESTAMP WITH TIME ZONE`);
    // accounts that exist today keep working as before: they count as verified (the demo accounts included)
    await q.query(`UPDATE "users" SET "email_verified_at" = "created_at"`);
    await q.query(`ALTER TABLE "notifications" ALTER COLUMN "recipient_id" DROP NOT NULL`);
    await q.query(`ALTER TABLE "notifications" ADD "to_address" character varying(254)`);
    await q.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "ck_notifications_addressed" CHECK (recipient_id IS NOT NULL OR to_address IS NOT NULL)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "notifications" DROP CONSTRAINT "ck_notifications_addressed"`);
    await q.query(`DELETE FROM "notifications" WHERE "recipient_id" IS NULL`);
    await q.query(`ALTER TABLE "notifications" DROP COLUMN "to_address"`);
    await q.query(`ALTER TABLE "notifications" ALTER COLUMN "recipient_id" SET NOT NULL`);
    await q.query(`ALTER TABLE "users" DROP COLUMN "email_verified_at"`);
    await q.query(`ALTER TABLE "account_tokens" DROP CONSTRAINT "FK_1b5fea09efc20c7f63c4a09b3d6"`);
    await q.query(`DROP INDEX "public"."ix_account_tokens_user"`);
    await q.query(`DROP INDEX "public"."uq_account_tokens_token_hash"`);
    await q.query(`DROP TABLE "account_tokens"`);
    await q.query(`DROP TYPE "public"."account_token_purpose"`);
    await q.query(`ALTER TABLE "invitations" DROP CONSTRAINT "FK_a6d758bd94a2dace3fee6884d4e"`);
    await q.query(`DROP INDEX "public"."ix_invitations_body"`);
    await q.query(`DROP INDEX "public"."uq_invitations_token_hash"`);
    await q.query(`DROP TABLE "invitations"`);
  }
}
