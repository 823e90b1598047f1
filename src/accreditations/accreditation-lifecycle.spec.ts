import { AccreditationStatus } from './accreditation.entity';
import {
  auditSampleSize,
  CERTIFICATE_PATTERN,
  certificateNumber,
  expiryAfterLeave,
  expiryOnIssue,
  expiryOnRenewal,
  leaveDays,
  randomSample,
  reminderDueOn,
  renewalWindow,
  statusOn,
} from './accreditation-lifecycle';

const annual = { kind: 'annual' as const };
const fiveYears = { kind: 'fixed_term' as const, months: 60 };
const forever = { kind: 'none' as const };
const terms = { graceDays: 30, reminderDaysBefore: 30 };

describe('expiry on issue', () => {
  it('an annual declaration runs twelve months from the issue date', () => {
    expect(expiryOnIssue(annual, '2026-03-15')).toBe('2027-03-15');
  });
  it('a five-year fixed term runs sixty months', () => {
    expect(expiryOnIssue(fiveYears, '2026-03-15')).toBe('2031-03-15');
  });
  it('a level without validity never expires', () => {
    expect(expiryOnIssue(forever, '2026-03-15')).toBeNull();
  });
  it('issued on 31 January with a one-month term ends on the last day of February', () => {
    expect(expiryOnIssue({ kind: 'fixed_term', months: 1 }, '2026-01-31')).toBe('2026-02-28');
  });
});

describe('expiry on renewal', () => {
  it('an annual renewal adds twelve months to the previous expiry, not to the renewal date', () => {
    expect(expiryOnRenewal(annual, '2026-06-30')).toBe('2027-06-30');
  });
  it('a fixed-term renewal adds another term', () => {
    expect(expiryOnRenewal(fiveYears, '2026-06-30')).toBe('2031-06-30');
  });
});

describe('leave of absence', () => {
  it('counts both ends of the leave', () => {
    expect(leaveDays('2026-01-01', '2026-01-01')).toBe(1);
    expect(leaveDays('2026-01-01', '2026-03-31')).toBe(90);
  });
  it('moves the expiry on by the length of the leave', () => {
    expect(expiryAfterLeave('2026-12-31', '2026-01-01', '2026-01-10')).toBe('2027-01-10');
  });
});

describe('renewal window', () => {
  it('is closed to early renewal before the reminder date', () => {
    expect(renewalWindow('2026-06-30', terms, '2026-05-30')).toBe('too_early');
  });
  it('opens on the reminder date', () => {
    expect(renewalWindow('2026-06-30', terms, '2026-05-31')).toBe('open');
    expect(reminderDueOn('2026-06-30', terms)).toBe('2026-05-31');
  });
  it('stays open through the grace period after expiry', () => {
    expect(renewalWindow('2026-06-30', terms, '2026-07-30')).toBe('open');
  });
  it('closes the day after the grace period ends', () => {
    expect(renewalWindow('2026-06-30', terms, '2026-07-31')).toBe('closed');
  });
  it('a level without expiry is not renewable', () => {
    expect(renewalWindow(null, terms, '2026-07-31')).toBe('not_renewable');
  });
});

describe('status on a date', () => {
  const active = (expiresOn: string | null) => ({ status: AccreditationStatus.Active, expiresOn });
  it('an annual accreditation is still active on the last day of grace', () => {
    expect(statusOn(active('2026-06-30'), annual, 30, '2026-07-30')).toBe('active');
  });
  it('an annual accreditation lapses the day after the grace period', () => {
    expect(statusOn(active('2026-06-30'), annual, 30, '2026-07-31')).toBe('lapsed');
  });
  it('a fixed-term accreditation expires after its grace period', () => {
    expect(statusOn(active('2026-06-30'), fiveYears, 0, '2026-07-01')).toBe('expired');
  });
  it('a suspended one is not touched by the sweep', () => {
    expect(statusOn({ status: AccreditationStatus.Suspended, expiresOn: '2020-01-01' }, annual, 0, '2026-01-01')).toBe('suspended');
  });
  it('a level without validity never lapses', () => {
    expect(statusOn(active(null), forever, 0, '2099-01-01')).toBe('active');
  });
});

describe('certificate number', () => {
  it('is body code, year and six characters from the unambiguous alphabet', () => {
    const n = certificateNumber('uk-ipt', 2026);
    expect(n).toMatch(/^UK-IPT-2026-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/);
    expect(n).toMatch(CERTIFICATE_PATTERN);
  });
  it('never uses 0, O, 1, I or L', () => {
    const all = Array.from({ length: 200 }, () => certificateNumber('B', 2026).slice(-6)).join('');
    expect(all).not.toMatch(/[01OIL]/);
  });
  it('uses the random source for each character', () => {
    expect(certificateNumber('DE', 2027, () => 0)).toBe('DE-2027-222222');
  });
  it('cuts a long body code so the number fits 40 characters', () => {
    expect(certificateNumber('A'.repeat(32), 2026).length).toBe(40);
  });
});

describe('random audit sample', () => {
  it('takes the share rounded up', () => {
    expect(auditSampleSize(10, 25)).toBe(3);
    expect(auditSampleSize(10, 30)).toBe(3);
    expect(auditSampleSize(1, 5)).toBe(1);
    expect(auditSampleSize(0, 5)).toBe(0);
    expect(auditSampleSize(7, 0)).toBe(0);
    expect(auditSampleSize(4, 100)).toBe(4);
  });
  it('picks distinct items', () => {
    const s = randomSample([1, 2, 3, 4, 5, 6], 3);
    expect(new Set(s).size).toBe(3);
    expect(randomSample([1, 2], 5)).toHaveLength(2);
  });
});
