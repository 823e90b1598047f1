import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SupervisionRelationships1795635307738 implements MigrationInterface {
  name = 'SupervisionRelationships1795635307738';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE "public"."supervision_status" AS ENUM('requested', 'active', 'declined', 'cancelled', 'ended')`);
    await q.query(
      `CREATE TABLE "supervision_relationships" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "trainee_id" uuid NOT NULL, "supervisor_id" uuid NOT NULL, "body_id" uuid NOT NULL, "status" "public"."supervision_status" NOT NULL, "requested_by" uuid NOT NULL, "started_on" date, "ended_on" date, "end_reason" character varying(500), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_05d1b80b16b12d0edd6dd9e535f" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_supervision_trainee" ON "supervision_relationships"  ("trainee_id", "status") `);
    await q.query(`CREATE INDEX "ix_supervision_supervisor" ON "supervision_relationships"  ("supervisor_id", "status") `);
    await q.query(
      `CREATE UNIQUE INDEX "uq_supervision_open" ON "supervision_relationships"  ("trainee_id", "supervisor_id") WHERE status IN ('requested', 'active')`,
    );
    await q.query(
      `ALTER TABLE "supervision_relationships" ADD CONSTRAINT "FK_ca4d255c798eb068879871dc45d" FOREIGN KEY ("trainee_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "supervision_relationships" ADD CONSTRAINT "FK_2866f38b90626131b75786dc287" FOREIGN KEY ("supervisor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "supervision_relationships" ADD CONSTRAINT "FK_a6d73df58c2e68ac44a42c421de" FOREIGN KEY ("body_id") REFERENCES "bodies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "supervision_relationships" DROP CONSTRAINT "FK_a6d73df58c2e68ac44a42c421de"`);
    await q.query(`ALTER TABLE "supervision_relationships" DROP CONSTRAINT "FK_2866f38b90626131b75786dc287"`);
    await q.query(`ALTER TABLE "supervision_relationships" DROP CONSTRAINT "FK_ca4d255c798eb068879871dc45d"`);
    await q.query(`DROP INDEX "public"."uq_supervision_open"`);
    await q.query(`DROP INDEX "public"."ix_supervision_supervisor"`);
    await q.query(`DROP INDEX "public"."ix_supervision_trainee"`);
    await q.query(`DROP TABLE "supervision_relationships"`);
    await q.query(`DROP TYPE "public"."supervision_status"`);
  }
}
