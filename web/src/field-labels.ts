// The API names fields as its DTOs do (`primaryDiagnosis`); people know them by the forms' labels. One list, used by
// ErrorBox and fieldErrors for every form, so a message reads "Primary diagnosis is required".
const LABELS: Record<string, string> = {
  administeredOn: 'Administered on',
  adaptation: 'Adaptation',
  ageBand: 'Age band',
  attended: 'Attended',
  clientCode: 'Client code',
  comments: 'Comments',
  course: 'Course of therapy',
  date: 'Date',
  durationMinutes: 'Minutes',
  email: 'E-mail',
  endDate: 'End date',
  endReason: 'End reason',
  focusProblemArea: 'Focus problem area',
  format: 'Format',
  formulation: 'Formulation',
  instrument: 'Instrument',
  items: 'Item scores',
  levelCode: 'Level',
  newPassword: 'New password',
  note: 'Note',
  number: 'Session number',
  outcome: 'Outcome',
  password: 'Password',
  phase: 'Phase',
  plannedSessions: 'Planned sessions',
  presentingProblem: 'Presenting problem',
  primaryDiagnosis: 'Primary diagnosis',
  recorded: 'Recorded',
  recordingConsent: 'Recording consent',
  schemeId: 'Scheme',
  secondaryProblemArea: 'Second problem area',
  sessionNumber: 'At session',
  sessions: 'Sessions',
  setting: 'Setting',
  startDate: 'Start date',
  status: 'Status',
  supervisorId: 'Supervisor',
  techniques: 'Techniques',
};

/** The label people see for an API field path (`items.3` → "Item 4"), or undefined for a path no form labels (a
 *  scheme definition's `levels.0.requirements.1.params.minHours`: there the path is what the JSON editor needs). */
export function fieldLabel(path: string): string | undefined {
  const item = /^items\.(\d+)$/.exec(path);
  if (item) return `Item ${Number(item[1]) + 1}`;
  const session = /^sessions\.(\d+)\.(\w+)$/.exec(path); // the service numbers these by session number
  if (session) return `Session ${session[1]}, ${(LABELS[session[2]] ?? session[2]).toLowerCase()}`;
  return LABELS[path];
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
