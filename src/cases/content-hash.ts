import { createHash } from 'node:crypto';

// A sign-off is bound to exactly what the supervisor read: the hash of a canonical JSON of the case's clinical
// fields, its sessions and its outcome measures. Keys are sorted; sessions are ordered by number and measures
// by their own canonical form, so the hash does not depend on row order; bookkeeping (ids, timestamps, review
// state, version) is left out, so only a change of content changes it.

export interface CaseContent {
  case: Record<string, unknown>;
  sessions: Record<string, unknown>[];
  measures: Record<string, unknown>[];
}

export const CASE_CONTENT_FIELDS = [
  'traineeId',
  'supervisorId',
  'clientCode',
  'format',
  'adaptation',
  'ageBand',
  'setting',
  'primaryDiagnosis',
  'focusProblemArea',
  'secondaryProblemArea',
  'plannedSessions',
  'startDate',
  'endDate',
  'status',
  'endReason',
  'recordingConsent',
  'presentingProblem',
  'formulation',
  'course',
  'techniques',
  'outcome',
] as const;
export const SESSION_CONTENT_FIELDS = ['number', 'date', 'durationMinutes', 'phase', 'attended', 'recorded'] as const;
export const MEASURE_CONTENT_FIELDS = ['instrument', 'administeredOn', 'sessionNumber', 'items', 'total'] as const;

export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`)
    .join(',')}}`;
}

const pick = (row: object, fields: readonly string[]): Record<string, unknown> =>
  Object.fromEntries(fields.map((f) => [f, (row as Record<string, unknown>)[f] ?? null]));

/** The signed content: only content fields, in a row-order-independent arrangement. */
export function caseContent(c: object, sessions: readonly object[], measures: readonly object[]): CaseContent {
  const s = sessions.map((r) => pick(r, SESSION_CONTENT_FIELDS)).sort((a, b) => Number(a.number) - Number(b.number));
  const m = measures.map((r) => pick(r, MEASURE_CONTENT_FIELDS)).sort((a, b) => canonicalJson(a).localeCompare(canonicalJson(b)));
  const fields = pick(c, CASE_CONTENT_FIELDS);
  // a taxonomy's further attributes are content too; absent when there are none, so the hashes of cases signed
  // before taxonomies existed do not change
  const attributes = (c as { attributes?: Record<string, unknown> }).attributes;
  if (attributes && Object.keys(attributes).length) fields.attributes = attributes;
  return { case: fields, sessions: s, measures: m };
}

export const contentHash = (content: CaseContent): string => createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex');
