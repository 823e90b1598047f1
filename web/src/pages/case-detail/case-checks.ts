// What a person can get wrong on a case, checked in the app before anything is sent (the service checks the same
// and more; these are the mistakes seen in use). Each returns field → messages as the form labels the field.
import type { Schemas } from '../../api/client';
import { isFutureDate } from '../../dates';
import type { InstrumentInfo } from '../../measures';

type Case = Schemas['CaseDto'];
type Problems = Record<string, string[]>;
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
  if (!dx) add('primaryDiagnosis', 'Primary diagnosis is required');
  else if (!ICD10.test(dx)) add('primaryDiagnosis', 'Primary diagnosis must be an ICD-10 code such as F32.1 or F33');
  if (!f.startDate) add('startDate', 'Start date is required');
  else if (isFutureDate(f.startDate)) add('startDate', 'Start date is in the future');
  else {
    const first = [...sessions].sort((a, b) => a.date.localeCompare(b.date))[0];
    if (first && first.date < f.startDate) add('startDate', `Start date is after the first session (${first.date})`);
  }
  if (!Number.isInteger(f.plannedSessions) || f.plannedSessions < 1 || f.plannedSessions > 40)
    add('plannedSessions', 'Planned sessions must be a whole number from 1 to 40');
  if (f.status && CLOSED_STATUSES.includes(f.status) && !f.endDate) add('endDate', 'End date is required when the case is closed');
  if (f.endDate && f.startDate && f.endDate < f.startDate) add('endDate', 'End date is before the start date');
  if (f.endDate && isFutureDate(f.endDate)) add('endDate', 'End date is in the future');
  return out;
}

export function checkSession(c: Case, s: { date: string; durationMinutes: number }): Problems {
  const [out, add] = collect();
  if (!s.date) add('date', 'Date is required');
  else if (isFutureDate(s.date)) add('date', 'Date is in the future');
  else if (s.date < c.startDate)
    add('date', `Date is before the case start (${c.startDate}); if the start date is wrong, edit the case first`);
  else if (c.endDate && s.date > c.endDate) add('date', `Date is after the case ended (${c.endDate})`);
  if (!Number.isInteger(s.durationMinutes) || s.durationMinutes < 10 || s.durationMinutes > 180)
    add('durationMinutes', 'Minutes must be from 10 to 180');
  return out;
}

export function checkSubmit(c: Case): Problems {
  return c.sessions.length === 0 ? { sessions: ['Add at least one session before sending the case to your supervisor'] } : {};
}

export function checkMeasure(c: Case, info: InstrumentInfo, m: { date: string; sessionNumber: string; items: string[] }): Problems {
  const [out, add] = collect();
  if (!m.date) add('administeredOn', 'Administered on is required');
  else if (isFutureDate(m.date)) add('administeredOn', 'Administered on is in the future');
  else if (c.endDate && m.date > c.endDate) add('administeredOn', `Administered on is after the case ended (${c.endDate})`);
  const at = Number(m.sessionNumber);
  if (m.sessionNumber === '' || !Number.isInteger(at) || at < 0) add('sessionNumber', 'At session must be 0 (intake) or a session number');
  else if (at === 0 && m.date) {
    const first = [...c.sessions].sort((a, b) => a.number - b.number)[0];
    if (first && m.date > first.date)
      add(
        'administeredOn',
        `An intake measure (at session 0) is dated after session ${first.number} (${first.date}); give the session it was taken at, or its real date`,
      );
  }
  info.items.forEach((item, i) => {
    const v = m.items[i];
    if (v === '' || v === undefined) add(`items.${i}`, `Item ${item.number} is required`);
    else if (!Number.isInteger(Number(v)) || Number(v) < item.min || Number(v) > item.max)
      add(`items.${i}`, `Item ${item.number} must be a whole number from ${item.min} to ${item.max}`);
  });
  return out;
}

export const hasProblems = (p: Problems) => Object.keys(p).length > 0;
