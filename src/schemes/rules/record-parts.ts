import type { LevelDef, RuleDef } from '../scheme-definition';
import type { RuleType } from './index';

/** The parts of a person's record a bulk load may skip when no rule to be evaluated reads them (profile, levels and the
 *  level history of supervisors and trainers are always loaded). */
export type RecordPart =
  | 'activities'
  | 'teaching'
  | 'cases'
  | 'measures'
  | 'supervisionReceived'
  | 'supervisionGiven'
  | 'ratings'
  | 'qualifications'
  | 'references';

export const ALL_RECORD_PARTS: readonly RecordPart[] = [
  'activities',
  'teaching',
  'cases',
  'measures',
  'supervisionReceived',
  'supervisionGiven',
  'ratings',
  'qualifications',
  'references',
];

// What each rule type reads of the record (besides profile and levels). A new rule type must say (the map is total).
const CASES: RecordPart[] = ['cases'];
export const RULE_READS: Record<RuleType, readonly RecordPart[]> = {
  profession: [],
  licence: [],
  membership: [],
  level_held: [],
  learning_hours: ['activities'],
  cpd: ['activities'],
  teaching_given: ['teaching'],
  supervision_given: ['supervisionGiven'],
  supervision_received: ['supervisionReceived'],
  completed_cases: [...CASES, 'ratings'],
  case_recordings: [...CASES, 'ratings'],
  case_supervision: [...CASES, 'supervisionReceived'],
  outcome_measures: [...CASES, 'measures'],
  practice_hours: CASES,
  sign_offs: CASES,
  distinct_case_attribute: CASES,
  qualification: ['qualifications'],
  references: ['references'],
};

/** The bulk of a record: cases with their sessions, outcome measures and ratings (most of its rows). A bulk evaluation
 *  first decides what it can from the rest (see lightVerdict) and loads the bulk only for the people it cannot. */
export const BULK_PARTS: ReadonlySet<RecordPart> = new Set<RecordPart>(['cases', 'measures', 'ratings']);

/** The record parts one rule reads; an unknown rule type reads everything. */
export const ruleReads = (rule: RuleDef): readonly RecordPart[] =>
  (RULE_READS as Record<string, readonly RecordPart[] | undefined>)[rule.type] ?? ALL_RECORD_PARTS;

/** The record parts the rules of these levels read (award and renewal); an unknown rule type reads everything. */
export function partsRead(levels: readonly LevelDef[]): Set<RecordPart> {
  const out = new Set<RecordPart>();
  for (const l of levels)
    for (const r of [...l.prerequisites, ...l.requirements, ...(l.renewal?.requirements ?? [])]) for (const p of ruleReads(r)) out.add(p);
  return out;
}
