import { renewalWindow } from './body-pipeline';

describe('renewal window of an expiry date', () => {
  const today = '2026-12-01';
  it('a level without expiry is never due', () => expect(renewalWindow(null, today)).toBeNull());
  it('expired yesterday but still active is overdue (grace period)', () => expect(renewalWindow('2026-11-30', today)).toBe('overdue'));
  it('expiring today is within 30 days, not overdue', () => expect(renewalWindow('2026-12-01', today)).toBe('within_30_days'));
  it('day 30 and day 31 fall either side of the first window', () => {
    expect(renewalWindow('2026-12-31', today)).toBe('within_30_days');
    expect(renewalWindow('2027-01-01', today)).toBe('within_60_days');
  });
  it('day 90 is the last day counted; day 91 is not due', () => {
    expect(renewalWindow('2027-03-01', today)).toBe('within_90_days');
    expect(renewalWindow('2027-03-02', today)).toBeNull();
  });
});
