// What a person can get wrong on a case, checked in the app before anything is sent (the service checks the same
// and more; these are the mistakes seen in use). Each returns field → messages as the form labels the field.
import type { Schemas } from '../../api/client';
import { isFutureDate } from '../../dates';
import i18next, { formatDate } from '../../i18n';
import type { InstrumentInfo } from '../../measures';

type Case = Schemas['CaseDto'];
type Problems = Record<string, string[]>;
// messages in the reader's language (locales/<lang>/cases.json, `check.*`)
const msg = (key: string, values?: Record<string, unknown>) => i18next.t(`cases:check.${key}`, values);
const ICD10 = /^[A-TV-Z][0-9][0-9AB](\.[0-9A-TV-Z]{1,4})?$/;
export const CLOSED_STATUSES: Schemas['CaseStatus'][] = ['completed', 'dropped_out', 'transferred'];

function collect(): [Problems, (field: string, message: string) => void] {
  const out: Problems = {};
  return [out, (field, message) => (out[field] ??= []).push(message)];
}

export interface CaseFormValues {
  primaryDiagnosis: string;
  startDate: string;
  plannedSessions: number;
  status?: Schemas['CaseStatus'];
  endDate?: string | null;
}

export function checkCaseForm(f: CaseFormValues, sessions: { date: string }[] = []): Problems {
  const [out, add] = collect();
  const dx = f.primaryDiagnosis.trim().toUpperCase();
  if (!dx) add('primaryDiagnosis', msg('diagnosisRequired'));
  else if (!ICD10.test(dx)) add('primaryDiagnosis', msg('diagnosisIcd10'));
  if (!f.startDate) add('startDate', msg('startRequired'));
  else if (isFutureDate(f.startDate)) add('startDate', msg('startFuture'));
  else {
    const first = [...sessions].sort((a, b) => a.date.localeCompare(b.date))[0];
    if (first && first.date < f.startDate) add('startDate', msg('startAfterFirstSession', { date: formatDate(first.date) }));
  }
  if (!Number.isInteger(f.plannedSessions) || f.plannedSessions < 1 || f.plannedSessions > 40) add('plannedSessions', msg('plannedRange'));
  if (f.status && CLOSED_STATUSES.includes(f.status) && !f.endDate) add('endDate', msg('endRequired'));
  if (f.endDate && f.startDate && f.endDate < f.startDate) add('endDate', msg('endBeforeStart'));
  if (f.endDate && isFutureDate(f.endDate)) add('endDate', msg('endFuture'));
  return out;
}

export function checkSession(c: Case, s: { date: string; durationMinutes: number }): Problems {
  const [out, add] = collect();
  if (!s.date) add('date', msg('dateRequired'));
  else if (isFutureDate(s.date)) add('date', msg('dateFuture'));
  else if (s.date < c.startDate) add('date', msg('dateBeforeStart', { date: formatDate(c.startDate) }));
  else if (c.endDate && s.date > c.endDate) add('date', msg('dateAfterEnd', { date: formatDate(c.endDate) }));
  if (!Number.isInteger(s.durationMinutes) || s.durationMinutes < 10 || s.durationMinutes > 180)
    add('durationMinutes', msg('minutesRange'));
  return out;
}

export function checkSubmit(c: Case): Problems {
  return c.sessions.length === 0 ? { sessions: [msg('needSession')] } : {};
}

export function checkMeasure(c: Case, info: InstrumentInfo, m: { date: string; sessionNumber: string; items: string[] }): Problems {
  const [out, add] = collect();
  if (!m.date) add('administeredOn', msg('administeredRequired'));
  else if (isFutureDate(m.date)) add('administeredOn', msg('administeredFuture'));
  else if (c.endDate && m.date > c.endDate) add('administeredOn', msg('administeredAfterEnd', { date: formatDate(c.endDate) }));
  const at = Number(m.sessionNumber);
  if (m.sessionNumber === '' || !Number.isInteger(at) || at < 0) add('sessionNumber', msg('atSession'));
  else if (at === 0 && m.date) {
    const first = [...c.sessions].sort((a, b) => a.number - b.number)[0];
    if (first && m.date > first.date)
      add('administeredOn', msg('intakeAfterSession', { number: first.number, date: formatDate(first.date) }));
  }
  info.items.forEach((item, i) => {
    const v = m.items[i];
    if (v === '' || v === undefined) add(`items.${i}`, msg('itemRequired', { number: item.number }));
    else if (!Number.isInteger(Number(v)) || Number(v) < item.min || Number(v) > item.max)
      add(`items.${i}`, msg('itemRange', { number: item.number, min: item.min, max: item.max }));
  });
  return out;
}

export const hasProblems = (p: Problems) => Object.keys(p).length > 0;
