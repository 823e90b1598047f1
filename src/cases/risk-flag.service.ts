import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { READERS } from '../access/case-access';
import { UnitOfWork } from '../audit/unit-of-work';
import { DomainError } from '../common/errors';
import type { AuthedCtx } from '../common/request-context';
import { CaseAccess } from './case-access.service';
import { lockCase } from './case-edits';
import type { AcknowledgeRiskFlagDto, RiskFlagDto } from './dto';
import { decideRiskAcknowledgement } from './risk-flag-rules';
import type { SupervisedCase } from './supervised-case.entity';

// A case's risk flag and the supervisor's acknowledgement of it. The acknowledgement is not case content: it
// does not change the case's version or content hash (the trainee's edits are not made stale by it).
@Injectable()
export class RiskFlagService {
  constructor(
    private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly access: CaseAccess,
  ) {}

  async get(ctx: AuthedCtx, caseId: string): Promise<RiskFlagDto> {
    const { c } = await this.access.load(ctx.actor, caseId, READERS);
    return this.toDto(this.db.manager, c);
  }

  async acknowledge(ctx: AuthedCtx, caseId: string, dto: AcknowledgeRiskFlagDto): Promise<RiskFlagDto> {
    // a repeated acknowledgement answers the one in force without a write (and without an audit row)
    const before = await this.decide(ctx, caseId);
    if (!before.write) return this.toDto(this.db.manager, before.c);
    return this.uow.run(ctx, async (em, audit) => {
      await lockCase(em, caseId);
      const { c, write, via } = await this.decide(ctx, caseId, em);
      if (write) {
        await em.query(
          `UPDATE supervised_cases SET risk_acknowledged_at = now(), risk_acknowledged_by = $2, risk_acknowledgement_note = $3 WHERE id = $1`,
          [caseId, ctx.actor.userId, dto.note ?? null],
        );
      }
      // the note may be clinical: the trail records only that there was one
      audit({
        action: 'case.risk_acknowledge',
        entityType: 'case',
        entityId: caseId,
        via,
        bodyId: c.bodyId,
        changes: { riskFlaggedAt: c.riskFlaggedAt?.toISOString(), noted: !!dto.note, alreadyAcknowledged: !write },
      });
      const after = await this.access.load(ctx.actor, caseId, READERS, em);
      return this.toDto(em, after.c);
    });
  }

  private async decide(ctx: AuthedCtx, caseId: string, em?: EntityManager) {
    const { c, access } = await this.access.load(ctx.actor, caseId, READERS, em);
    const decision = decideRiskAcknowledgement({
      isCaseSupervisor: access.relation === 'supervisor' && c.supervisorId === ctx.actor.userId,
      flagged: c.riskFlaggedAt !== null,
      acknowledged: c.riskAcknowledgedAt !== null,
    });
    if (!decision.ok) throw new DomainError(decision.code, decision.message);
    return { c, write: decision.write, via: access.via };
  }

  private async toDto(em: EntityManager, c: SupervisedCase): Promise<RiskFlagDto> {
    let acknowledgedBy: RiskFlagDto['acknowledgedBy'] = null;
    if (c.riskAcknowledgedBy) {
      const [u]: { display_name: string }[] = await em.query(`SELECT display_name FROM users WHERE id = $1`, [c.riskAcknowledgedBy]);
      acknowledgedBy = { id: c.riskAcknowledgedBy, name: u?.display_name ?? '' };
    }
    return {
      caseId: c.id,
      riskFlaggedAt: c.riskFlaggedAt?.toISOString() ?? null,
      acknowledgedAt: c.riskAcknowledgedAt?.toISOString() ?? null,
      acknowledgedBy,
      note: c.riskAcknowledgementNote,
    };
  }
}
