import { flagLicences, membershipProblems } from './profile-rules';

describe('licences', () => {
  it('flags a licence that expired yesterday and not one expiring today', () => {
    const flagged = flagLicences(
      [
        { jurisdiction: 'GB', number: 'A1', expiresOn: '2025-03-09' },
        { jurisdiction: 'GB', number: 'A2', expiresOn: '2025-03-10' },
      ],
      '2025-03-10',
    );
    expect(flagged.map((l) => l.expired)).toEqual([true, false]);
  });
});

describe('memberships', () => {
  const body = '11111111-1111-4111-8111-111111111111';
  it('accepts consecutive memberships of one body and a current one', () => {
    expect(
      membershipProblems([
        { bodyId: body, from: '2020-01-01', to: '2021-12-31' },
        { bodyId: body, from: '2022-01-01', to: null },
      ]),
    ).toEqual({});
  });
  it('refuses a membership that ends before it starts', () => {
    expect(membershipProblems([{ bodyId: body, from: '2022-01-01', to: '2021-01-01' }])).toEqual({
      'memberships.0.to': ['to must not be before from'],
    });
  });
  it('refuses two overlapping periods in the same body', () => {
    expect(
      membershipProblems([
        { bodyId: body, from: '2020-01-01', to: null },
        { bodyId: body, from: '2021-01-01', to: '2021-06-01' },
      ]),
    ).toEqual({
      'memberships.1': ['overlaps memberships.0 in the same body'],
    });
  });
});
