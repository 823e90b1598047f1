import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { RecordAccessService } from '../access/record-access.service';
import { UnitOfWork } from '../audit/unit-of-work';
import { badRequest, notFound } from '../common/errors';
import type { AuthedCtx } from '../common/request-context';
import { CaseAccess, OWNER, READERS } from './case-access.service';
import { loadCaseContent } from './case-content';
import { markCaseEdited } from './case-edits';
import { toCaseDto } from './case.mapper';
import { today } from './cases.service';
import type { CaseDto, CreateSessionDto, TraineeLoggingLagDto, UpdateSessionDto } from './dto';
import { lagDays, summariseLag } from './logging-lag';
import { checkSessions, issueDetails, type SessionFacts } from './session-consistency';
import { SupervisedCase } from './supervised-case.entity';
import { TherapySession } from './therapy-session.entity';

// Sessions are case content: every write goes through markCaseEdited (If-Match on the CASE version, back to
// draft, sign-off voided) and answers with the whole case, so the client gets the new ETag.
@Injectable()
export class TherapySessionsService {
  constructor(
    private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly access: CaseAccess,
    private readonly records: RecordAccessService,
  ) {}

  async add(ctx: AuthedCtx, caseId: string, version: number, dto: CreateSessionDto): Promise<CaseDto> {
    await this.access.load(ctx.actor, caseId, OWNER);
    return this.write(ctx, caseId, version, 'session.create', async (em, c) => {
      const others = await em.find(TherapySession, { where: { caseId } });
      failIfInconsistent(c, [...others, dto], dto.number);
      const row = await em.save(em.create(TherapySession, { ...dto, caseId }));
      return { sessionId: row.id, number: dto.number };
    });
  }

  async update(ctx: AuthedCtx, caseId: string, sessionId: string, version: number, dto: UpdateSessionDto): Promise<CaseDto> {
    await this.access.load(ctx.actor, caseId, OWNER);
    return this.write(ctx, caseId, version, 'session.update', async (em, c) => {
      const all = await em.find(TherapySession, { where: { caseId } });
      const current = all.find((s) => s.id === sessionId);
      if (!current) throw notFound('Session');
      const next = { ...current, ...dto };
      failIfInconsistent(c, [...all.filter((s) => s.id !== sessionId), next], next.number);
      await em.update(TherapySession, { id: sessionId }, { ...dto });
      return { sessionId, number: next.number, fields: Object.keys(dto).sort() };
    });
  }

  async remove(ctx: AuthedCtx, caseId: string, sessionId: string, version: number): Promise<CaseDto> {
    await this.access.load(ctx.actor, caseId, OWNER);
    return this.write(ctx, caseId, version, 'session.delete', async (em) => {
      const row = await em.findOneBy(TherapySession, { id: sessionId, caseId });
      if (!row) throw notFound('Session');
      await em.delete(TherapySession, { id: sessionId });
      return { sessionId, number: row.number };
    });
  }

  async traineeLag(ctx: AuthedCtx, traineeId: string): Promise<TraineeLoggingLagDto> {
    await this.records.require(ctx.actor, traineeId, READERS, 'Trainee');
    const rows: { date: string; created_at: Date }[] = await this.db.query(
      `SELECT s.date::text AS date, s.created_at FROM therapy_sessions s JOIN supervised_cases c ON c.id = s.case_id WHERE c.trainee_id = $1`,
      [traineeId],
    );
    return { traineeId, ...summariseLag(rows.map((r) => lagDays(r.date, new Date(r.created_at)))) };
  }

  private async write(
    ctx: AuthedCtx,
    caseId: string,
    version: number,
    action: string,
    work: (em: EntityManager, c: SupervisedCase) => Promise<Record<string, unknown>>,
  ): Promise<CaseDto> {
    await this.uow.run(ctx, async (em, audit) => {
      await markCaseEdited(em, caseId, version, ctx.actor.userId);
      const c = await em.findOneByOrFail(SupervisedCase, { id: caseId });
      const changes = await work(em, c);
      audit({ action, entityType: 'case', entityId: caseId, bodyId: c.bodyId, changes });
    });
    const { c } = await this.access.load(ctx.actor, caseId, OWNER);
    return toCaseDto(await loadCaseContent(this.db.manager, c));
  }
}

function failIfInconsistent(c: SupervisedCase, sessions: SessionFacts[], focus: number): void {
  const details = issueDetails(checkSessions(c, sessions, today()), focus);
  if (Object.keys(details).length) throw badRequest('INCONSISTENT_SESSIONS', 'The session does not fit the case', details);
}
