import { parseTypedDate } from './typed-dates';

describe('dates as people type them', () => {
  it.each([
    ['2024-03-05', '2024-03-05'],
    ['2024-3-5', '2024-03-05'],
    ['25/03/2024', '2024-03-25'],
    ['5.3.2024', '2024-03-05'],
    ['05.03.2024', '2024-03-05'],
    ['07/07/2024', '2024-07-07'],
    [' 2024-03-05 ', '2024-03-05'],
  ])('accepts %s as %s', (typed, iso) => {
    expect(parseTypedDate(typed)).toEqual({ ok: true, date: iso });
  });

  it('refuses a slashed date that could be day/month or month/day', () => {
    const r = parseTypedDate('05/03/2024');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/ambiguous/);
  });

  it('refuses a month-first US date rather than reading it day first', () => {
    expect(parseTypedDate('03/25/2024')).toMatchObject({ ok: false, message: expect.stringMatching(/month\/day/) });
  });

  it.each(['31.02.2024', '2023-02-29', '32/01/2024'])('refuses %s, which is not on the calendar', (typed) => {
    expect(parseTypedDate(typed).ok).toBe(false);
  });

  it.each(['5.3.24', '25/03/24', 'March 5th', '', '2024/03/05', '=TODAY()'])('refuses %s', (typed) => {
    expect(parseTypedDate(typed).ok).toBe(false);
  });
});
