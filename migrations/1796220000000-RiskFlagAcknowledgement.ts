import type { MigrationInterface, QueryRunner } from 'typeorm';

// A supervisor's acknowledgement of a case's risk flag: who, when, an optional note. At most one in force
// (a new flagged measure clears it); an acknowledgement needs a flag. Down drops the columns.
export class RiskFlagAcknowledgement1796220000000 implements MigrationInterface {
  name = 'RiskFlagAcknowledgement1796220000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "supervised_cases" ADD "risk_acknowledged_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "supervised_cases" ADD "risk_acknowledged_by" uuid`);
    await q.query(`ALTER TABLE "supervised_cases" ADD "risk_acknowledgement_note" character varying(1000)`);
    await q.query(
      `ALTER TABLE "supervised_cases" ADD CONSTRAINT "FK_7cac5dc98933384dbf96e9b978b" FOREIGN KEY ("risk_acknowledged_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "supervised_cases" ADD CONSTRAINT "ck_supervised_cases_risk_ack" CHECK ((risk_acknowledged_at IS NULL) = (risk_acknowledged_by IS NULL) AND (risk_acknowledged_at IS NULL OR risk_flagged_at IS NOT NULL))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "supervised_cases" DROP CONSTRAINT "ck_supervised_cases_risk_ack"`);
    await q.query(`ALTER TABLE "supervised_cases" DROP CONSTRAINT "FK_7cac5dc98933384dbf96e9b978b"`);
    await q.query(`ALTER TABLE "supervised_cases" DROP COLUMN "risk_acknowledgement_note"`);
    await q.query(`ALTER TABLE "supervised_cases" DROP COLUMN "risk_acknowledged_by"`);
    await q.query(`ALTER TABLE "supervised_cases" DROP COLUMN "risk_acknowledged_at"`);
  }
}
