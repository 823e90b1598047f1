import { changeFromIntake, type InstrumentLookup } from '../measures/change-from-intake';
import { toMeasureDto } from '../measures/measure.mapper';
import type { OutcomeMeasure } from '../measures/outcome-measure.entity';
import type { EntityManager } from 'typeorm';
import { type CaseNames, caseNames, type LoadedCase, measureInstruments } from './case-content';
import type { CaseSignoff } from './case-signoff.entity';
import type { CaseDto, CaseSummaryDto, SessionDto, SignoffDto } from './dto';
import { lagDays, summariseLag } from './logging-lag';
import type { SupervisedCase } from './supervised-case.entity';
import type { TherapySession } from './therapy-session.entity';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const toCaseSummaryDto = (c: SupervisedCase): CaseSummaryDto => ({
  id: c.id,
  traineeId: c.traineeId,
  supervisorId: c.supervisorId,
  bodyId: c.bodyId,
  clientCode: c.clientCode,
  taxonomyVersionId: c.taxonomyVersionId,
  format: c.format,
  adaptation: c.adaptation,
  ageBand: c.ageBand,
  setting: c.setting,
  primaryDiagnosis: c.primaryDiagnosis,
  focusProblemArea: c.focusProblemArea,
  secondaryProblemArea: c.secondaryProblemArea,
  attributes: c.attributes ?? {},
  plannedSessions: c.plannedSessions,
  startDate: c.startDate,
  endDate: c.endDate,
  status: c.status,
  endReason: c.endReason,
  recordingConsent: c.recordingConsent,
  reviewState: c.reviewState,
  submittedAt: iso(c.submittedAt),
  riskFlaggedAt: iso(c.riskFlaggedAt),
  riskAcknowledgedAt: iso(c.riskAcknowledgedAt),
  version: c.version,
  createdAt: c.createdAt.toISOString(),
  updatedAt: c.updatedAt.toISOString(),
});

export const toSessionDto = (s: TherapySession): SessionDto => ({
  id: s.id,
  number: s.number,
  date: s.date,
  durationMinutes: s.durationMinutes,
  phase: s.phase,
  attended: s.attended,
  recorded: s.recorded,
  loggedAt: s.createdAt.toISOString(),
  lagDays: lagDays(s.date, s.createdAt),
});

export const toSignoffDto = (s: CaseSignoff): SignoffDto => ({
  id: s.id,
  supervisorId: s.supervisorId,
  contentHash: s.contentHash,
  signedAt: s.signedAt.toISOString(),
  voidedAt: iso(s.voidedAt),
  voidReason: s.voidReason,
});

export function latestPerInstrument(measures: readonly OutcomeMeasure[]): OutcomeMeasure[] {
  const latest = new Map<string, OutcomeMeasure>();
  for (const m of measures) {
    const cur = latest.get(m.instrument);
    const later =
      !cur || m.administeredOn > cur.administeredOn || (m.administeredOn === cur.administeredOn && m.createdAt >= cur.createdAt);
    if (later) latest.set(m.instrument, m);
  }
  return [...latest.values()].sort((a, b) => a.instrument.localeCompare(b.instrument));
}

export const measurePoints = (measures: readonly OutcomeMeasure[]) =>
  measures.map((m) => ({
    instrument: m.instrument,
    administeredOn: m.administeredOn,
    sessionNumber: m.sessionNumber,
    total: m.total,
    seq: m.createdAt.getTime(),
  }));

export const toCaseDto = (l: LoadedCase, names: CaseNames, instruments: InstrumentLookup): CaseDto => ({
  ...toCaseSummaryDto(l.c),
  ...names,
  presentingProblem: l.c.presentingProblem,
  formulation: l.c.formulation,
  course: l.c.course,
  techniques: l.c.techniques,
  outcome: l.c.outcome,
  deliveredSessions: l.sessions.filter((s) => s.attended).length,
  sessions: l.sessions.map(toSessionDto),
  measures: {
    latest: latestPerInstrument(l.measures).map((m) => toMeasureDto(m, instruments)),
    change: changeFromIntake(measurePoints(l.measures), instruments),
  },
  loggingLag: summariseLag(l.sessions.map((s) => lagDays(s.date, s.createdAt))),
  contentHash: l.hash,
  currentSignoff: l.signoff ? toSignoffDto(l.signoff) : null,
});

/** The case response for loaded content: reads the names and the measures' instrument definitions through `em`. */
export const caseReply = async (em: EntityManager, l: LoadedCase): Promise<CaseDto> =>
  toCaseDto(l, await caseNames(em, l.c), await measureInstruments(em, l));
