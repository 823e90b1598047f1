import type { CaseReviewDto, GroupCreditFormulaDto, ParticipantCreditDto, SupervisionSessionDto } from './dto';
import { creditedMinutes, DEFAULT_GROUP_FORMULA, type GroupCreditFormula, perCaseMinutes } from './group-credit';
import { SupervisionFormat, type SupervisionSession } from './supervision-session.entity';

export interface ReviewRow {
  sessionId: string;
  caseId: string;
  traineeId: string;
  minutes: number | null;
  reviewedSessionIds: string[];
}

/** Who is looking: the full view, or a participating trainee who sees only their own part. */
export type SessionViewer = { kind: 'full' } | { kind: 'participant'; traineeId: string };

export const toFormulaDto = (f: GroupCreditFormula): GroupCreditFormulaDto => ({ ...f });

const toReviewDto = (r: ReviewRow): CaseReviewDto => ({
  caseId: r.caseId,
  traineeId: r.traineeId,
  minutes: r.minutes,
  reviewedSessionIds: r.reviewedSessionIds,
});

export function toSessionDto(
  s: SupervisionSession,
  participantIds: string[],
  reviews: ReviewRow[],
  viewer: SessionViewer,
): SupervisionSessionDto {
  const memberCount = participantIds.length;
  const credited = creditedMinutes({ format: s.format, minutes: s.minutes, memberCount }, DEFAULT_GROUP_FORMULA);
  const sorted = [...reviews].sort((a, b) => a.caseId.localeCompare(b.caseId));
  const visible = (traineeId: string) => viewer.kind === 'full' || viewer.traineeId === traineeId;
  const participants: ParticipantCreditDto[] = [...participantIds]
    .sort()
    .filter(visible)
    .map((traineeId) => ({
      traineeId,
      creditedMinutes: credited,
      cases: perCaseMinutes(
        credited,
        sorted.filter((r) => r.traineeId === traineeId),
      ),
    }));
  return {
    id: s.id,
    supervisorId: s.supervisorId,
    bodyId: s.bodyId,
    date: s.date,
    minutes: s.minutes,
    format: s.format,
    memberCount,
    // group notes can concern other members' cases, so a trainee sees notes of individual sessions only
    notes: viewer.kind === 'full' || s.format === SupervisionFormat.Individual ? s.notes : null,
    creditFormula: toFormulaDto(DEFAULT_GROUP_FORMULA),
    participants,
    caseReviews: sorted.filter((r) => visible(r.traineeId)).map(toReviewDto),
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
    version: s.version,
  };
}
