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

export interface RuleEvaluator<P> {
  /** class-validator class describing the parameters (unknown parameters are refused) */
  params: new () => P;
  evaluate(params: P, record: PersonRecord, ctx: EvaluationContext): RuleResult;
}
