import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { READERS } from '../access/case-access';
import { CaseAccess } from '../cases/case-access.service';
import { measuresOf } from '../cases/case-content';
import { CaseContentEdits, flatRows } from '../cases/case-edits';
import { measurePoints } from '../cases/case.mapper';
import { SupervisedCase } from '../cases/supervised-case.entity';
import { isFutureDate } from '../common/dates';
import { badRequest, invalid, notFound } from '../common/errors';
import { riskFlagNotice } from '../notifications/notice';
import { NotificationsService } from '../notifications/notifications.service';
import type { AuthedCtx } from '../common/request-context';
import { entityRows } from '../database/entity-rows';
import { changeFromIntake, type InstrumentLookup } from './change-from-intake';
import { instrumentCodes, instrumentsAvailableTo } from './instrument-catalog';
import type { CaseMeasuresDto, CreatedMeasureDto, CreateMeasureDto } from './dto';
import { toMeasureDto } from './measure.mapper';
import { type ScoredMeasure, scoreMeasure } from './measure-scoring';
import { OutcomeMeasure } from './outcome-measure.entity';

// Outcome measures are case content (they change the signed hash): every write goes through CaseContentEdits,
// like a session's. Scoring reads the instrument's definition (instrument-catalog.ts). A measure with a risk item
// above its minimum (PHQ-9 item 9 above 0) flags the case for the supervisor in the same transaction; the
// flag stays while any such administration is on the case. Each new flagged administration clears the
// supervisor's acknowledgement (cases/risk-flag.service.ts): a new signal needs a new acknowledgement.
@Injectable()
export class MeasuresService {
  constructor(
    private readonly db: DataSource,
    private readonly edits: CaseContentEdits,
    private readonly access: CaseAccess,
    private readonly notifications: NotificationsService,
  ) {}

  add(ctx: AuthedCtx, caseId: string, ifMatch: string | undefined, dto: CreateMeasureDto): Promise<CreatedMeasureDto> {
    if (isFutureDate(dto.administeredOn, new Date())) throw invalid('administeredOn', 'administeredOn must not be in the future');
    return this.edits.run(ctx, caseId, ifMatch, 'measure.create', async (em, c) => {
      // the instrument is the case's body's to choose from: a global one or the body's own, published
      const instruments = await instrumentsAvailableTo(em, c.bodyId, [dto.instrument]);
      const instrument = instruments.get(dto.instrument);
      if (!instrument)
        throw invalid('instrument', `${dto.instrument} is not an instrument available to this case's body`, 'UNKNOWN_INSTRUMENT');
      const scored = scoreMeasure(instrument, dto);
      if (!scored.ok) throw badRequest('VALIDATION_FAILED', 'The measure is not valid', scored.details);
      const { value } = scored;
      if (c.endDate && dto.administeredOn > c.endDate) throw invalid('administeredOn', 'administeredOn must not be after the case ended');
      const m = await insertMeasure(em, caseId, dto, value);
      if (value.riskFlag) {
        const [flag]: { risk_flagged_at: Date }[] = flatRows(
          await em.query(
            `UPDATE supervised_cases SET risk_flagged_at = COALESCE(risk_flagged_at, now()),
                    risk_acknowledged_at = NULL, risk_acknowledged_by = NULL, risk_acknowledgement_note = NULL
              WHERE id = $1 RETURNING risk_flagged_at`,
            [caseId],
          ),
        );
        c.riskFlaggedAt = new Date(flag.risk_flagged_at);
        await this.notifications.enqueue(em, riskFlagNotice(c));
      }
      return {
        changes: { measureId: m.id, instrument: dto.instrument, riskFlag: value.riskFlag },
        reply: { ...toMeasureDto(m, instruments), caseVersion: c.version, riskFlaggedAt: c.riskFlaggedAt?.toISOString() ?? null },
      };
    });
  }

  async list(ctx: AuthedCtx, caseId: string): Promise<CaseMeasuresDto> {
    const { c } = await this.access.load(ctx.actor, caseId, READERS);
    const measures = await measuresOf(this.db.manager, caseId);
    return summary(c, measures, await instrumentsAvailableTo(this.db.manager, c.bodyId, instrumentCodes(measures)));
  }

  remove(ctx: AuthedCtx, caseId: string, measureId: string, ifMatch: string | undefined): Promise<CaseMeasuresDto> {
    return this.edits.run(ctx, caseId, ifMatch, 'measure.delete', async (em, c) => {
      const measures = await measuresOf(em, caseId);
      const row = measures.find((m) => m.id === measureId);
      if (!row) throw notFound('Measure');
      await em.delete(OutcomeMeasure, { id: measureId });
      const left = measures.filter((m) => m !== row);
      // the flag stays while any flagged administration is left
      if (c.riskFlaggedAt && !left.some((m) => m.riskFlag)) {
        await em.query(
          `UPDATE supervised_cases SET risk_flagged_at = NULL, risk_acknowledged_at = NULL, risk_acknowledged_by = NULL, risk_acknowledgement_note = NULL WHERE id = $1`,
          [caseId],
        );
        c.riskFlaggedAt = null;
      }
      const instruments = await instrumentsAvailableTo(em, c.bodyId, instrumentCodes(left));
      return { changes: { measureId, instrument: row.instrument }, reply: summary(c, left, instruments) };
    });
  }
}

const summary = (c: SupervisedCase, measures: OutcomeMeasure[], instruments: InstrumentLookup): CaseMeasuresDto => ({
  items: measures.map((m) => toMeasureDto(m, instruments)),
  change: changeFromIntake(measurePoints(measures), instruments),
  riskFlaggedAt: c.riskFlaggedAt?.toISOString() ?? null,
  caseVersion: c.version,
});

async function insertMeasure(em: EntityManager, caseId: string, dto: CreateMeasureDto, value: ScoredMeasure): Promise<OutcomeMeasure> {
  const m = entityRows(em.connection, OutcomeMeasure);
  const rows: Record<string, unknown>[] = await em.query(
    `INSERT INTO outcome_measures AS m (case_id, instrument, administered_on, session_number, items, total, severity, risk_flag)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${m.select('m')}`,
    [
      caseId,
      dto.instrument,
      dto.administeredOn,
      dto.sessionNumber ?? null,
      value.items,
      value.total,
      value.severity,
      value.riskFlag === true,
    ],
  );
  return m.map(rows[0], 'm');
}
