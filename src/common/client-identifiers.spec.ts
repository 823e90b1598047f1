import { findClientIdentifiers } from './client-identifiers';

describe('client identifiers in supervision notes', () => {
  it.each([
    ['an e-mail address', 'client wrote from jane.doe@example.com about the next session', ['email']],
    ['a UK phone number', 'call her on 020 7946 0958 if she misses', ['phone']],
    ['an international number', 'mobile +44 7700 900123', ['phone']],
    ['a short international number', 'reach at +354 5512345', ['phone']],
    ['a US number with brackets', 'phone (555) 123-4567 ext', ['phone']],
    ['a number without separators', 'tel 0612345678', ['phone']],
  ])('finds %s', (_, text, expected) => {
    expect(findClientIdentifiers(text)).toEqual(expected);
  });

  it.each([
    ['dates', 'reviewed the recordings of 2025-01-10 and 10.01.2025'],
    ['scores and session numbers', 'PHQ-9 went 18 14 11 over sessions 3 4 5 6 7 8 9 10 11'],
    ['durations', 'spent 45 minutes on role transition, 15 on the inventory'],
    ['plain text', 'Discussed the grief focus; good use of the interpersonal inventory.'],
  ])('leaves %s alone', (_, text) => {
    expect(findClientIdentifiers(text)).toEqual([]);
  });
});
