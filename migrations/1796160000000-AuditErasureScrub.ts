import type { MigrationInterface, QueryRunner } from 'typeorm';

// Erasure (GDPR Art. 17) must reach free text in the audit trail (reasons and comments that quoted a person),
// while the trail stays append-only for everything else. The row trigger now allows exactly one kind of UPDATE:
// inside a transaction that declared an erasure pattern (transaction-local settings ipt.erasure_pattern and
// ipt.erasure_replacement, set only by the erasure service), `changes` may be rewritten to precisely what
// replacing that pattern by the redaction marker "[erased]" gives; no other column may change, and the
// replacement can only be the marker. DELETE and TRUNCATE stay refused. (There is no hash chain over the rows;
// one added later must leave `changes` out of what it hashes, or hash it separately.)
export class AuditErasureScrub1796160000000 implements MigrationInterface {
  name = 'AuditErasureScrub1796160000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION audit_log_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        pattern text := current_setting('ipt.erasure_pattern', true);
        replacement text := current_setting('ipt.erasure_replacement', true);
      BEGIN
        IF TG_OP = 'UPDATE' AND coalesce(pattern, '') <> ''
           AND replacement IN ('[erased]', '\\1[erased]\\2')
           AND (to_jsonb(NEW) - 'changes') = (to_jsonb(OLD) - 'changes')
           AND NEW.changes IS DISTINCT FROM OLD.changes
           AND NEW.changes = regexp_replace(OLD.changes::text, pattern, replacement, 'gi')::jsonb
        THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = '42501';
      END $$`);
    await q.query(`DROP TRIGGER audit_log_no_change ON "audit_log"`);
    await q.query(
      `CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION audit_log_guard()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER audit_log_no_change ON "audit_log"`);
    await q.query(
      `CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`,
    );
    await q.query(`DROP FUNCTION audit_log_guard()`);
  }
}
