import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { RecordAccessService } from '../access/record-access.service';
import { entityRows } from '../database/entity-rows';
import { badRequest, invalid, notFound } from '../common/errors';
import type { AuthedCtx } from '../common/request-context';
import { casesReadablePredicate, READERS } from '../access/case-access';
import { measuresOf, sessionsOf, withContent } from './case-content';
import { CaseContentEdits } from './case-edits';
import { caseReply } from './case.mapper';
import type { CaseDto, CreateSessionDto, TraineeLoggingLagDto, UpdateSessionDto } from './dto';
import { lagDays, summariseLag } from './logging-lag';
import { checkSessions, issueDetails, type SessionFacts } from './session-consistency';
import { SupervisedCase } from './supervised-case.entity';
import { TherapySession } from './therapy-session.entity';
import { phaseOrder } from '../taxonomies/case-attributes';
import { taxonomyOfCase } from '../taxonomies/taxonomy-lookup';

// Sessions are case content: every write goes through CaseContentEdits (If-Match on the CASE version, back to
// draft, sign-off voided) and answers with the whole case, so the client gets the new ETag.
@Injectable()
export class TherapySessionsService {
  constructor(
    private readonly db: DataSource,
    private readonly edits: CaseContentEdits,
    private readonly records: RecordAccessService,
  ) {}

  async add(ctx: AuthedCtx, caseId: string, ifMatch: string | undefined, dto: CreateSessionDto): Promise<CaseDto> {
    return this.write(ctx, caseId, ifMatch, 'session.create', async (em, c, sessions, phases) => {
      failIfInconsistent(c, [...sessions, dto], dto.number, phases);
      const row = await insertSession(em, caseId, dto);
      return { changes: { sessionId: row.id, number: dto.number }, sessions: [...sessions, row] };
    });
  }

  async update(ctx: AuthedCtx, caseId: string, sessionId: string, ifMatch: string | undefined, dto: UpdateSessionDto): Promise<CaseDto> {
    return this.write(ctx, caseId, ifMatch, 'session.update', async (em, c, sessions, phases) => {
      const current = sessions.find((s) => s.id === sessionId);
      if (!current) throw notFound('Session');
      const next = Object.assign(new TherapySession(), current, dto);
      const after = sessions.map((s) => (s.id === sessionId ? next : s));
      failIfInconsistent(c, after, next.number, phases);
      await em.update(TherapySession, { id: sessionId }, { ...dto });
      return { changes: { sessionId, number: next.number, fields: Object.keys(dto).sort() }, sessions: after };
    });
  }

  async remove(ctx: AuthedCtx, caseId: string, sessionId: string, ifMatch: string | undefined): Promise<CaseDto> {
    return this.write(ctx, caseId, ifMatch, 'session.delete', async (em, _c, sessions) => {
      const row = sessions.find((s) => s.id === sessionId);
      if (!row) throw notFound('Session');
      await em.delete(TherapySession, { id: sessionId });
      return { changes: { sessionId, number: row.number }, sessions: sessions.filter((s) => s !== row) };
    });
  }

  async traineeLag(ctx: AuthedCtx, traineeId: string): Promise<TraineeLoggingLagDto> {
    await this.records.require(ctx.actor, traineeId, READERS, 'Trainee');
    // only the sessions of cases the caller may read (a body admin: the cases of their body)
    const scope = casesReadablePredicate(ctx.actor, 'c');
    const rows: { date: string; created_at: Date }[] = await this.db
      .createQueryBuilder()
      .select('s.date::text', 'date')
      .addSelect('s.created_at', 'created_at')
      .from('therapy_sessions', 's')
      .innerJoin('supervised_cases', 'c', 'c.id = s.case_id')
      .where('c.trainee_id = :traineeId', { traineeId })
      .andWhere(scope.sql, scope.params)
      .getRawMany();
    return { traineeId, ...summariseLag(rows.map((r) => lagDays(r.date, new Date(r.created_at)))) };
  }

  /** One session write through the case-content path; the answer is the whole case, from this transaction. */
  private write(
    ctx: AuthedCtx,
    caseId: string,
    ifMatch: string | undefined,
    action: string,
    work: (
      em: EntityManager,
      c: SupervisedCase,
      sessions: TherapySession[],
      phases: string[],
    ) => Promise<{ changes: Record<string, unknown>; sessions: TherapySession[] }>,
  ): Promise<CaseDto> {
    return this.edits.run(ctx, caseId, ifMatch, action, async (em, c) => {
      const phases = phaseOrder((await taxonomyOfCase(em, c.taxonomyVersionId)).definition);
      const { changes, sessions } = await work(em, c, await sessionsOf(em, caseId), phases);
      sessions.sort((a, b) => a.number - b.number);
      // an edit voids any sign-off, so there is none to read back
      return {
        changes,
        reply: await caseReply(em, withContent({ c, sessions, measures: await measuresOf(em, caseId), signoff: null })),
      };
    });
  }
}

async function insertSession(em: EntityManager, caseId: string, dto: CreateSessionDto): Promise<TherapySession> {
  const s = entityRows(em.connection, TherapySession);
  const rows: Record<string, unknown>[] = await em.query(
    `INSERT INTO therapy_sessions AS s (case_id, number, date, duration_minutes, phase, attended, recorded)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${s.select('s')}`,
    [caseId, dto.number, dto.date, dto.durationMinutes, dto.phase, dto.attended, dto.recorded],
  );
  return s.map(rows[0], 's');
}

// the phase is a code of the case's taxonomy: an unknown one is a validation error like any bad field
function failIfInconsistent(c: SupervisedCase, sessions: SessionFacts[], focus: number, phases: string[]): void {
  const written = sessions.find((s) => s.number === focus);
  if (written && !phases.includes(written.phase)) throw invalid('phase', `phase must be one of: ${phases.join(', ')}`);
  const details = issueDetails(checkSessions(c, sessions, new Date(), phases), focus);
  if (Object.keys(details).length) throw badRequest('INCONSISTENT_SESSIONS', 'The session does not fit the case', details);
}
