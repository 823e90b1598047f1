import { hoursProblem, isCalendarDate, isFutureDate, isPlainText } from './activity-rules';

describe('activity dates', () => {
  const now = new Date('2025-03-10T12:00:00Z');
  it('accepts today and the past', () => {
    expect(isFutureDate('2025-03-10', now)).toBe(false);
    expect(isFutureDate('2020-01-01', now)).toBe(false);
  });
  it('accepts tomorrow-in-UTC while it is already tomorrow in Kiribati', () => {
    expect(isFutureDate('2025-03-11', now)).toBe(false);
  });
  it('refuses a date that has begun nowhere yet', () => {
    expect(isFutureDate('2025-03-12', now)).toBe(true);
  });
  it('refuses impossible calendar dates', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2024-1-01')).toBe(false);
  });
});

describe('activity hours', () => {
  it('accepts a 16 h course and a 0.25 h item', () => {
    expect(hoursProblem(16)).toBeNull();
    expect(hoursProblem(0.25)).toBeNull();
    expect(hoursProblem(200)).toBeNull();
  });
  it('refuses zero, negatives, over 200 and three decimals', () => {
    expect(hoursProblem(0)).toMatch(/more than 0/);
    expect(hoursProblem(-1)).toMatch(/more than 0/);
    expect(hoursProblem(200.01)).toMatch(/at most 200/);
    expect(hoursProblem(1.125)).toMatch(/2 decimals/);
  });
});

describe('evidence references', () => {
  it('accepts plain references', () => {
    expect(isPlainText('Certificate #12 <= see e-mail, 2024')).toBe(true);
  });
  it('refuses markup and control characters', () => {
    expect(isPlainText('<script>alert(1)</script>')).toBe(false);
    expect(isPlainText('a\u0000b')).toBe(false);
  });
});
