import i18next, { currentLanguage } from './i18n';

// The API names fields as its DTOs do (`primaryDiagnosis`); people know them by the forms' labels. One list, used by
// ErrorBox and fieldErrors for every form, so a message reads "Primary diagnosis is required".
// The labels live in locales/<lang>/fields.json, keyed by the API's field name.
const LABEL_KEYS = new Set([
  'administeredOn',
  'adaptation',
  'ageBand',
  'attended',
  'clientCode',
  'code',
  'comments',
  'course',
  'date',
  'durationMinutes',
  'email',
  'endDate',
  'endReason',
  'focusProblemArea',
  'format',
  'formulation',
  'instrument',
  'items',
  'levelCode',
  'name',
  'newPassword',
  'note',
  'number',
  'outcome',
  'password',
  'phase',
  'plannedSessions',
  'presentingProblem',
  'primaryDiagnosis',
  'reason',
  'recorded',
  'recordingConsent',
  'schemeId',
  'secondaryProblemArea',
  'sessionNumber',
  'sessions',
  'setting',
  'sharePercent',
  'sinceDays',
  'startDate',
  'status',
  'supervisorId',
  'techniques',
]);
const labelOf = (field: string): string | undefined => (LABEL_KEYS.has(field) ? i18next.t(`fields:${field}`) : undefined);

/** The label people see for an API field path (`items.3` → "Item 4"), or undefined for a path no form labels (a
 *  scheme definition's `levels.0.requirements.1.params.minHours`: there the path is what the JSON editor needs). */
export function fieldLabel(path: string): string | undefined {
  const item = /^items\.(\d+)$/.exec(path);
  if (item) return i18next.t('fields:item', { number: Number(item[1]) + 1 });
  const session = /^sessions\.(\d+)\.(\w+)$/.exec(path); // the service numbers these by session number
  if (session) {
    const field = labelOf(session[2]) ?? session[2];
    // "Session 3, date" in English; German nouns keep their capital ("Sitzung 3, Datum")
    return i18next.t('fields:sessionField', { number: session[1], field: currentLanguage() === 'en' ? field.toLowerCase() : field });
  }
  return labelOf(path);
}

/** An API field message in words: the field's own name becomes its label, and internal wording is plain. */
export function plainMessage(path: string, message: string): string {
  const label = fieldLabel(path);
  if (!label) return message;
  // "session 3 is before the case start" already says which session
  const head = label.split(',')[0].toLowerCase();
  const named = message.startsWith(path)
    ? `${label}${message.slice(path.length)}`
    : message.toLowerCase().startsWith(head)
      ? message.charAt(0).toUpperCase() + message.slice(1)
      : message.includes(label)
        ? message
        : `${label}: ${message}`;
  return named
    .replace(/ is required and cannot be null$/, ' is required')
    .replace(/ must be a date as YYYY-MM-DD$/, ' must be a date')
    .replace(/ should not be empty$/, ' is required');
}
