import { isEmail } from 'class-validator';
import { isFutureDate, todayUtc } from '../common/dates';
import { normaliseCertificateNumber } from '../register/certificate-number';
import { RowCells } from './cells';
import type { RowErrorDto } from './import-report';
import type { SourceRow } from './row-source';

export type ImportedStatus = 'active' | 'lapsed' | 'suspended';
export const IMPORTED_STATUSES: readonly ImportedStatus[] = ['active', 'lapsed', 'suspended'];

export interface RegisterRow {
  row: number;
  name: string;
  email: string;
  scheme: string;
  level: string;
  awardDate: string;
  certificateNumber: string | null;
  expiryDate: string | null;
  status: ImportedStatus;
  publicListing: boolean;
}

const CERTIFICATE = /^[A-Za-z0-9][A-Za-z0-9/._-]{2,39}$/;

/** One register row read and checked on its own (the body's schemes and people are checked by the service). */
export function readRegisterRow(src: SourceRow, now: Date): { row: RegisterRow | null; key: string; errors: RowErrorDto[] } {
  const c = new RowCells(src.cells, src.formulas);
  const name = c.required('name');
  if (name !== undefined && name.length > 120) c.fail('name', 'must be at most 120 characters');
  const emailText = c.required('email');
  const email = emailText?.toLowerCase();
  if (email !== undefined && (!isEmail(email) || email.length > 254)) c.fail('email', `"${emailText}" is not an e-mail address`);
  const scheme = c.required('scheme');
  const level = c.required('level');
  const awardDate = c.date('award_date');
  if (awardDate && isFutureDate(awardDate, now)) c.fail('award_date', 'must not be in the future');
  const rawNumber = c.text('certificate_number');
  const certificateNumber = rawNumber === undefined ? null : normaliseCertificateNumber(rawNumber);
  if (certificateNumber !== null && !CERTIFICATE.test(certificateNumber))
    c.fail('certificate_number', 'must be 3–40 letters, digits, or - / . _ (starting with a letter or digit)');
  const expiryDate = c.date('expiry_date', false) ?? null;
  const status = c.oneOf('status', IMPORTED_STATUSES);
  const publicListing = c.yesNo('public_listing', false) ?? false;
  const today = todayUtc(now);
  if (expiryDate && awardDate && expiryDate <= awardDate) c.fail('expiry_date', 'must be after award_date');
  if (status === 'lapsed' && !expiryDate) c.fail('expiry_date', 'is required for a lapsed accreditation (when it lapsed)');
  if (status === 'lapsed' && expiryDate && expiryDate > today) c.fail('expiry_date', 'of a lapsed accreditation must not be in the future');
  if (status === 'active' && expiryDate && expiryDate < today)
    c.fail('expiry_date', 'has passed: an accreditation past its expiry is lapsed, not active');
  if (status !== 'active' && publicListing) c.fail('public_listing', 'only an active accreditation can be listed publicly');
  const key = certificateNumber ?? `${email ?? ''} ${scheme ?? ''} ${level ?? ''}`;
  if (c.errors.length || !name || !email || !scheme || !level || !awardDate || !status) return { row: null, key, errors: c.errors };
  return {
    row: { row: src.row, name, email, scheme, level, awardDate, certificateNumber, expiryDate, status, publicListing },
    key,
    errors: [],
  };
}
