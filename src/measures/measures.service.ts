import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UnitOfWork } from '../audit/unit-of-work';
import { CaseAccess, OWNER, READERS } from '../cases/case-access.service';
import { markCaseEdited } from '../cases/case-edits';
import { measurePoints } from '../cases/case.mapper';
import { today } from '../cases/cases.service';
import { SupervisedCase } from '../cases/supervised-case.entity';
import { badRequest, invalid, notFound } from '../common/errors';
import { riskFlagNotice } from '../notifications/notice';
import { NotificationsService } from '../notifications/notifications.service';
import type { AuthedCtx } from '../common/request-context';
import { changeFromIntake } from './change-from-intake';
import type { CaseMeasuresDto, CreatedMeasureDto, CreateMeasureDto } from './dto';
import { toMeasureDto } from './measure.mapper';
import { scoreMeasure } from './measure-scoring';
import { OutcomeMeasure } from './outcome-measure.entity';

// Outcome measures are case content (they change the signed hash). A PHQ-9 with item 9 above 0 flags the case
// for the supervisor in the same transaction; the flag stays while any such administration is on the case.
@Injectable()
export class MeasuresService {
  constructor(
    private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly access: CaseAccess,
    private readonly notifications: NotificationsService,
  ) {}

  async add(ctx: AuthedCtx, caseId: string, version: number | undefined, dto: CreateMeasureDto): Promise<CreatedMeasureDto> {
    const { c } = await this.access.load(ctx.actor, caseId, OWNER);
    const scored = scoreMeasure(dto.instrument, dto);
    if (!scored.ok) throw badRequest('VALIDATION_FAILED', 'The measure is not valid', scored.details);
    if (dto.administeredOn > today()) throw invalid('administeredOn', 'administeredOn must not be in the future');
    if (c.endDate && dto.administeredOn > c.endDate) throw invalid('administeredOn', 'administeredOn must not be after the case ended');
    const { value } = scored;
    const id = await this.uow.run(ctx, async (em, audit) => {
      await markCaseEdited(em, caseId, version, ctx.actor.userId);
      const row = await em.save(
        em.create(OutcomeMeasure, { caseId, instrument: dto.instrument, administeredOn: dto.administeredOn, sessionNumber: dto.sessionNumber ?? null, items: value.items, total: value.total, severity: value.severity, riskFlag: value.riskFlag === true }),
      );
      if (value.riskFlag) await em.query(`UPDATE supervised_cases SET risk_flagged_at = COALESCE(risk_flagged_at, now()) WHERE id = $1`, [caseId]);
      if (value.riskFlag) await this.notifications.enqueue(em, riskFlagNotice(c));
      audit({ action: 'measure.create', entityType: 'case', entityId: caseId, bodyId: c.bodyId, changes: { measureId: row.id, instrument: dto.instrument, riskFlag: value.riskFlag } });
      return row.id;
    });
    const [m, after] = await Promise.all([this.db.getRepository(OutcomeMeasure).findOneByOrFail({ id }), this.db.getRepository(SupervisedCase).findOneByOrFail({ id: caseId })]);
    return { ...toMeasureDto(m), caseVersion: after.version, riskFlaggedAt: after.riskFlaggedAt?.toISOString() ?? null };
  }

  async list(ctx: AuthedCtx, caseId: string): Promise<CaseMeasuresDto> {
    await this.access.load(ctx.actor, caseId, READERS);
    return this.summary(caseId);
  }

  async remove(ctx: AuthedCtx, caseId: string, measureId: string, version: number | undefined): Promise<CaseMeasuresDto> {
    const { c } = await this.access.load(ctx.actor, caseId, OWNER);
    await this.uow.run(ctx, async (em, audit) => {
      await markCaseEdited(em, caseId, version, ctx.actor.userId);
      const row = await em.findOneBy(OutcomeMeasure, { id: measureId, caseId });
      if (!row) throw notFound('Measure');
      await em.delete(OutcomeMeasure, { id: measureId });
      await em.query(`UPDATE supervised_cases SET risk_flagged_at = NULL WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM outcome_measures WHERE case_id = $1 AND risk_flag)`, [caseId]);
      audit({ action: 'measure.delete', entityType: 'case', entityId: caseId, bodyId: c.bodyId, changes: { measureId, instrument: row.instrument } });
    });
    return this.summary(caseId);
  }

  private async summary(caseId: string): Promise<CaseMeasuresDto> {
    const [measures, c] = await Promise.all([
      this.db.getRepository(OutcomeMeasure).find({ where: { caseId }, order: { administeredOn: 'ASC', createdAt: 'ASC' } }),
      this.db.getRepository(SupervisedCase).findOneByOrFail({ id: caseId }),
    ]);
    return { items: measures.map(toMeasureDto), change: changeFromIntake(measurePoints(measures)), riskFlaggedAt: c.riskFlaggedAt?.toISOString() ?? null, caseVersion: c.version };
  }
}
