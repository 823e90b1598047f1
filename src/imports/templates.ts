import { stringify } from 'csv-stringify/sync';
import { safeCell } from '../exports/spreadsheet-safety';

// One documented template per kind of import: its columns (lower-case header names), which are required, what
// each holds, and the natural key that makes re-importing the same file create nothing twice.
export const IMPORT_KINDS = ['register', 'activities', 'cases', 'sessions', 'measures', 'supervision'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export type RecordImportKind = Exclude<ImportKind, 'register'>;
export const RECORD_IMPORT_KINDS: readonly RecordImportKind[] = ['activities', 'cases', 'sessions', 'measures', 'supervision'];

export interface TemplateColumn {
  name: string;
  required: boolean;
  description: string;
  example: string;
}

export interface ImportTemplate {
  kind: ImportKind;
  title: string;
  naturalKey: string;
  columns: TemplateColumn[];
}

const DATE = 'a date: YYYY-MM-DD, dd/mm/yyyy or d.m.yyyy (a slashed date that could be month first is refused)';
const col = (name: string, required: boolean, description: string, example: string): TemplateColumn => ({
  name,
  required,
  description,
  example,
});

export const TEMPLATES: Record<ImportKind, ImportTemplate> = {
  register: {
    kind: 'register',
    title: "A body's existing accreditation holders",
    naturalKey:
      'certificate_number when given; otherwise e-mail + scheme + level. A row whose key already exists in the body is matched and left as it is.',
    columns: [
      col('name', true, 'The holder as the certificate names them (1–120 characters)', 'Alex Example'),
      col(
        'email',
        true,
        'The holder’s e-mail; an existing account with this address is matched, otherwise one is created',
        'alex@example.org',
      ),
      col('scheme', true, 'The scheme code of this body (e.g. UK-IPT)', 'UK-IPT'),
      col('level', true, 'The level code within the scheme (e.g. A)', 'A'),
      col('award_date', true, `When the level was awarded, not in the future; ${DATE}`, '2016-05-01'),
      col('certificate_number', false, 'The body’s own certificate number, kept as it is (empty: the service numbers it)', 'UK-OLD-0042'),
      col('expiry_date', false, `Expiry or next renewal date (required for lapsed); ${DATE}`, '2027-05-01'),
      col('status', true, 'active, lapsed or suspended', 'active'),
      col('public_listing', false, 'yes when the body holds the holder’s consent to the public register; otherwise no or empty', 'no'),
    ],
  },
  activities: {
    kind: 'activities',
    title: 'Training activities (courses, workshops, CPD)',
    naturalKey: 'date + kind + title: a row whose key is already in the record is matched and left as it is.',
    columns: [
      col('date', true, `When it took place, not in the future; ${DATE}`, '2024-03-05'),
      col('kind', true, 'didactic_course, workshop, booster, cpd or other', 'didactic_course'),
      col('title', true, 'What it was (1–200 characters)', 'IPT introductory course'),
      col('provider', true, 'Who delivered it (1–200 characters)', 'IPT Institute'),
      col('hours', true, 'More than 0, at most 200, at most 2 decimals', '16'),
      col('delivery', true, 'in_person or online', 'in_person'),
      col('evidence_ref', false, 'Plain text: a certificate number, a file name', 'CERT-123'),
    ],
  },
  cases: {
    kind: 'cases',
    title: 'Supervised cases',
    naturalKey: 'client_code: a case with this client code already in the record is matched and left as it is.',
    columns: [
      col('client_code', true, 'The pseudonymous client code (never a name, birth date or record number)', 'C-7Q2K'),
      col('supervisor_email', true, 'E-mail of the supervisor, who must be an active supervisor of the trainee', 'supervisor@example.org'),
      col('format', true, 'individual or group', 'individual'),
      col('adaptation', true, 'adult, adolescent, perinatal, bipolar, eating_disorder or other', 'adult'),
      col('age_band', true, '12-17, 18-25, 26-40, 41-64, 65-89 or 90+', '26-40'),
      col('setting', true, 'primary_care, secondary_care, community, inpatient, university, private_practice or other', 'primary_care'),
      col('primary_diagnosis', true, 'e.g. an ICD-10 code', 'F32.1'),
      col('focus_problem_area', true, 'grief, role_dispute, role_transition, interpersonal_deficits or other', 'role_transition'),
      col('secondary_problem_area', false, 'As focus_problem_area, different from it', ''),
      col('planned_sessions', true, 'Whole number of planned sessions', '16'),
      col('start_date', true, DATE, '2024-01-08'),
      col('end_date', false, `Required once the case is closed; ${DATE}`, ''),
      col('status', false, 'active (default), completed, dropped_out or transferred', 'active'),
      col('end_reason', false, 'Why the case ended', ''),
      col('recording_consent', true, 'yes or no', 'yes'),
    ],
  },
  sessions: {
    kind: 'sessions',
    title: 'Therapy sessions of cases already in the record',
    naturalKey: 'client_code + number: a session with this number already logged for the case is matched and left as it is.',
    columns: [
      col('client_code', true, 'The client code of a case in the record (import cases first)', 'C-7Q2K'),
      col('number', true, 'Session number, from 1', '1'),
      col('date', true, `Not in the future, within the case's dates; ${DATE}`, '2024-01-08'),
      col('duration_minutes', true, '10–180', '50'),
      col('phase', true, 'initial, middle or termination (never backwards by number)', 'initial'),
      col('attended', true, 'yes or no', 'yes'),
      col('recorded', true, 'yes or no', 'no'),
    ],
  },
  measures: {
    kind: 'measures',
    title: 'Outcome measures of cases already in the record',
    naturalKey:
      'client_code + instrument + session + administered_on: an administration with this key already on the case is matched and left as it is.',
    columns: [
      col('client_code', true, 'The client code of a case in the record (import cases first)', 'C-7Q2K'),
      col('instrument', true, "The instrument code (e.g. PHQ9, GAD7): one available to the case's body", 'PHQ9'),
      col('session', false, 'intake (the baseline), the session number it was given at, or empty when not tied to a session', 'intake'),
      col('administered_on', true, `Not in the future, not after the case ended; ${DATE}`, '2024-01-08'),
      col(
        'scores',
        false,
        'The item scores in the instrument’s order, separated by ; (PHQ-9: nine scores 0–3). The total, severity and risk flag are computed from them',
        '2;1;3;1;0;2;1;1;0',
      ),
      col('total', false, 'Only when the item scores are not available: the total (leave scores empty)', ''),
    ],
  },
  supervision: {
    kind: 'supervision',
    title: 'Supervision meetings attended (imported by a body admin for a trainee of the body)',
    naturalKey:
      'date + supervisor_email + format: a meeting of this supervisor on this date, in this format, with the trainee taking part is matched and left as it is.',
    columns: [
      col('date', true, `When it took place, not in the future, not before the supervision began; ${DATE}`, '2024-02-02'),
      col(
        'supervisor_email',
        true,
        'E-mail of the supervisor who led it: an active supervisor of the trainee in your body',
        'supervisor@example.org',
      ),
      col('format', true, 'individual (the trainee alone) or group', 'individual'),
      col('minutes', true, 'Length of the meeting, 1–600', '60'),
      col(
        'co_trainee_emails',
        false,
        'Group meetings: the other trainees who took part (e-mails separated by ;), supervised by the same supervisor',
        '',
      ),
      col(
        'cases_reviewed',
        false,
        "Client codes of the trainee's cases discussed, separated by ; (cases this supervisor supervises)",
        'C-7Q2K',
      ),
    ],
  },
};

export const columnsOf = (t: ImportTemplate) => t.columns.map((c) => c.name);
export const requiredOf = (t: ImportTemplate) => t.columns.filter((c) => c.required).map((c) => c.name);

/** The template as a CSV: the header and one example row (made safe like every file the service writes). */
export function templateCsv(kind: ImportKind): string {
  const t = TEMPLATES[kind];
  return stringify([columnsOf(t), t.columns.map((c) => safeCell(c.example))]);
}
