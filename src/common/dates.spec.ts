import { addDays, addMonths, dateOf, dateOrNull, daysBetween, isCalendarDate, isFutureDate, latestToday, todayUtc } from './dates';

// The local wall-clock date at a UTC offset, worked out independently of the module under test.
const localDate = (now: Date, offsetHours: number): string => new Date(now.getTime() + offsetHours * 3_600_000).toISOString().slice(0, 10);
const OFFSETS = Array.from({ length: 27 }, (_, i) => i - 12); // UTC−12 … UTC+14

describe('the service today (UTC)', () => {
  it('is-the-utc-date-just-before-and-just-after-midnight-utc', () => {
    expect(todayUtc(new Date('2025-03-09T23:59:59.999Z'))).toBe('2025-03-09');
    expect(todayUtc(new Date('2025-03-10T00:00:00.000Z'))).toBe('2025-03-10');
  });
});

describe('a date a person typed is in the future only once it is after today everywhere', () => {
  it('auckland-trainee-logs-this-mornings-session-while-utc-is-still-yesterday', () => {
    // 09:00 on 2025-03-11 in Auckland (UTC+13 in March) is 20:00 on 2025-03-10 in UTC
    const now = new Date('2025-03-10T20:00:00Z');
    expect(todayUtc(now)).toBe('2025-03-10');
    expect(isFutureDate('2025-03-11', now)).toBe(false);
  });

  it('baker-island-supervisor-logs-today-at-utc-minus-12-late-in-the-evening', () => {
    // 23:30 on 2025-03-10 at UTC−12 is 11:30 on 2025-03-11 in UTC
    const now = new Date('2025-03-11T11:30:00Z');
    expect(isFutureDate('2025-03-10', now)).toBe(false);
    expect(isFutureDate('2025-03-11', now)).toBe(false);
  });

  it('line-islands-at-utc-plus-14-may-log-their-today-the-moment-it-starts', () => {
    // 10:00 UTC is midnight at UTC+14: the new date has begun there
    expect(isFutureDate('2025-03-11', new Date('2025-03-10T09:59:59.999Z'))).toBe(true);
    expect(isFutureDate('2025-03-11', new Date('2025-03-10T10:00:00.000Z'))).toBe(false);
  });

  it('every-zone-from-utc-minus-12-to-utc-plus-14-may-log-its-own-today-at-any-hour', () => {
    for (const iso of [
      '2025-03-09T23:59:59Z',
      '2025-03-10T00:00:00Z',
      '2025-03-10T09:59:59Z',
      '2025-03-10T10:00:00Z',
      '2025-03-10T12:00:00Z',
      '2025-03-10T23:59:59Z',
    ]) {
      const now = new Date(iso);
      for (const offset of OFFSETS) {
        expect({ iso, offset, future: isFutureDate(localDate(now, offset), now) }).toEqual({ iso, offset, future: false });
      }
    }
  });

  it('a-date-that-has-begun-nowhere-yet-is-refused', () => {
    for (const iso of ['2025-03-09T23:59:59Z', '2025-03-10T00:00:00Z', '2025-03-10T09:59:59Z']) {
      const now = new Date(iso);
      expect(isFutureDate(addDays(localDate(now, 14), 1), now)).toBe(true);
    }
    // just after midnight UTC only UTC+14 … UTC+1 are on the new date; the day after is nowhere yet
    expect(isFutureDate('2025-03-11', new Date('2025-03-10T00:00:01Z'))).toBe(true);
  });

  it('yesterday-and-the-past-are-never-in-the-future', () => {
    const now = new Date('2025-03-10T12:00:00Z');
    expect(isFutureDate('2025-03-09', now)).toBe(false);
    expect(isFutureDate('2020-01-01', now)).toBe(false);
  });

  it('the-latest-today-is-the-date-at-utc-plus-14', () => {
    expect(latestToday(new Date('2025-03-10T09:59:59Z'))).toBe('2025-03-10');
    expect(latestToday(new Date('2025-03-10T10:00:00Z'))).toBe('2025-03-11');
    expect(latestToday(new Date('2025-12-31T10:00:00Z'))).toBe('2026-01-01');
  });

  it('leap-day-2028-02-29-may-be-logged-from-kiribati-while-utc-is-on-the-28th', () => {
    const now = new Date('2028-02-28T10:30:00Z');
    expect(latestToday(now)).toBe('2028-02-29');
    expect(isFutureDate('2028-02-29', now)).toBe(false);
    expect(isFutureDate('2028-03-01', now)).toBe(true);
  });
});

describe('calendar helpers', () => {
  it('refuses-impossible-calendar-dates-and-accepts-the-leap-day', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2024-02-30')).toBe(false);
    expect(isCalendarDate('2024-1-01')).toBe(false);
    expect(isCalendarDate('2024-01-01T00:00:00Z')).toBe(false);
  });

  it('adds-days-across-the-leap-day-and-the-year-end', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-02-29', 1)).toBe('2028-03-01');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('adds-months-keeping-the-day-or-the-last-day-of-a-shorter-month', () => {
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonths('2025-03-15', -3)).toBe('2024-12-15');
  });

  it('counts-days-between-two-dates-including-a-leap-year', () => {
    expect(daysBetween('2028-02-01', '2028-03-01')).toBe(29);
    expect(daysBetween('2027-02-01', '2027-03-01')).toBe(28);
    expect(daysBetween('2025-03-10', '2025-03-09')).toBe(-1);
  });

  it('reads-a-date-column-whether-the-driver-gives-a-date-or-a-string', () => {
    expect(dateOf(new Date('2028-02-29T00:00:00Z'))).toBe('2028-02-29');
    expect(dateOf('2028-02-29')).toBe('2028-02-29');
    expect(dateOrNull(null)).toBeNull();
    expect(dateOrNull(undefined)).toBeNull();
  });
});
