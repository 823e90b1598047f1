import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { Accreditation } from '../accreditations/accreditation.entity';
import { globalAdminGrant } from '../access/grants';
import { RateLimit } from '../auth/rate-limit.entity';
import { AccountToken } from '../accounts/account-token.entity';
import { accountCounterPrefixes } from '../auth/sign-in-limits';
import { Session } from '../auth/session.entity';
import { UnitOfWork } from '../audit/unit-of-work';
import { conflict, forbidden, invalid, notFound } from '../common/errors';
import type { AuthedCtx } from '../common/request-context';
import { IdempotencyKey } from '../idempotency/idempotency-key.entity';
import { TraineeProfile } from '../trainees/trainee-profile.entity';
import { RoleGrant } from '../users/role-grant.entity';
import { User, UserStatus } from '../users/user.entity';
import type { EraseUserDto, ErasureDto } from './dto';
import { identifierPatterns, newPseudonym, reasonMentionsPerson, UNUSABLE_PASSWORD_HASH } from './erasure-rules';

// Tables whose text is handled explicitly (users, rate_limits, audit_log) or must not change (migrations). Other
// people's stored idempotent responses (idempotency_keys) are scrubbed like any other JSON: a replay then answers
// without the person, and the key still guards its request against running twice.
const NOT_SCRUBBED = ['audit_log', 'users', 'migrations', 'rate_limits'];

interface TextColumn {
  table_name: string;
  column_name: string;
  data_type: string;
  max_length: number | null;
}

/**
 * Erasure of a person (GDPR Art. 17) by a global admin: their identifying data is removed or replaced by a
 * pseudonym; what must be retained (issued accreditations, the training record behind them, the audit
 * trail) stays, linked only by the (meaningless) user id.
 */
@Injectable()
export class ErasureService {
  constructor(
    private readonly db: DataSource,
    private readonly uow: UnitOfWork,
  ) {}

  async erase(ctx: AuthedCtx, id: string, dto: EraseUserDto): Promise<ErasureDto> {
    const via = globalAdminGrant(ctx.actor);
    if (!via) throw forbidden('Only a global admin may erase a person');
    if (id === ctx.actor.userId) throw conflict('CANNOT_ERASE_SELF', 'You cannot erase your own account; ask another admin');
    const pseudonym = newPseudonym();
    return this.uow.run(ctx, async (em, audit) => {
      const user = await em.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user || user.status === UserStatus.Erased) throw notFound('User');
      if (reasonMentionsPerson(dto.reason, user.email, user.displayName)) {
        throw invalid('reason', 'The reason is kept in the audit trail: do not name the person or their e-mail');
      }
      await em.update(
        User,
        { id },
        {
          email: pseudonym.email,
          displayName: pseudonym.displayName,
          passwordHash: UNUSABLE_PASSWORD_HASH,
          status: UserStatus.Erased,
          disabledAt: () => 'now()',
        },
      );
      // sessions go, and their refresh tokens with them (ON DELETE CASCADE)
      const sessionsDeleted = (await em.delete(Session, { userId: id })).affected ?? 0;
      await em.update(RoleGrant, { userId: id, revokedAt: IsNull() }, { revokedAt: () => 'now()', revokedBy: ctx.actor.userId });
      await em
        .createQueryBuilder()
        .delete()
        .from(RateLimit)
        .where('key ^@ ANY(:prefixes::text[])', { prefixes: accountCounterPrefixes(user.email) })
        .execute();
      await em.delete(IdempotencyKey, { userId: id }); // stored responses may hold their data
      await em.delete(AccountToken, { userId: id }); // mailed links; a pending address change names another address
      await em.update(TraineeProfile, { userId: id }, { licences: [], memberships: [] });
      // a qualification's document (a scan of a certificate) names the person: it goes, the verified fact stays;
      // reference links still out stop working (what referees wrote is scrubbed of the name below)
      await em.query(`DELETE FROM qualification_documents WHERE qualification_id IN (SELECT id FROM qualifications WHERE person_id = $1)`, [
        id,
      ]);
      await em.query(
        `UPDATE reference_requests SET cancelled_at = now() WHERE applicant_id = $1 AND submitted_at IS NULL AND cancelled_at IS NULL`,
        [id],
      );
      // accreditations stay verifiable by certificate number; issued to the pseudonym, off the public register;
      // the signed copy (which names the person) is dropped
      const accreditations = await em.update(
        Accreditation,
        { holderId: id },
        { holderName: pseudonym.displayName, publicListing: false, credentialJws: null },
      );
      const freeTextRowsScrubbed = await scrubFreeText(em, user.email, user.displayName);
      const auditEntriesScrubbed = await scrubAuditTrail(em, user.email, user.displayName);
      // the erasure itself is an audit event (its reason was checked above not to name the person)
      audit({
        action: 'user.erase',
        entityType: 'user',
        entityId: id,
        via,
        changes: {
          reason: dto.reason,
          status: { from: user.status, to: UserStatus.Erased },
          sessionsDeleted,
          accreditationsPseudonymised: accreditations.affected ?? 0,
          freeTextRowsScrubbed,
          auditEntriesScrubbed,
        },
      });
      return {
        id,
        status: 'erased' as const,
        pseudonym: pseudonym.displayName,
        erasedAt: new Date().toISOString(),
        sessionsDeleted,
        accreditationsPseudonymised: accreditations.affected ?? 0,
        freeTextRowsScrubbed,
        auditEntriesScrubbed,
      };
    });
  }
}

/**
 * Replaces the person's e-mail and display name wherever they were written into free text (case notes,
 * comments, reasons, JSON snapshots), in every table but the ones handled above. Columns are discovered from
 * the catalogue, so tables added later are covered too. Clinical narratives themselves are kept.
 */
async function scrubFreeText(em: EntityManager, email: string, displayName: string): Promise<number> {
  const columns: TextColumn[] = await em.query(
    `SELECT c.table_name, c.column_name, c.data_type, c.character_maximum_length AS max_length
       FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
      WHERE c.table_schema = current_schema() AND c.data_type IN ('text', 'character varying', 'jsonb', 'json')
        AND NOT (c.table_name = ANY($1::text[]))
      ORDER BY 1, 2`,
    [NOT_SCRUBBED],
  );
  let rows = 0;
  for (const col of columns) {
    const isJson = col.data_type === 'jsonb' || col.data_type === 'json';
    const ref = `"${col.table_name.replace(/"/g, '""')}"."${col.column_name.replace(/"/g, '""')}"`;
    const name = `"${col.column_name.replace(/"/g, '""')}"`;
    for (const { pattern, replacement } of identifierPatterns(email, displayName, isJson)) {
      let value = `regexp_replace(${name}::text, $1, $2, 'gi')`;
      if (isJson) value = `(${value})::${col.data_type}`;
      else if (col.max_length) value = `left(${value}, ${Number(col.max_length)})`;
      const [, affected] = (await em.query(
        `UPDATE "${col.table_name.replace(/"/g, '""')}" SET ${name} = ${value} WHERE ${ref}::text ~* $1`,
        [pattern, replacement],
      )) as [unknown, number];
      rows += affected ?? 0;
    }
  }
  return rows;
}

/**
 * The audit trail is append-only; the one change its trigger allows (migration AuditErasureScrub) is this one:
 * replacing the person's e-mail or name in `changes` (reasons, comments an admin typed) by the redaction marker,
 * declared for this transaction only. Every other column, and every other row, stays exactly as written.
 */
async function scrubAuditTrail(em: EntityManager, email: string, displayName: string): Promise<number> {
  let rows = 0;
  for (const { pattern, replacement } of identifierPatterns(email, displayName, true)) {
    await em.query(`SELECT set_config('ipt.erasure_pattern', $1, true), set_config('ipt.erasure_replacement', $2, true)`, [
      pattern,
      replacement,
    ]);
    const [, affected] = (await em.query(
      `UPDATE audit_log SET changes = regexp_replace(changes::text, $1, $2, 'gi')::jsonb WHERE changes::text ~* $1`,
      [pattern, replacement],
    )) as [unknown, number];
    rows += affected ?? 0;
  }
  // closed again at once: nothing later in this transaction may rewrite the trail
  await em.query(`SELECT set_config('ipt.erasure_pattern', '', true), set_config('ipt.erasure_replacement', '', true)`);
  return rows;
}
