import type { ReferenceDto, ReferenceWithTextDto } from './dto';
import type { ReferenceRequest } from './reference-request.entity';
import { referenceState } from './reference-rules';

export const toReferenceDto = (r: ReferenceRequest, now: Date): ReferenceDto => ({
  id: r.id,
  applicantId: r.applicantId,
  bodyId: r.bodyId,
  kind: r.kind,
  refereeName: r.refereeName,
  refereeEmail: r.refereeEmail,
  refereeUserId: r.refereeUserId,
  relation: r.relation,
  state: referenceState(r, now),
  expiresAt: r.expiresAt.toISOString(),
  sendCount: r.sendCount,
  createdAt: r.createdAt.toISOString(),
  submittedAt: r.submittedAt?.toISOString() ?? null,
  cancelledAt: r.cancelledAt?.toISOString() ?? null,
});

export const toReferenceWithTextDto = (r: ReferenceRequest, applicantName: string, now: Date): ReferenceWithTextDto => ({
  ...toReferenceDto(r, now),
  applicantName,
  text: r.text,
  recommend: r.recommend,
  rating: r.rating,
});
