import { caseRecordings } from './cases/case-recordings';
import { caseSupervision } from './cases/case-supervision';
import { completedCases } from './cases/completed-cases';
import { distinctCaseAttribute } from './cases/distinct-case-attribute';
import { outcomeMeasures } from './cases/outcome-measures';
import { practiceHours } from './cases/practice-hours';
import { signOffs } from './cases/sign-offs';
import { qualification, references } from './evidence';
import { cpd, learningHours, supervisionGiven, teachingGiven } from './learning';
import { levelHeld, licence, membership, profession } from './prerequisites';
import type { RuleEvaluator } from './rule-types';
import { supervisionReceived } from './supervision-received';

// The rule vocabulary: every requirement a scheme can state is one of these types with parameters.
// A scheme is data over this vocabulary; adding a rule type is the only code change a new kind of
// requirement needs.
export const RULE_TYPES = {
  profession,
  licence,
  membership,
  level_held: levelHeld,
  learning_hours: learningHours,
  completed_cases: completedCases,
  case_supervision: caseSupervision,
  case_recordings: caseRecordings,
  outcome_measures: outcomeMeasures,
  supervision_given: supervisionGiven,
  teaching_given: teachingGiven,
  cpd,
  sign_offs: signOffs,
  supervision_received: supervisionReceived,
  practice_hours: practiceHours,
  distinct_case_attribute: distinctCaseAttribute,
  qualification,
  references,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each entry has its own params class
} satisfies Record<string, RuleEvaluator<any>>;

export type RuleType = keyof typeof RULE_TYPES;
export const RULE_TYPE_NAMES = Object.keys(RULE_TYPES) as RuleType[];
