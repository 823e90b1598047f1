import {
  afterFailure,
  describeError,
  dueDigestPeriod,
  initialEmailStatus,
  isPermanentFailure,
  MAX_RETRY_DELAY_MS,
  retryDelayMs,
} from './delivery-rules';
import { EmailPreference, EmailStatus } from './notification.entity';

describe("a new notification's e-mail", () => {
  it('goes out at once for a person who wants mail immediately', () => {
    expect(initialEmailStatus(EmailPreference.Immediate)).toBe(EmailStatus.Pending);
  });
  it('waits for the digest for a person who wants a daily digest', () => {
    expect(initialEmailStatus(EmailPreference.Daily)).toBe(EmailStatus.Digest);
  });
  it('is skipped for a person who switched mail off', () => {
    expect(initialEmailStatus(EmailPreference.Off)).toBe(EmailStatus.Skipped);
  });
  it('is security mail: sent at once even when mail is off or daily', () => {
    expect(initialEmailStatus(EmailPreference.Off, { security: true })).toBe(EmailStatus.Pending);
    expect(initialEmailStatus(EmailPreference.Daily, { security: true })).toBe(EmailStatus.Pending);
  });
  it('is a risk flag: never held for the digest, but "off" still means no mail', () => {
    expect(initialEmailStatus(EmailPreference.Daily, { urgent: true })).toBe(EmailStatus.Pending);
    expect(initialEmailStatus(EmailPreference.Off, { urgent: true })).toBe(EmailStatus.Skipped);
  });
});

describe('a failed delivery', () => {
  it('is retried after base, 2×base, 4×base …', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 1000))).toEqual([1000, 2000, 4000, 8000]);
  });
  it('never waits more than an hour between tries', () => {
    expect(retryDelayMs(30, 30_000)).toBe(MAX_RETRY_DELAY_MS);
  });
  it('is retried while attempts remain', () => {
    expect(afterFailure(3, 10, false, 100)).toEqual({ status: EmailStatus.Pending, delayMs: 400 });
  });
  it('is kept as failed after the last attempt', () => {
    expect(afterFailure(10, 10, false, 100)).toEqual({ status: EmailStatus.Failed });
  });
  it('is kept as failed at once when the server refuses permanently (5xx)', () => {
    expect(isPermanentFailure({ responseCode: 550 })).toBe(true);
    expect(afterFailure(1, 10, true, 100)).toEqual({ status: EmailStatus.Failed });
  });
  it('is temporary when the server says 4xx or cannot be reached', () => {
    expect(isPermanentFailure({ responseCode: 451 })).toBe(false);
    expect(isPermanentFailure(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBe(false);
  });
  it('keeps a short description of the error', () => {
    expect(describeError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:25'), { code: 'ECONNREFUSED' }))).toBe(
      'ECONNREFUSED connect ECONNREFUSED 127.0.0.1:25',
    );
  });
});

describe('the daily digest', () => {
  it('is not due before 07:00 UTC', () => {
    expect(dueDigestPeriod(new Date('2026-03-02T06:59:59Z'))).toBeNull();
  });
  it('is due for the UTC date from 07:00 on', () => {
    expect(dueDigestPeriod(new Date('2026-03-02T07:00:00Z'))).toBe('2026-03-02');
    expect(dueDigestPeriod(new Date('2026-03-02T23:59:00Z'))).toBe('2026-03-02');
  });
});
