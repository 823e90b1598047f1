import type { RubricDefinition } from '../../rubrics/rubric-scoring';
import type { CaseRecord, PersonRecord, RatingRecord } from '../person-record';
import { validateRuleParams } from '../scheme-definition';
import { RULE_TYPE_NAMES, RULE_TYPES, type RuleType } from './index';
import { type RecordPart, RULE_READS } from './record-parts';
import { aCase, anActivity, aRecord, supervision } from './record-builder.fixture';
import type { RuleEvaluator } from './rule-types';
import { run } from './spec-run.fixture';

// The what-if loads only the parts RULE_READS declares and decides verdicts from a record whose other parts are empty,
// so a rule reading an undeclared part would silently give a wrong verdict. Each rule type is run here on a record
// that throws when an undeclared part is read.

// The part each field of the record belongs to; null = always loaded. Typed over PersonRecord so a new field must say.
const PART_OF: Record<keyof PersonRecord, RecordPart | null> = {
  personId: null,
  profile: null,
  levels: null,
  othersLevels: null,
  calibratedRaters: null,
  activities: 'activities',
  teaching: 'teaching',
  cases: 'cases',
  supervisionReceived: 'supervisionReceived',
  supervisionGiven: 'supervisionGiven',
  ratings: 'ratings',
  rubrics: 'ratings',
  qualifications: 'qualifications',
  references: 'references',
};

/** The record as a rule of this type may see it: reading a part RULE_READS does not declare for the type throws. */
function guarded(record: PersonRecord, type: RuleType): PersonRecord {
  const declared = new Set<RecordPart>(RULE_READS[type]);
  const refuse = (field: string, part: RecordPart) => {
    throw new Error(`${type} reads ${field} (record part '${part}'), which RULE_READS.${type} does not declare`);
  };
  // made once, so a rule comparing cases by identity (includes, indexOf) sees the same objects on every read
  const cases = declared.has('measures')
    ? record.cases
    : record.cases.map(
        (c) =>
          new Proxy(c, {
            get: (target, key, receiver) =>
              key === 'measures' ? refuse(`case ${c.id}.measures`, 'measures') : (Reflect.get(target, key, receiver) as unknown),
          }),
      );
  return new Proxy(record, {
    get(target, key, receiver) {
      const part = typeof key === 'string' ? PART_OF[key as keyof PersonRecord] : undefined;
      if (part && !declared.has(part)) return refuse(`record.${String(key)}`, part);
      return key === 'cases' ? cases : (Reflect.get(target, key, receiver) as unknown);
    },
  });
}

// ---- one record with every part present, so each code path has something to read ----
const rubric: RubricDefinition = {
  scale: { min: 1, max: 5 },
  items: [
    { code: 'a', label: 'Agenda' },
    { code: 'b', label: 'Focus' },
  ],
  aggregation: 'mean',
  passRule: { threshold: 3, itemFloor: 2 },
  multiRater: { kind: 'single', disagreementThreshold: 1 },
};

const measure = (c: string, instrument: string, sessionNumber: number) => ({
  id: `${c}-${instrument}-${sessionNumber}`,
  instrument,
  sessionNumber,
  administeredOn: '2025-02-01',
});

// completed before level A was awarded (2025-06-01), recorded, measured at intake, every 4 sessions and the end
const early: CaseRecord = aCase({
  id: 'case-early',
  recorded: true,
  measures: [1, 4, 8, 12].flatMap((n) => [measure('case-early', 'PHQ9', n), measure('case-early', 'GAD7', n)]),
});
// completed after the award, a different problem area and a secondary one, group format, measured at intake only
const late: CaseRecord = aCase({
  id: 'case-late',
  format: 'group',
  focusProblemArea: 'grief',
  secondaryProblemArea: 'role_dispute',
  primaryDiagnosis: 'F33.0',
  startDate: '2025-07-01',
  endDate: '2025-10-31',
  sessionCount: 8,
  measures: [measure('case-late', 'PHQ9', 0)],
});
// still active and not signed off: left out by default filters, counted where all statuses count
const active: CaseRecord = aCase({
  id: 'case-active',
  status: 'active',
  reviewState: 'draft',
  endDate: null,
  sessionCount: 5,
  setting: 'inpatient',
  measures: [measure('case-active', 'PHQ9', 1)],
});

const rating = (id: string, targetId: string, raterId: string, score: number, over: Partial<RatingRecord> = {}): RatingRecord => ({
  id,
  rubricVersionId: 'rv1',
  targetType: 'session',
  targetId,
  raterId,
  raterRole: 'supervisor',
  scores: { a: score, b: score },
  ...over,
});

const RECORD: PersonRecord = aRecord({
  profile: {
    profession: 'psychologist',
    licences: [{ jurisdiction: 'GB', number: 'L1', expiresOn: '2027-01-01' }],
    memberships: [{ bodyId: 'body-1', from: '2024-01-01', to: null }],
  },
  levels: [{ schemeCode: 'TEST', bodyId: 'body-1', levelCode: 'A', from: '2025-06-01', to: null }],
  othersLevels: {
    'sup-1': [{ schemeCode: 'TEST', bodyId: 'body-1', levelCode: 'SUPERVISOR', from: '2020-01-01', to: null }],
    'trainer-1': [{ schemeCode: 'TEST', bodyId: 'body-1', levelCode: 'TRAINER', from: '2020-01-01', to: null }],
  },
  calibratedRaters: ['sup-1'],
  activities: [
    anActivity({ id: 'act-1', date: '2025-09-01' }),
    anActivity({ id: 'act-2', delivery: 'online', hours: 12, date: '2026-01-10' }),
    anActivity({ id: 'act-3', kind: 'workshop', trainerId: null, provider: 'Other', date: '2026-02-01' }),
    anActivity({ id: 'act-4', kind: 'cpd', hours: 2, verified: false, trainerId: 'trainer-2', date: '2026-04-01' }),
  ],
  teaching: [
    { id: 'teach-1', kind: 'workshop', hours: 6, date: '2025-11-01' },
    { id: 'teach-2', kind: 'didactic_course', hours: 8, date: '2026-03-01' },
  ],
  cases: [early, late, active],
  supervisionReceived: [
    supervision(early, {
      meetingId: 'meet-1',
      caseReviews: [{ caseId: early.id, minutes: null, reviewedSessionIds: [early.sessions[0].id, early.sessions[11].id] }],
    }),
    supervision(early, { meetingId: 'meet-2', date: '2025-03-01', supervisorId: 'sup-2' }),
    supervision(late, {
      meetingId: 'meet-3',
      format: 'group',
      minutes: 120,
      memberCount: 6,
      caseReviews: [
        { caseId: late.id, minutes: 40, reviewedSessionIds: [] },
        { caseId: early.id, minutes: 20, reviewedSessionIds: [early.sessions[5].id] },
      ],
    }),
    { meetingId: 'meet-4', date: '2026-02-01', supervisorId: 'sup-1', format: 'individual', minutes: 60, memberCount: 1, caseReviews: [] },
  ],
  supervisionGiven: [
    { id: 'given-1', date: '2025-12-01', minutes: 90, traineeIds: ['t-1', 't-2'] },
    { id: 'given-2', date: '2026-05-01', minutes: 60, traineeIds: ['t-3'] },
  ],
  ratings: [
    rating('rat-1', early.sessions[0].id, 'sup-1', 4),
    rating('rat-2', early.sessions[0].id, 'ind-1', 3, { raterRole: 'independent' }),
    rating('rat-3', early.sessions[11].id, 'sup-1', 2),
    rating('rat-4', early.sessions[5].id, 'me', 5, { raterRole: 'self' }),
    rating('rat-5', late.id, 'sup-1', 4, { targetType: 'case' }),
  ],
  rubrics: { rv1: { rubricCode: 'IPT', definition: rubric } },
  qualifications: [
    { id: 'q-1', kind: 'degree', code: 'MSC_CLIN_PSY', title: 'MSc Clinical Psychology', awardedOn: '2015-07-01', state: 'verified' },
    { id: 'q-2', kind: 'licence', code: 'PSY_LICENCE', title: 'Licence to practise', awardedOn: '2016-01-01', state: 'pending' },
  ],
  references: [
    { id: 'ref-1', bodyId: 'body-1', kind: 'clinical', submittedOn: '2026-01-15' },
    { id: 'ref-2', bodyId: 'body-1', kind: 'clinical', submittedOn: null },
    { id: 'ref-3', bodyId: 'body-1', kind: 'character', submittedOn: '2023-05-01' },
  ],
});

// ---- params per rule type: each sample switches on a code path that may read a further part ----
const sinceA = { since: { levelAwarded: { levelCode: 'A' } } };
const SAMPLES: Record<RuleType, readonly object[]> = {
  profession: [{ allowed: ['psychologist', 'nurse'] }],
  licence: [{}, { jurisdictions: ['GB'], current: false }],
  membership: [{}, { minMonths: 12 }],
  level_held: [{ levelCode: 'A' }, { levelCode: 'A', minMonthsHeld: 6, awardedWithinMonths: 36 }],
  learning_hours: [
    { kinds: ['didactic_course'], minHours: 16 },
    {
      kinds: ['didactic_course', 'workshop', 'cpd'],
      minHours: 20,
      verifiedOnly: false,
      withinMonths: 24,
      trainerLevel: { levelCode: 'TRAINER' },
      trainerLevels: [{ levelCode: 'SUPERVISOR' }],
      delivery: ['in_person', 'online'],
      where: [{ attribute: 'provider', anyOf: ['IPT Institute'] }],
      caps: [{ delivery: 'online', maxHours: 6 }],
      totals: [{ label: 'in person', minHours: 8, filter: { delivery: ['in_person'], trainerLevels: [{ levelCode: 'TRAINER' }] } }],
    },
  ],
  cpd: [
    { withinMonths: 12, minHours: 4, minCount: 2 },
    { withinMonths: 36, kinds: ['workshop'], minCount: 1 },
  ],
  teaching_given: [{ minHours: 10 }, { minHours: 5, kinds: ['workshop'], withinMonths: 24 }],
  supervision_given: [{ minHours: 2 }, { minHours: 1, minDistinctSupervisees: 2, withinMonths: 12 }],
  supervision_received: [
    { minHours: 2 },
    { minHours: 1, caseLinked: false },
    {
      minHours: 1,
      formats: ['group', 'individual'],
      caseLinked: true,
      supervisorLevel: { levelCode: 'SUPERVISOR' },
      withinMonths: 24,
      groupCredit: { kind: 'fixed_fraction', fraction: 0.5 },
      groupSizeLimit: { maxMembers: 4, fallback: { creditMinutes: 30 } },
    },
  ],
  completed_cases: [
    { minCount: 2 },
    { minCount: 1, window: { ...sinceA, monthsBeforeApplication: 24 } },
    // phase coverage from rated sessions: the path that reads the ratings
    {
      minCount: 2,
      distinctProblemAreas: 2,
      distinctClients: true,
      firstCaseDiagnosisPrefixes: ['F32'],
      phaseCoverage: { phases: ['initial', 'termination'], ratedOnly: true, perCase: true },
      filter: {
        statuses: ['completed'],
        formats: ['individual', 'group'],
        adaptations: ['adult'],
        minSessions: 4,
        diagnosisPrefixes: ['F3'],
        supervisorLevel: { levelCode: 'SUPERVISOR' },
        where: [{ attribute: 'setting', noneOf: ['inpatient'] }],
      },
    },
    { minCount: 2, phaseCoverage: { phases: ['initial', 'middle', 'termination'] } },
  ],
  case_recordings: [
    // recordings only: no rating read
    { minCases: 1, allSessionsRecorded: true, recordedPhases: ['initial', 'termination'] },
    {
      minCases: 1,
      minRatedPerCase: 2,
      rubricCode: 'IPT',
      calibratedRatersOnly: true,
      raterPolicy: { kind: 'mean_of_n', n: 2, disagreementThreshold: 1 },
    },
    { minCases: 1, minRatedPerCase: 1, ratingTarget: 'case', requirePass: false },
    { minCases: 1, minRatedPerCase: 1, window: { ...sinceA, earlier: { minCases: 1, params: { minRatedPerCase: 2 } } } },
  ],
  case_supervision: [
    { minCases: 1, minMinutesPerCase: 60 },
    {
      minCases: 1,
      minShareOfSessionsSupervised: 0.5,
      minSupervisionToTherapyRatio: 0.1,
      minOwnCaseMinutesInGroup: 30,
      supervisorLevel: { levelCode: 'SUPERVISOR' },
      fromRecordings: true,
      groupCredit: { kind: 'share', multiplier: 2, capAtGroupMinutes: true },
      groupSizeLimit: { maxMembers: 4, fallback: 'none' },
      filter: { statuses: ['completed', 'active'], signedOffOnly: false },
    },
    { minCases: 1, minMinutesPerCase: 30, window: { ...sinceA, earlier: { minCases: 1, params: { minMinutesPerCase: 10 } } } },
  ],
  outcome_measures: [
    { minCases: 1, instruments: ['PHQ9'] },
    { minCases: 2, instruments: ['PHQ9', 'GAD7'], baseline: true, everyNSessions: 4, atEnd: true, filter: { signedOffOnly: false } },
    { minCases: 1, instruments: ['PHQ9'], window: { ...sinceA, earlier: { minCases: 1, params: { atEnd: false } } } },
  ],
  practice_hours: [
    { minHours: 10 },
    { minHours: 5, withinMonths: 24, filter: { statuses: ['completed'], where: [{ attribute: 'setting', noneOf: ['inpatient'] }] } },
  ],
  sign_offs: [{ minCases: 2 }, { minCases: 1, filter: { formats: ['individual'] }, window: { monthsBeforeApplication: 24 } }],
  distinct_case_attribute: [
    { attribute: 'problemArea', minDistinct: 3 },
    {
      attribute: 'diagnosisGroup',
      minDistinct: 1,
      values: ['F30-F39'],
      filter: { statuses: ['completed', 'active'], signedOffOnly: false },
    },
  ],
  qualification: [{ codes: ['MSC_CLIN_PSY'] }, { codes: ['PSY_LICENCE'], verifiedOnly: false }],
  references: [{ min: 1 }, { min: 2, kinds: ['clinical'], withinMonths: 12 }],
};

const samples = RULE_TYPE_NAMES.flatMap((type) => (SAMPLES[type] ?? []).map((params, i) => [type, i + 1, params] as const));

describe('the record parts each rule type reads', () => {
  it('are tried for every rule type (a new rule type needs params here)', () => {
    expect(RULE_TYPE_NAMES.filter((type) => !SAMPLES[type]?.length)).toEqual([]);
  });

  it('are tried with valid params only', () => {
    for (const [type, , params] of samples)
      expect({ type, errors: validateRuleParams(type, params, 'params') }).toEqual({ type, errors: {} });
  });

  it('are caught when undeclared (the guard itself works)', () => {
    expect(() => guarded(RECORD, 'profession').cases).toThrow("profession reads record.cases (record part 'cases')");
    expect(() => guarded(RECORD, 'completed_cases').cases[0].measures).toThrow("record part 'measures'");
    expect(guarded(RECORD, 'outcome_measures').cases[0].measures).toBe(early.measures);
  });

  it.each(samples)('%s, sample %i, reads only the parts RULE_READS declares', (type, _, params) => {
    // each type has its own params class; the samples are checked against it above
    const rule = RULE_TYPES[type] as RuleEvaluator<object>;
    const expected = run(rule, params, RECORD);
    expect(run(rule, params, guarded(RECORD, type))).toEqual(expected);
  });
});
