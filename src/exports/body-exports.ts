import type { Cell } from './spreadsheet-safety';
import type { Table } from './tabular';

// What a body exports, column by column. The header row is what the body's staff read; the keys are the
// rows' fields. Pure: the service loads the rows.
export const BODY_EXPORT_KINDS = ['register', 'applications', 'renewals'] as const;
export type BodyExportKind = (typeof BODY_EXPORT_KINDS)[number];

const COLUMNS: Record<BodyExportKind, [string, string][]> = {
  register: [
    ['certificateNumber', 'Certificate number'],
    ['holderName', 'Holder'],
    ['holderEmail', 'E-mail'],
    ['levelCode', 'Level code'],
    ['levelName', 'Level'],
    ['status', 'Status'],
    ['issuedOn', 'Awarded on'],
    ['expiresOn', 'Expires on'],
    ['publicListing', 'Listed publicly'],
  ],
  applications: [
    ['submittedAt', 'Submitted at'],
    ['applicantName', 'Applicant'],
    ['applicantEmail', 'E-mail'],
    ['levelCode', 'Level code'],
    ['status', 'Status'],
    ['allRulesMet', 'All rules met'],
    ['decidedAt', 'Decided at'],
    ['decidedBy', 'Decided by'],
    ['decisionReason', 'Decision reason'],
    ['overrideReason', 'Override reason'],
    ['certificateNumber', 'Certificate number'],
    ['id', 'Application id'],
  ],
  renewals: [
    ['certificateNumber', 'Certificate number'],
    ['holderName', 'Holder'],
    ['levelCode', 'Level code'],
    ['levelName', 'Level'],
    ['expiresOn', 'Expires on'],
    ['reminderDueOn', 'Reminder due on'],
    ['renewableUntil', 'Renewable until'],
    ['status', 'Status'],
  ],
};

const TITLES: Record<BodyExportKind, string> = { register: 'Register', applications: 'Applications', renewals: 'Renewals due' };

export function bodyExportTable(kind: BodyExportKind, rows: Record<string, Cell>[]): Table {
  return { title: TITLES[kind], columns: COLUMNS[kind].map(([key, header]) => ({ key, header })), rows };
}

/** e.g. uk-ipt-register-2026-12-01.csv */
export function bodyExportFilename(bodyName: string, kind: BodyExportKind, today: string, format: string): string {
  const slug =
    bodyName
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'body';
  return `${slug}-${kind}-${today}.${format}`;
}
