import type { GroupCreditFormula } from '../supervision-sessions/group-credit';
import type { RubricDefinition, Scores } from '../rubrics/rubric-scoring';

// Everything the eligibility rules look at, loaded once per evaluation (a bounded number of queries) and
// then evaluated by pure functions. Dates are ISO `YYYY-MM-DD` strings.

export type Phase = 'initial' | 'middle' | 'termination';

export interface LevelSpan {
  /** the accreditation the span comes from */
  accreditationId?: string;
  schemeCode: string;
  bodyId: string;
  /** the awarding body's code (US-IPT, …), for rules naming another body's level */
  bodyCode?: string;
  levelCode: string;
  from: string;
  /** end of the period the level was in good standing (expiry, lapse, revocation), null = still held */
  to: string | null;
}

export interface CaseRecord {
  id: string;
  clientCode: string;
  format: string;
  adaptation: string;
  primaryDiagnosis: string;
  focusProblemArea: string;
  secondaryProblemArea: string | null;
  /** the code of the case's taxonomy (e.g. IPT) and the version it names */
  taxonomyCode: string;
  taxonomyVersionId: string;
  status: string;
  reviewState: string;
  startDate: string;
  endDate: string | null;
  supervisorId: string;
  /** every categorical attribute by name, so a rule can filter on or count distinct values of any of them: the built-in
   *  ones (problemArea = focus and secondary, focusProblemArea, format, adaptation, setting, ageBand, diagnosis,
   *  diagnosisGroup) and the further ones the case's taxonomy defines; a multiple attribute's value is a list */
  attributes: Record<string, string | string[]>;
  sessions: { id: string; number: number; date: string; durationMinutes: number; phase: Phase; attended: boolean; recorded: boolean }[];
  measures: { id: string; instrument: string; sessionNumber: number | null; administeredOn: string }[];
}

export interface ActivityRecord {
  id: string;
  kind: string;
  hours: number;
  date: string;
  verified: boolean;
  trainerId: string | null;
  /** in_person | online */
  delivery: string;
  provider: string;
  title: string;
}

export interface SupervisionReceived {
  meetingId: string;
  date: string;
  supervisorId: string;
  format: 'individual' | 'group';
  minutes: number;
  memberCount: number;
  /** this person's cases reviewed in the meeting */
  caseReviews: { caseId: string; minutes: number | null; reviewedSessionIds: string[] }[];
}

export interface RatingRecord {
  id: string;
  rubricVersionId: string;
  targetType: 'session' | 'case' | 'portfolio';
  targetId: string;
  raterId: string;
  raterRole: 'supervisor' | 'independent' | 'self';
  scores: Scores;
}

export interface PersonRecord {
  personId: string;
  profile: {
    profession: string | null;
    licences: { jurisdiction: string; number: string; expiresOn: string | null }[];
    memberships: { bodyId: string; from: string; to: string | null }[];
  } | null;
  /** levels this person held, from issued accreditations */
  levels: LevelSpan[];
  activities: ActivityRecord[];
  /** activities in which this person was the trainer */
  teaching: { id: string; kind: string; hours: number; date: string }[];
  cases: CaseRecord[];
  supervisionReceived: SupervisionReceived[];
  /** supervision meetings this person led */
  supervisionGiven: { id: string; date: string; minutes: number; traineeIds: string[] }[];
  /** submitted, not superseded ratings of this person's work */
  ratings: RatingRecord[];
  /** rubric versions those ratings used */
  rubrics: Record<string, { rubricCode: string; definition: RubricDefinition }>;
  /** level history of the people who supervised or trained this person (level on a given date) */
  othersLevels: Record<string, LevelSpan[]>;
  /** raters whose calibration is current in the scheme's body */
  calibratedRaters: string[];
  /** qualifications (degree, licence, prior training) with the body's verification state */
  qualifications: QualificationRecord[];
  /** references asked of referees; only submitted ones count */
  references: ReferenceRecord[];
}

export interface QualificationRecord {
  id: string;
  kind: string;
  code: string;
  title: string;
  awardedOn: string;
  state: 'pending' | 'verified' | 'rejected';
}

export interface ReferenceRecord {
  id: string;
  bodyId: string;
  kind: string;
  /** YYYY-MM-DD (UTC) the referee submitted it; null while not submitted */
  submittedOn: string | null;
}

export interface EvaluationContext {
  asOf: string;
  /** the application's date when an application is evaluated (windows count back from it), else absent */
  applicationDate?: string;
  schemeCode: string;
  schemeBodyId: string;
  phaseBoundaries: { initialLastSession: number; terminationSessions: number };
  groupCredit: GroupCreditFormula;
  /** published recognitions by the scheme's body, for "or a level recognised as ours" (LevelRef.orRecognised) */
  recognitions?: RecognitionInForce[];
}

/** One published recognition: another body's level counts as a level of ours from `from` to `to` (inclusive). */
export interface RecognitionInForce {
  fromBodyId: string;
  fromSchemeCode: string;
  fromLevelCode: string;
  toSchemeCode: string;
  toLevelCode: string;
  from: string;
  to: string | null;
}
