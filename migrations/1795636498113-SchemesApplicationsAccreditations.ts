import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SchemesApplicationsAccreditations1795636498113 implements MigrationInterface {
  name = 'SchemesApplicationsAccreditations1795636498113';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "schemes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "body_id" uuid NOT NULL, "code" character varying(40) NOT NULL, "name" character varying(200) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fd989991874a1aab8856e326cd3" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "uq_schemes_body_code" ON "schemes"  ("body_id", "code") `);
    await q.query(`CREATE TYPE "public"."scheme_version_status" AS ENUM('draft', 'published', 'retired')`);
    await q.query(
      `CREATE TABLE "scheme_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "scheme_id" uuid NOT NULL, "version_number" integer NOT NULL, "status" "public"."scheme_version_status" NOT NULL DEFAULT 'draft', "effective_from" date NOT NULL, "definition" jsonb NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE, "retired_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_9ffe37acd5003b8edfe3b26fd6e" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "uq_scheme_versions_number" ON "scheme_versions"  ("scheme_id", "version_number") `);
    await q.query(
      `CREATE TABLE "scheme_enrolments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "scheme_id" uuid NOT NULL, "scheme_version_id" uuid NOT NULL, "enrolled_on" date NOT NULL, "opted_in_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_40475fed06c9f69bddd55ab8322" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "uq_scheme_enrolments" ON "scheme_enrolments"  ("user_id", "scheme_id") `);
    await q.query(
      `CREATE TYPE "public"."application_status" AS ENUM('submitted', 'more_info_requested', 'approved', 'rejected', 'withdrawn')`,
    );
    await q.query(
      `CREATE TABLE "applications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "applicant_id" uuid NOT NULL, "body_id" uuid NOT NULL, "scheme_version_id" uuid NOT NULL, "level_code" character varying(40) NOT NULL, "status" "public"."application_status" NOT NULL DEFAULT 'submitted', "evaluation" jsonb NOT NULL, "all_rules_met" boolean NOT NULL, "evaluated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "applicant_note" character varying(2000), "info_request" character varying(2000), "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "decision_reason" character varying(2000), "override_reason" character varying(2000), "accreditation_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_938c0a27255637bde919591888f" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_applications_open" ON "applications"  ("applicant_id", "scheme_version_id", "level_code") WHERE status IN ('submitted', 'more_info_requested')`,
    );
    await q.query(`CREATE INDEX "ix_applications_applicant" ON "applications"  ("applicant_id") `);
    await q.query(`CREATE INDEX "ix_applications_body_status" ON "applications"  ("body_id", "status") `);
    await q.query(
      `CREATE TABLE "application_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "application_id" uuid NOT NULL, "kind" character varying(30) NOT NULL, "actor_id" uuid, "note" character varying(2000), "evaluation" jsonb, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fd185969787381d8bf8c529bc00" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_application_events_app" ON "application_events"  ("application_id", "occurred_at") `);
    await q.query(`CREATE TYPE "public"."accreditation_status" AS ENUM('active', 'lapsed', 'suspended', 'revoked', 'expired')`);
    await q.query(
      `CREATE TABLE "accreditations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "certificate_number" character varying(40) NOT NULL, "holder_id" uuid NOT NULL, "holder_name" character varying(120) NOT NULL, "body_id" uuid NOT NULL, "scheme_version_id" uuid NOT NULL, "level_code" character varying(40) NOT NULL, "level_name" character varying(120) NOT NULL, "application_id" uuid, "status" "public"."accreditation_status" NOT NULL DEFAULT 'active', "issued_on" date NOT NULL, "expires_on" date, "public_listing" boolean NOT NULL DEFAULT false, "credential_jws" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_5b9449ae061c7c1bd458f4567a0" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "uq_accreditations_certificate" ON "accreditations"  ("certificate_number") `);
    await q.query(`CREATE INDEX "ix_accreditations_body_status" ON "accreditations"  ("body_id", "status") `);
    await q.query(`CREATE INDEX "ix_accreditations_holder" ON "accreditations"  ("holder_id") `);
    await q.query(
      `CREATE TABLE "accreditation_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "accreditation_id" uuid NOT NULL, "kind" character varying(30) NOT NULL, "from_status" "public"."accreditation_status", "to_status" "public"."accreditation_status" NOT NULL, "reason" character varying(1000), "actor_id" uuid, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7cf804c8a052f111ee70c233eae" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_accreditation_events_acc" ON "accreditation_events"  ("accreditation_id", "occurred_at") `);
    await q.query(
      `ALTER TABLE "schemes" ADD CONSTRAINT "FK_b2aef6a8e723fe674852916946b" FOREIGN KEY ("body_id") REFERENCES "bodies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "scheme_versions" ADD CONSTRAINT "FK_014eddaef784183d54dc7d1d67f" FOREIGN KEY ("scheme_id") REFERENCES "schemes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "scheme_enrolments" ADD CONSTRAINT "FK_bc25aef7615e30971b8729eee59" FOREIGN KEY ("scheme_id") REFERENCES "schemes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "scheme_enrolments" ADD CONSTRAINT "FK_6eb3b8503d633c984cc5058511d" FOREIGN KEY ("scheme_version_id") REFERENCES "scheme_versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "applications" ADD CONSTRAINT "FK_194d0fca275b8661a56e486cb64" FOREIGN KEY ("applicant_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "applications" ADD CONSTRAINT "FK_60d3f33426f4bc55368af256a9a" FOREIGN KEY ("scheme_version_id") REFERENCES "scheme_versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "application_events" ADD CONSTRAINT "FK_58159d663fba2a48144c5ed3f4d" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "accreditations" ADD CONSTRAINT "FK_252fd7f554d5e652c953299b6bd" FOREIGN KEY ("holder_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "accreditations" ADD CONSTRAINT "FK_8112dcac5c0105864030596a84f" FOREIGN KEY ("body_id") REFERENCES "bodies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "accreditations" ADD CONSTRAINT "FK_bf1778198173dd1abe696b25206" FOREIGN KEY ("scheme_version_id") REFERENCES "scheme_versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "accreditation_events" ADD CONSTRAINT "FK_c346133aaf188d150363e2e1005" FOREIGN KEY ("accreditation_id") REFERENCES "accreditations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "accreditation_events" DROP CONSTRAINT "FK_c346133aaf188d150363e2e1005"`);
    await q.query(`ALTER TABLE "accreditations" DROP CONSTRAINT "FK_bf1778198173dd1abe696b25206"`);
    await q.query(`ALTER TABLE "accreditations" DROP CONSTRAINT "FK_8112dcac5c0105864030596a84f"`);
    await q.query(`ALTER TABLE "accreditations" DROP CONSTRAINT "FK_252fd7f554d5e652c953299b6bd"`);
    await q.query(`ALTER TABLE "application_events" DROP CONSTRAINT "FK_58159d663fba2a48144c5ed3f4d"`);
    await q.query(`ALTER TABLE "applications" DROP CONSTRAINT "FK_60d3f33426f4bc55368af256a9a"`);
    await q.query(`ALTER TABLE "applications" DROP CONSTRAINT "FK_194d0fca275b8661a56e486cb64"`);
    await q.query(`ALTER TABLE "scheme_enrolments" DROP CONSTRAINT "FK_6eb3b8503d633c984cc5058511d"`);
    await q.query(`ALTER TABLE "scheme_enrolments" DROP CONSTRAINT "FK_bc25aef7615e30971b8729eee59"`);
    await q.query(`ALTER TABLE "scheme_versions" DROP CONSTRAINT "FK_014eddaef784183d54dc7d1d67f"`);
    await q.query(`ALTER TABLE "schemes" DROP CONSTRAINT "FK_b2aef6a8e723fe674852916946b"`);
    await q.query(`DROP INDEX "public"."ix_accreditation_events_acc"`);
    await q.query(`DROP TABLE "accreditation_events"`);
    await q.query(`DROP INDEX "public"."ix_accreditations_holder"`);
    await q.query(`DROP INDEX "public"."ix_accreditations_body_status"`);
    await q.query(`DROP INDEX "public"."uq_accreditations_certificate"`);
    await q.query(`DROP TABLE "accreditations"`);
    await q.query(`DROP TYPE "public"."accreditation_status"`);
    await q.query(`DROP INDEX "public"."ix_application_events_app"`);
    await q.query(`DROP TABLE "application_events"`);
    await q.query(`DROP INDEX "public"."ix_applications_body_status"`);
    await q.query(`DROP INDEX "public"."ix_applications_applicant"`);
    await q.query(`DROP INDEX "public"."uq_applications_open"`);
    await q.query(`DROP TABLE "applications"`);
    await q.query(`DROP TYPE "public"."application_status"`);
    await q.query(`DROP INDEX "public"."uq_scheme_enrolments"`);
    await q.query(`DROP TABLE "scheme_enrolments"`);
    await q.query(`DROP INDEX "public"."uq_scheme_versions_number"`);
    await q.query(`DROP TABLE "scheme_versions"`);
    await q.query(`DROP TYPE "public"."scheme_version_status"`);
    await q.query(`DROP INDEX "public"."uq_schemes_body_code"`);
    await q.query(`DROP TABLE "schemes"`);
  }
}
