import { caseAttributes } from '../case-attributes';
import type { ActivityRecord, CaseRecord, EvaluationContext, PersonRecord, SupervisionReceived } from '../person-record';

// Builders for the eligibility specs: a person's record as plain data, with sensible defaults.

export const CTX: EvaluationContext = {
  asOf: '2026-06-30',
  schemeCode: 'TEST',
  schemeBodyId: 'body-1',
  phaseBoundaries: { initialLastSession: 3, terminationSessions: 3 },
  groupCredit: { kind: 'share', multiplier: 2, capAtGroupMinutes: true },
};

let seq = 0;
const id = (p: string) => `${p}-${++seq}`;

type CaseOver = Partial<CaseRecord> & { sessionCount?: number; recorded?: boolean; setting?: string; ageBand?: string };

/** A case; its attributes follow its columns (setting and age band default to community, 26-40) unless given. */
export function aCase(over: CaseOver = {}): CaseRecord {
  const { sessionCount = 12, recorded = false, setting = 'community', ageBand = '26-40', attributes, ...rest } = over;
  const caseId = rest.id ?? id('case');
  const c: CaseRecord = {
    id: caseId,
    clientCode: id('C'),
    format: 'individual',
    adaptation: 'adult',
    primaryDiagnosis: 'F32.1',
    focusProblemArea: 'role_transition',
    secondaryProblemArea: null,
    taxonomyCode: 'IPT',
    taxonomyVersionId: 'taxonomy-ipt-1',
    status: 'completed',
    reviewState: 'signed_off',
    startDate: '2025-01-06',
    endDate: '2025-04-30',
    supervisorId: 'sup-1',
    sessions: Array.from({ length: sessionCount }, (_, i) => ({
      id: `${caseId}-s${i + 1}`,
      number: i + 1,
      date: `2025-0${1 + Math.floor(i / 4)}-${String(6 + (i % 4) * 7).padStart(2, '0')}`,
      durationMinutes: 50,
      phase: i < 3 ? ('initial' as const) : i >= sessionCount - 3 ? ('termination' as const) : ('middle' as const),
      attended: true,
      recorded,
    })),
    measures: [],
    attributes: {},
    ...rest,
  };
  c.attributes = { ...caseAttributes({ ...c, setting, ageBand }), ...attributes };
  return c;
}

export function anActivity(over: Partial<ActivityRecord> = {}): ActivityRecord {
  return {
    id: id('activity'),
    kind: 'didactic_course',
    hours: 8,
    date: '2026-03-01',
    verified: true,
    trainerId: 'trainer-1',
    delivery: 'in_person',
    provider: 'IPT Institute',
    title: 'IPT foundations',
    ...over,
  };
}

export function aRecord(over: Partial<PersonRecord> = {}): PersonRecord {
  return {
    personId: 'me',
    profile: { profession: 'psychologist', licences: [], memberships: [] },
    levels: [],
    activities: [],
    teaching: [],
    cases: [],
    supervisionReceived: [],
    supervisionGiven: [],
    ratings: [],
    rubrics: {},
    othersLevels: {},
    calibratedRaters: [],
    qualifications: [],
    references: [],
    ...over,
  };
}

export function supervision(c: CaseRecord, over: Partial<SupervisionReceived> = {}): SupervisionReceived {
  return {
    meetingId: id('meeting'),
    date: c.sessions[0]?.date ?? c.startDate,
    supervisorId: c.supervisorId,
    format: 'individual',
    minutes: 60,
    memberCount: 1,
    caseReviews: [{ caseId: c.id, minutes: null, reviewedSessionIds: [] }],
    ...over,
  };
}
