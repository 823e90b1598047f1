import type { AccreditationDetailDto, AccreditationDto, AccreditationEventDto, RecognitionBasisDto } from './dto';
import type { Accreditation, AccreditationEvent } from './accreditation.entity';
import { dateOf, dateOrNull } from '../common/dates';

export const toAccreditationDto = (a: Accreditation): AccreditationDto => ({
  id: a.id,
  certificateNumber: a.certificateNumber,
  holderId: a.holderId,
  holderName: a.holderName,
  bodyId: a.bodyId,
  schemeVersionId: a.schemeVersionId,
  levelCode: a.levelCode,
  levelName: a.levelName,
  noun: a.noun,
  levelTitle: a.levelTitle,
  applicationId: a.applicationId,
  status: a.status,
  issuedOn: dateOf(a.issuedOn),
  expiresOn: dateOrNull(a.expiresOn),
  publicListing: a.publicListing,
  basis: (a.basis as unknown as RecognitionBasisDto | null) ?? null,
  createdAt: a.createdAt.toISOString(),
  version: a.version,
});

export const toAccreditationEventDto = (e: AccreditationEvent): AccreditationEventDto => ({
  id: e.id,
  kind: e.kind,
  fromStatus: e.fromStatus,
  toStatus: e.toStatus,
  reason: e.reason,
  actorId: e.actorId,
  occurredAt: e.occurredAt.toISOString(),
});

export const toAccreditationDetailDto = (a: Accreditation, events: AccreditationEvent[]): AccreditationDetailDto => ({
  ...toAccreditationDto(a),
  credentialJws: a.credentialJws,
  events: events.map(toAccreditationEventDto),
});
