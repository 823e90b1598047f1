import type { SchemeDefinition } from './scheme-definition';

// Example schemes for the demo and the tests, written from the public descriptions in domain.md. They show
// what the rule vocabulary expresses; they are examples, not any body's official rules.

const IPT_PHASES = { initialLastSession: 3, terminationSessions: 3 };
const SHARE_X2 = { kind: 'share' as const, multiplier: 2, capAtGroupMinutes: true };
const ANNUAL_CPD = (hours: number) => ({
  requirements: [{ id: 'cpd', type: 'cpd' as const, label: 'CPD in the last year', params: { withinMonths: 12, minHours: hours } }],
  graceDays: 30,
  reminderDaysBefore: 30,
  auditSharePercent: 10,
});

/** International (ISIPT-style): therapist, supervisor, trainer and an adolescent added qualification. */
export const INTERNATIONAL_SCHEME: SchemeDefinition = {
  noun: 'certified',
  phaseBoundaries: IPT_PHASES,
  groupCredit: SHARE_X2,
  levels: [
    {
      code: 'THERAPIST',
      name: 'Certified IPT Therapist',
      kind: 'practitioner',
      order: 1,
      validity: { kind: 'annual' },
      renewal: { ...ANNUAL_CPD(8), requirements: [{ id: 'membership', type: 'membership', label: 'Annual membership', params: {} }] },
      prerequisites: [
        { id: 'membership', type: 'membership', label: 'Annual membership', params: {} },
        { id: 'licence', type: 'licence', label: 'A degree or licence suited to the region', params: {} },
      ],
      requirements: [
        {
          id: 'general-training',
          type: 'learning_hours',
          label: '≥ 150 h supervised general therapy training',
          params: { kinds: ['other'], minHours: 150 },
        },
        {
          id: 'intro-ipt',
          type: 'learning_hours',
          label: '≥ 16 h introductory IPT from an endorsed trainer',
          params: { kinds: ['didactic_course', 'workshop'], minHours: 16, trainerLevel: { levelCode: 'TRAINER' } },
        },
        {
          id: 'cases',
          type: 'completed_cases',
          label: '≥ 3 supervised IPT cases covering early, middle and late sessions',
          params: { minCount: 3, phaseCoverage: { phases: ['initial', 'middle', 'termination'] } },
        },
        {
          id: 'endorsed-supervisor',
          type: 'case_supervision',
          label: 'Each case supervised by an endorsed supervisor',
          params: { minCases: 3, minMinutesPerCase: 60, supervisorLevel: { levelCode: 'SUPERVISOR' } },
        },
        { id: 'attestations', type: 'sign_offs', label: 'Case attestations co-signed by the supervisor', params: { minCases: 3 } },
      ],
    },
    {
      code: 'SUPERVISOR',
      name: 'Certified IPT Supervisor',
      kind: 'supervisor',
      order: 2,
      validity: { kind: 'annual' },
      renewal: ANNUAL_CPD(12),
      prerequisites: [
        {
          id: 'therapist',
          type: 'level_held',
          label: 'Certified therapist for ≥ 1 year',
          params: { levelCode: 'THERAPIST', minMonthsHeld: 12 },
        },
      ],
      requirements: [
        { id: 'own-cases', type: 'completed_cases', label: '5 own supervised cases in total', params: { minCount: 5 } },
        {
          id: 'supervision-given',
          type: 'supervision_given',
          label: '≥ 80 h of IPT supervision given to ≥ 4 clinicians',
          params: { minHours: 80, minDistinctSupervisees: 4 },
        },
      ],
    },
    {
      code: 'TRAINER',
      name: 'Certified IPT Trainer',
      kind: 'trainer',
      order: 3,
      validity: { kind: 'annual' },
      renewal: ANNUAL_CPD(12),
      prerequisites: [
        {
          id: 'therapist',
          type: 'level_held',
          label: 'Certified therapist for ≥ 1 year',
          params: { levelCode: 'THERAPIST', minMonthsHeld: 12 },
        },
      ],
      requirements: [
        { id: 'own-cases', type: 'completed_cases', label: '5 own supervised cases', params: { minCount: 5 } },
        { id: 'teaching', type: 'teaching_given', label: '≥ 100 h IPT teaching led or co-led', params: { minHours: 100 } },
      ],
    },
    {
      code: 'IPT-A',
      name: 'Added qualification: adolescents (IPT-A)',
      kind: 'added_qualification',
      order: 4,
      validity: { kind: 'none' },
      prerequisites: [{ id: 'therapist', type: 'level_held', label: 'Certified therapist', params: { levelCode: 'THERAPIST' } }],
      requirements: [
        {
          id: 'ipt-a-training',
          type: 'learning_hours',
          label: '16 h IPT-A training',
          params: { kinds: ['didactic_course', 'workshop'], minHours: 16 },
        },
        {
          id: 'ipt-a-cases',
          type: 'completed_cases',
          label: '3 supervised IPT-A cases',
          params: { minCount: 3, filter: { adaptations: ['adolescent'] } },
        },
        {
          id: 'ipt-a-supervision',
          type: 'case_supervision',
          label: '≥ 8 h supervision on each IPT-A case',
          params: { minCases: 3, minMinutesPerCase: 480, filter: { adaptations: ['adolescent'] } },
        },
      ],
    },
  ],
};

/** UK-style: core profession, every session recorded, ≥ 3 tapes rated per case, 12 of 16 sessions supervised, annual CPD renewal. */
export const UK_STYLE_SCHEME: SchemeDefinition = {
  noun: 'accredited',
  phaseBoundaries: { initialLastSession: 4, terminationSessions: 4 },
  groupCredit: SHARE_X2,
  levels: [
    {
      code: 'A',
      name: 'Interest (Level A)',
      kind: 'introductory',
      order: 1,
      validity: { kind: 'none' },
      prerequisites: [],
      requirements: [
        { id: 'course', type: 'learning_hours', label: 'A 2–4 day IPT course', params: { kinds: ['didactic_course'], minHours: 14 } },
      ],
    },
    {
      code: 'B',
      name: 'IPT Practitioner (Level B)',
      kind: 'practitioner',
      order: 2,
      validity: { kind: 'annual' },
      renewal: { ...ANNUAL_CPD(10), reminderDaysBefore: 30 },
      prerequisites: [
        {
          id: 'core-profession',
          type: 'profession',
          label: 'A core mental-health profession',
          params: {
            allowed: ['psychologist', 'psychiatrist', 'nurse', 'social_worker', 'occupational_therapist', 'counsellor', 'psychotherapist'],
          },
        },
        { id: 'level-a', type: 'level_held', label: 'Level A', params: { levelCode: 'A' } },
      ],
      requirements: [
        {
          id: 'cases',
          type: 'completed_cases',
          label: '≥ 2 supervised cases, the first major depression, ideally two problem areas',
          params: { minCount: 2, firstCaseDiagnosisPrefixes: ['F32', 'F33'], filter: { minSessions: 8 } },
        },
        {
          id: 'recordings',
          type: 'case_recordings',
          label: 'Every session recorded, ≥ 3 tapes per case rated',
          params: { minCases: 2, allSessionsRecorded: true, minRatedPerCase: 3 },
        },
        {
          id: 'supervision',
          type: 'case_supervision',
          label: '≥ 12 of 16 sessions supervised, ≥ 4 h per case',
          params: { minCases: 2, minShareOfSessionsSupervised: 0.75, minMinutesPerCase: 240 },
        },
      ],
    },
    {
      code: 'D',
      name: 'Supervisor-trainer eligibility (Level D)',
      kind: 'supervisor',
      order: 3,
      validity: { kind: 'fixed_term', months: 60 },
      renewal: ANNUAL_CPD(20),
      prerequisites: [{ id: 'level-b', type: 'level_held', label: 'Level B for ≥ 2 years', params: { levelCode: 'B', minMonthsHeld: 24 } }],
      requirements: [
        {
          id: 'cases',
          type: 'completed_cases',
          label: '≥ 4 further cases in ≥ 2 problem areas',
          params: { minCount: 4, distinctProblemAreas: 2 },
        },
        {
          id: 'supervision-given',
          type: 'supervision_given',
          label: 'Supervision given',
          params: { minHours: 40, minDistinctSupervisees: 3 },
        },
      ],
    },
  ],
};

/** US-style A–E ladder (A, B and C shown): portfolios averaging ≥ 3.0, PHQ-9/GAD-7 every 4 sessions, recorded initial and late sessions. */
export const US_STYLE_SCHEME: SchemeDefinition = {
  noun: 'certified',
  phaseBoundaries: IPT_PHASES,
  groupCredit: SHARE_X2,
  levels: [
    {
      code: 'A',
      name: 'Level A',
      kind: 'introductory',
      order: 1,
      validity: { kind: 'none' },
      prerequisites: [],
      requirements: [
        { id: 'course', type: 'learning_hours', label: 'A 14–16 h course', params: { kinds: ['didactic_course'], minHours: 14 } },
      ],
    },
    {
      code: 'B',
      name: 'Level B',
      kind: 'practitioner',
      order: 2,
      validity: { kind: 'fixed_term', months: 36 },
      renewal: ANNUAL_CPD(8),
      prerequisites: [
        {
          id: 'level-a',
          type: 'level_held',
          label: 'Level A within the last 3 years',
          params: { levelCode: 'A', awardedWithinMonths: 36 },
        },
        { id: 'licence', type: 'licence', label: 'A licence (or student status)', params: { current: true } },
      ],
      requirements: [
        {
          id: 'consultation',
          type: 'case_supervision',
          label: '≥ 10 consultation hours',
          params: { minCases: 2, minMinutesPerCase: 300, filter: { statuses: ['active', 'completed'], signedOffOnly: false } },
        },
        {
          id: 'portfolios',
          type: 'case_recordings',
          label: 'Two portfolios on two clients, each averaging ≥ 3.0',
          params: {
            minCases: 2,
            minRatedPerCase: 1,
            ratingTarget: 'case',
            recordedPhases: ['initial', 'termination'],
            filter: { statuses: ['active', 'completed'], signedOffOnly: false },
          },
        },
        {
          id: 'measures',
          type: 'outcome_measures',
          label: 'PHQ-9 and GAD-7 at intake and every 4 sessions',
          params: {
            minCases: 2,
            instruments: ['PHQ9', 'GAD7'],
            everyNSessions: 4,
            atEnd: false,
            filter: { statuses: ['active', 'completed'], signedOffOnly: false },
          },
        },
        { id: 'booster', type: 'learning_hours', label: 'An ≥ 8 h booster course', params: { kinds: ['booster'], minHours: 8 } },
      ],
    },
    {
      code: 'C',
      name: 'Level C',
      kind: 'advanced',
      order: 3,
      validity: { kind: 'fixed_term', months: 36 },
      renewal: ANNUAL_CPD(12),
      prerequisites: [{ id: 'level-b', type: 'level_held', label: 'Level B', params: { levelCode: 'B' } }],
      requirements: [{ id: 'cases', type: 'completed_cases', label: '4 supervised cases', params: { minCount: 4 } }],
    },
  ],
};
