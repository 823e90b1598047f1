import type { MigrationInterface, QueryRunner } from 'typeorm';

// Recognition between bodies: body B counts body A's level L as its own level M, fully or with top-up rules, versioned
// like scheme versions; applications and accreditations record the basis (the recognition and source level) they rest on.
export class Recognitions1797100000000 implements MigrationInterface {
  name = 'Recognitions1797100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE "public"."recognition_status" AS ENUM('draft', 'published', 'withdrawn')`);
    await q.query(
      `CREATE TABLE "recognitions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "body_id" uuid NOT NULL, "from_body_id" uuid NOT NULL, "from_scheme_code" character varying(40) NOT NULL, "from_level_code" character varying(40) NOT NULL, "to_scheme_id" uuid NOT NULL, "to_level_code" character varying(40) NOT NULL, "version_number" integer NOT NULL, "status" "public"."recognition_status" NOT NULL DEFAULT 'draft', "effective_from" date NOT NULL, "effective_to" date, "top_ups" jsonb NOT NULL, "note" character varying(2000), "published_at" TIMESTAMP WITH TIME ZONE, "withdrawn_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_9532d42e21bb1fa80a5001f0c20" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_recognitions_body" ON "recognitions"  ("body_id", "status") `);
    await q.query(
      `CREATE UNIQUE INDEX "uq_recognitions_version" ON "recognitions"  ("to_scheme_id", "to_level_code", "from_body_id", "from_scheme_code", "from_level_code", "version_number") `,
    );
    await q.query(`ALTER TABLE "accreditations" ADD "basis" jsonb`);
    await q.query(`ALTER TABLE "applications" ADD "basis" jsonb`);
    await q.query(
      `ALTER TABLE "recognitions" ADD CONSTRAINT "FK_0136528c4a145aef6124cff6b5b" FOREIGN KEY ("body_id") REFERENCES "bodies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "recognitions" ADD CONSTRAINT "FK_92021ff7f076c99725005a708a0" FOREIGN KEY ("from_body_id") REFERENCES "bodies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "recognitions" ADD CONSTRAINT "FK_e33eb22fd118a6bdfbfe8fc4ab6" FOREIGN KEY ("to_scheme_id") REFERENCES "schemes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "recognitions" DROP CONSTRAINT "FK_e33eb22fd118a6bdfbfe8fc4ab6"`);
    await q.query(`ALTER TABLE "recognitions" DROP CONSTRAINT "FK_92021ff7f076c99725005a708a0"`);
    await q.query(`ALTER TABLE "recognitions" DROP CONSTRAINT "FK_0136528c4a145aef6124cff6b5b"`);
    await q.query(`ALTER TABLE "applications" DROP COLUMN "basis"`);
    await q.query(`ALTER TABLE "accreditations" DROP COLUMN "basis"`);
    await q.query(`DROP INDEX "public"."uq_recognitions_version"`);
    await q.query(`DROP INDEX "public"."ix_recognitions_body"`);
    await q.query(`DROP TABLE "recognitions"`);
    await q.query(`DROP TYPE "public"."recognition_status"`);
  }
}
