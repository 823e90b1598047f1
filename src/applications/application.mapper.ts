import type { RecognitionBasisDto } from '../accreditations/dto';
import type { LevelReport } from '../schemes/evaluate-level';
import type { ApplicationDetailDto, ApplicationDto, ApplicationEventDto } from './dto';
import type { Application, ApplicationEvent } from './application.entity';

export const toApplicationDto = (a: Application): ApplicationDto => ({
  id: a.id,
  applicantId: a.applicantId,
  applicantName: a.applicant?.displayName ?? '',
  bodyId: a.bodyId,
  schemeVersionId: a.schemeVersionId,
  levelCode: a.levelCode,
  status: a.status,
  evaluation: a.evaluation as unknown as LevelReport,
  allRulesMet: a.allRulesMet,
  evaluatedAt: a.evaluatedAt.toISOString(),
  applicantNote: a.applicantNote,
  infoRequest: a.infoRequest,
  decidedBy: a.decidedBy,
  decidedAt: a.decidedAt?.toISOString() ?? null,
  decisionReason: a.decisionReason,
  overrideReason: a.overrideReason,
  accreditationId: a.accreditationId,
  basis: (a.basis as unknown as RecognitionBasisDto | null) ?? null,
  createdAt: a.createdAt.toISOString(),
  version: a.version,
});

export const toApplicationEventDto = (e: ApplicationEvent): ApplicationEventDto => ({
  id: e.id,
  kind: e.kind,
  actorId: e.actorId,
  note: e.note,
  evaluation: (e.evaluation as unknown as LevelReport | null) ?? null,
  occurredAt: e.occurredAt.toISOString(),
});

export const toApplicationDetailDto = (a: Application, events: ApplicationEvent[]): ApplicationDetailDto => ({
  ...toApplicationDto(a),
  events: events.map(toApplicationEventDto),
});
