import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { addMonths } from '../../common/dates';
import { attributeValues } from '../case-attributes';
import type { CaseRecord, EvaluationContext, LevelSpan, Phase, PersonRecord } from '../person-record';
import type { RuleReference } from './rule-types';

export const CASE_STATUSES = ['active', 'completed', 'dropped_out', 'transferred'] as const;
export const CASE_FORMATS = ['individual', 'group'] as const;
export const ADAPTATIONS = ['adult', 'adolescent', 'perinatal', 'bipolar', 'eating_disorder', 'other'] as const;
export const PROBLEM_AREAS = ['grief', 'role_dispute', 'role_transition', 'interpersonal_deficits', 'other'] as const;
export const PHASES: readonly Phase[] = ['initial', 'middle', 'termination'];
export const ACTIVITY_KINDS = ['didactic_course', 'workshop', 'booster', 'cpd', 'other'] as const;
export const ACTIVITY_DELIVERIES = ['in_person', 'online'] as const;
// the recorded attributes of a training activity a rule may filter on
export const ACTIVITY_ATTRIBUTES = ['kind', 'delivery', 'provider', 'title'] as const;
export const LEVEL_CODE = /^[A-Z0-9][A-Z0-9_-]{0,39}$/;
// a case attribute's name (problemArea, setting, ageBand, diagnosisGroup, …): attributes are data, so any name is accepted
export const ATTRIBUTE_NAME = /^[a-z][A-Za-z0-9_]{0,39}$/;

// ---- dates (ISO YYYY-MM-DD, UTC; the calendar itself is common/dates.ts) ----
export const withinMonths = (date: string, months: number | undefined, asOf: string): boolean =>
  months === undefined || (date > addMonths(asOf, -months) && date <= asOf);

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
export const round2 = (n: number): number => Math.round(n * 100) / 100;

// ---- the level someone held on a date ----
export class LevelRef {
  @IsString()
  @Matches(LEVEL_CODE, { message: 'levelCode must be a level code such as PRACTITIONER' })
  levelCode!: string;

  // another scheme's code; absent = the scheme being evaluated (required with bodyCode)
  @ValidateIf((o: LevelRef) => o.schemeCode !== undefined || o.bodyCode !== undefined)
  @IsString({ message: 'schemeCode is required with bodyCode' })
  @Matches(/^[A-Za-z0-9_-]{1,40}$/)
  schemeCode?: string;

  // another body's code (e.g. US-IPT): the level of that body's scheme `schemeCode` (required with it); absent = the
  // scheme's own body first (see heldOn)
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,40}$/)
  bodyCode?: string;

  // this level of ours, or any level of another body recognised as it by a published recognition in force on the date
  @IsOptional()
  @IsBoolean()
  orRecognised?: boolean;
}

/** The level in words, with its body when it is another body's: "US-IPT SUPERVISOR", "SUPERVISOR". */
export const levelName = (ref: LevelRef): string => (ref.bodyCode ? `${ref.bodyCode} ${ref.levelCode}` : ref.levelCode);

// ---- windows relative to an event: records after a level was awarded, or within N months before applying ----
export class SinceEvent {
  // records completed after the date this level was first awarded to the person
  @ValidateNested()
  @Type(() => LevelRef)
  levelAwarded!: LevelRef;
}

export class RecordWindow {
  @IsOptional()
  @ValidateNested()
  @Type(() => SinceEvent)
  since?: SinceEvent;

  // records dated within N months up to the application date (the evaluation date outside an application)
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(600)
  monthsBeforeApplication?: number;
}

// Per-subset thresholds: with `since`, the cases completed before the event are checked again with this
// rule's params overridden by `params` (their own level's share), and at least `minCases` of them must pass.
export class EarlierSubset {
  @IsInt()
  @Min(0)
  @Max(100)
  minCases!: number;

  // validated against the rule's own params class when the scheme is saved (see validateRuleParams)
  @IsOptional()
  @IsObject()
  params?: Record<string, unknown>;
}

export class CaseWindow extends RecordWindow {
  @IsOptional()
  @ValidateNested()
  @Type(() => EarlierSubset)
  earlier?: EarlierSubset;
}

/** The date a record falls on for a window: a case counts from its end (completion), else its last session. */
export const caseDate = (c: CaseRecord): string => c.endDate ?? c.sessions.reduce((d, s) => (s.date > d ? s.date : d), c.startDate);

/** The first award of a level to this person, or undefined. */
export function firstAwarded(record: PersonRecord, ref: LevelRef, ctx: EvaluationContext): string | undefined {
  return levelSpansOf(record.levels, ref, ctx)
    .filter((l) => l.from <= ctx.asOf)
    .map((l) => l.from)
    .sort()[0];
}

export interface WindowBounds {
  /** records strictly after this date (the award date), or null */
  after: string | null;
  /** records on or after this date (N months before the application), or null */
  from: string | null;
  /** records on or before this date (the application date), or null */
  to: string | null;
  /** the event has not happened: nothing is in the window */
  closed: boolean;
  /** the window in words, e.g. "since B was awarded on 2025-03-01" */
  text: string;
}

/** One reading of a window for every rule: the same dates, the same words. */
export function windowBounds(w: RecordWindow | undefined, record: PersonRecord, ctx: EvaluationContext): WindowBounds | null {
  if (!w || (!w.since && !w.monthsBeforeApplication)) return null;
  const asOf = ctx.applicationDate ?? ctx.asOf;
  const parts: string[] = [];
  let after: string | null = null;
  let closed = false;
  if (w.since) {
    const ref = w.since.levelAwarded;
    const awarded = firstAwarded(record, ref, ctx);
    if (awarded) {
      after = awarded;
      parts.push(`since ${ref.levelCode} was awarded on ${awarded}`);
    } else {
      closed = true;
      parts.push(`since ${ref.levelCode} was awarded (not awarded yet)`);
    }
  }
  const from = w.monthsBeforeApplication ? addMonths(asOf, -w.monthsBeforeApplication) : null;
  const to = w.monthsBeforeApplication ? asOf : null;
  if (w.monthsBeforeApplication)
    parts.push(`in the ${plural(w.monthsBeforeApplication, 'month')} before ${ctx.applicationDate ? 'the application' : asOf}`);
  return { after, from, to, closed, text: parts.join(', ') };
}

export function inWindow(date: string, b: WindowBounds | null): boolean {
  if (!b) return true;
  if (b.closed) return false;
  if (b.after !== null && date <= b.after) return false;
  if (b.from !== null && date <= b.from) return false;
  if (b.to !== null && date > b.to) return false;
  return true;
}

/** Why a dated record is outside the window, in words; null when inside. */
export function outsideWindowReason(date: string, b: WindowBounds | null): string | null {
  if (!b || inWindow(date, b)) return null;
  if (b.closed) return `outside the window (${b.text})`;
  if (b.after !== null && date <= b.after) return `completed on ${date}, not after the award on ${b.after}`;
  if (b.to !== null && date > b.to) return `completed on ${date}, after ${b.to}`;
  return `completed on ${date}, before the window (${b.text})`;
}

export function heldOn(
  spans: readonly LevelSpan[] | undefined,
  ref: LevelRef,
  date: string,
  ctx: EvaluationContext,
): LevelSpan | undefined {
  const direct = levelSpansOf(spans, ref, ctx).find((s) => s.from <= date && (s.to === null || s.to >= date));
  return direct ?? (ref.orRecognised ? recognisedHeldOn(spans, ref.schemeCode ?? ctx.schemeCode, ref.levelCode, date, ctx) : undefined);
}

/**
 * The spans of the level a LevelRef names, whenever held. Scheme codes are unique per body only, so the body decides:
 * - `bodyCode` (with `schemeCode`): that body's scheme;
 * - neither: the scheme being evaluated, in its own body (ctx.schemeBodyId);
 * - `schemeCode` alone: that scheme in the evaluated scheme's body when this person holds any level of a scheme so
 *   coded there; otherwise a scheme so coded in any body (as before bodies were named).
 */
export function levelSpansOf(spans: readonly LevelSpan[] | undefined, ref: LevelRef, ctx: EvaluationContext): LevelSpan[] {
  const scheme = ref.schemeCode ?? ctx.schemeCode;
  const coded = (spans ?? []).filter((s) => s.levelCode === ref.levelCode && s.schemeCode === scheme);
  if (ref.bodyCode) return coded.filter((s) => s.bodyCode === ref.bodyCode);
  if (!ref.schemeCode) return coded.filter((s) => s.bodyId === ctx.schemeBodyId);
  const ownBody = (spans ?? []).some((s) => s.schemeCode === scheme && s.bodyId === ctx.schemeBodyId);
  return ownBody ? coded.filter((s) => s.bodyId === ctx.schemeBodyId) : coded;
}

/** A span of another body's level that a recognition in force on the date recognises as `schemeCode:levelCode`. */
export function recognisedHeldOn(
  spans: readonly LevelSpan[] | undefined,
  schemeCode: string,
  levelCode: string,
  date: string,
  ctx: EvaluationContext,
): LevelSpan | undefined {
  const recognitions = (ctx.recognitions ?? []).filter(
    (r) => r.toSchemeCode === schemeCode && r.toLevelCode === levelCode && r.from <= date && (r.to === null || r.to >= date),
  );
  return spans?.find(
    (s) =>
      s.from <= date &&
      (s.to === null || s.to >= date) &&
      recognitions.some((r) => r.fromBodyId === s.bodyId && r.fromSchemeCode === s.schemeCode && r.fromLevelCode === s.levelCode),
  );
}

// ---- filters on recorded attributes: `{ attribute, anyOf }` and/or `{ attribute, noneOf }` ----
export class AttributeCondition {
  @IsString()
  @Matches(ATTRIBUTE_NAME, { message: 'attribute must be an attribute name such as setting or diagnosisGroup' })
  attribute!: string;

  // required unless noneOf is given
  @ValidateIf((o: AttributeCondition) => o.noneOf === undefined || o.anyOf !== undefined)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  anyOf?: string[];

  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  noneOf?: string[];
}

export class ActivityCondition extends AttributeCondition {
  @IsIn(ACTIVITY_ATTRIBUTES, { message: `attribute must be one of: ${ACTIVITY_ATTRIBUTES.join(', ')}` })
  declare attribute: string;
}

const lower = (xs: readonly string[]) => xs.map((x) => x.toLowerCase());

/** Whether recorded values meet a condition (values compared without regard to case). */
export function meetsCondition(values: readonly string[], c: AttributeCondition): boolean {
  const have = lower(values);
  if (c.anyOf && !lower(c.anyOf).some((v) => have.includes(v))) return false;
  if (c.noneOf && lower(c.noneOf).some((v) => have.includes(v))) return false;
  return true;
}

export const describeCondition = (c: AttributeCondition): string =>
  [c.anyOf ? `${c.attribute} ${c.anyOf.join('/')}` : '', c.noneOf ? `${c.attribute} not ${c.noneOf.join('/')}` : '']
    .filter(Boolean)
    .join(', ')
    .replace(/_/g, ' ');

/** The first condition a case's attributes fail, in words; null when all are met. */
export function unmetCaseCondition(c: CaseRecord, where: readonly AttributeCondition[] | undefined): string | null {
  for (const w of where ?? []) {
    if (!meetsCondition(attributeValues(c.attributes, w.attribute), w)) {
      const v = attributeValues(c.attributes, w.attribute);
      return `${w.attribute} is ${v.length ? v.join('/').replace(/_/g, ' ') : 'not recorded'}`;
    }
  }
  return null;
}

// ---- which cases a rule looks at ----
export class CaseFilter {
  // clinical status of the case; default: completed cases only
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(4)
  @IsIn(CASE_STATUSES, { each: true })
  statuses?: string[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2)
  @IsIn(CASE_FORMATS, { each: true })
  formats?: string[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(6)
  @IsIn(ADAPTATIONS, { each: true })
  adaptations?: string[];

  // attended therapy sessions at least
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  minSessions?: number;

  // only cases their supervisor has signed off (default true)
  @IsOptional()
  @IsBoolean()
  signedOffOnly?: boolean;

  // ICD-10 prefixes the primary diagnosis must start with, e.g. ["F32", "F33"]
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Matches(/^[A-Z][0-9A-Z.]{0,6}$/, { each: true })
  diagnosisPrefixes?: string[];

  // the case's supervisor must have held this level on every supervision date… checked on the case's start date
  @IsOptional()
  @ValidateNested()
  @Type(() => LevelRef)
  supervisorLevel?: LevelRef;

  // conditions on any case attribute, e.g. [{ attribute: 'setting', anyOf: ['primary_care'] }]
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => AttributeCondition)
  where?: AttributeCondition[];
}

export const attended = (c: CaseRecord) => c.sessions.filter((s) => s.attended);

export function describeFilter(f: CaseFilter | undefined): string {
  const statuses = f?.statuses ?? ['completed'];
  const parts = statuses.length < CASE_STATUSES.length ? [statuses.join('/').replace(/_/g, ' ')] : [];
  if (f?.formats) parts.push(f.formats.join('/'));
  if (f?.adaptations) parts.push(f.adaptations.join('/').replace(/_/g, ' '));
  if (f?.signedOffOnly !== false) parts.push('signed-off');
  return parts.join(', ') || 'all';
}

/** Cases that pass the filter (and the window, when given), oldest first, each with the reason a case was left out. */
export function matchCases(
  cases: readonly CaseRecord[],
  f: CaseFilter | undefined,
  others: Record<string, LevelSpan[]>,
  ctx: EvaluationContext,
  window: WindowBounds | null = null,
) {
  const matched: CaseRecord[] = [];
  const excluded: { id: string; clientCode: string; reason: string; byWindow: boolean }[] = [];
  for (const c of [...cases].sort((a, b) => a.startDate.localeCompare(b.startDate) || a.id.localeCompare(b.id))) {
    const byFilter = exclusionReason(c, f, others, ctx);
    const reason = byFilter ?? outsideWindowReason(caseDate(c), window);
    if (reason) excluded.push({ id: c.id, clientCode: c.clientCode, reason, byWindow: !byFilter });
    else matched.push(c);
  }
  return { matched, excluded };
}

function exclusionReason(
  c: CaseRecord,
  f: CaseFilter | undefined,
  others: Record<string, LevelSpan[]>,
  ctx: EvaluationContext,
): string | null {
  const statuses = f?.statuses ?? ['completed'];
  if (!statuses.includes(c.status)) return `status is ${c.status.replace(/_/g, ' ')}`;
  if (f?.signedOffOnly !== false && c.reviewState !== 'signed_off') return 'not signed off by the supervisor';
  if (f?.formats && !f.formats.includes(c.format)) return `format is ${c.format}`;
  if (f?.adaptations && !f.adaptations.includes(c.adaptation)) return `adaptation is ${c.adaptation.replace(/_/g, ' ')}`;
  if (f?.minSessions && attended(c).length < f.minSessions) return `${attended(c).length} of ${f.minSessions} sessions attended`;
  if (f?.diagnosisPrefixes && !f.diagnosisPrefixes.some((p) => c.primaryDiagnosis.startsWith(p)))
    return `diagnosis ${c.primaryDiagnosis} is not ${f.diagnosisPrefixes.join('/')}`;
  if (f?.supervisorLevel && !heldOn(others[c.supervisorId], f.supervisorLevel, c.startDate, ctx)) {
    return `the supervisor did not hold ${levelName(f.supervisorLevel)} when the case started (${c.startDate})`;
  }
  return unmetCaseCondition(c, f?.where);
}

/** The phase of a session under the scheme's boundaries (configurable: sources disagree). */
export function phaseOf(sessionNumber: number, c: CaseRecord, ctx: EvaluationContext): Phase {
  const last = Math.max(0, ...c.sessions.map((s) => s.number));
  if (sessionNumber <= ctx.phaseBoundaries.initialLastSession) return 'initial';
  if (sessionNumber > last - ctx.phaseBoundaries.terminationSessions) return 'termination';
  return 'middle';
}

// Evidence is read by people: each counted record is named in words, never by its id alone.
export const activityNote = (a: { kind: string; hours: number; date: string }): string =>
  `${a.kind.replace(/_/g, ' ')}, ${a.hours} h on ${a.date}`;

// ---- references a rule's params make to things outside it, resolved when a scheme is saved ----
export const levelReference = (ref: LevelRef | undefined, path: string): RuleReference[] =>
  ref?.levelCode
    ? [{ kind: 'level', code: ref.levelCode, schemeCode: ref.schemeCode, ...(ref.bodyCode ? { bodyCode: ref.bodyCode } : {}), path }]
    : [];

export function filterReferences(f: CaseFilter | undefined, path: string): RuleReference[] {
  if (!f) return [];
  return [
    ...levelReference(f.supervisorLevel, `${path}.supervisorLevel.levelCode`),
    ...(f.formats ?? []).map((code, i) => ({
      kind: 'taxonomyValue' as const,
      taxonomy: 'case_format',
      code,
      path: `${path}.formats.${i}`,
    })),
    ...(f.adaptations ?? []).map((code, i) => ({
      kind: 'taxonomyValue' as const,
      taxonomy: 'adaptation',
      code,
      path: `${path}.adaptations.${i}`,
    })),
  ];
}

export const windowReferences = (w: RecordWindow | undefined, path: string): RuleReference[] =>
  levelReference(w?.since?.levelAwarded, `${path}.since.levelAwarded.levelCode`);
