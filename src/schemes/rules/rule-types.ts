import type { EvaluationContext, PersonRecord } from '../person-record';

export interface Evidence {
  kind:
    | 'case'
    | 'therapy_session'
    | 'activity'
    | 'accreditation_level'
    | 'supervision_session'
    | 'rating'
    | 'measure'
    | 'licence'
    | 'membership'
    | 'profile'
    | 'qualification'
    | 'reference';
  id: string;
  note?: string;
}

/** One rule's verdict, with the figure reached, the figure required, the gap in words and the records counted. */
export interface RuleResult {
  met: boolean;
  reached: number;
  required: number;
  unit: string;
  message: string;
  evidence: Evidence[];
  /** per-case or per-item breakdown where the rule has one */
  breakdown?: { id: string; met: boolean; message: string }[];
}

/** Something a rule's params name that lives outside the rule; resolved when a scheme is saved and published. */
export type RuleReference =
  | {
      kind: 'level';
      code: string;
      /** another scheme's code; absent = this scheme */ schemeCode?: string;
      /** another body's code (with schemeCode); absent = the scheme's body first */ bodyCode?: string;
      path: string;
    }
  | { kind: 'rubric'; code: string; path: string }
  | { kind: 'instrument'; code: string; path: string }
  | { kind: 'taxonomyValue'; taxonomy: string; code: string; path: string }
  | { kind: 'activityKind'; code: string; path: string };

export interface RuleEvaluator<P> {
  /** class-validator class describing the parameters (unknown parameters are refused) */
  params: new () => P;
  evaluate(params: P, record: PersonRecord, ctx: EvaluationContext): RuleResult;
  /** the references in (valid) params, paths relative to the params object ("filter.supervisorLevel.levelCode") */
  references?(params: P): RuleReference[];
}
