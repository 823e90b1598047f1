import { creditedMinutes, DEFAULT_GROUP_FORMULA, perCaseMinutes, roundMinutes, sumMinutes } from './group-credit';

describe('individual supervision', () => {
  it('credits the trainee with the full minutes, whatever group formula the scheme uses', () => {
    expect(creditedMinutes({ format: 'individual', minutes: 50, memberCount: 1 })).toBe(50);
    expect(creditedMinutes({ format: 'individual', minutes: 50, memberCount: 1 }, { kind: 'fixed_fraction', fraction: 0.5 })).toBe(50);
  });
});

describe('group supervision with the default formula: (minutes ÷ members) × 2, capped at the group minutes', () => {
  it('is the formula shown by default', () => {
    expect(DEFAULT_GROUP_FORMULA).toEqual({ kind: 'share', multiplier: 2, capAtGroupMinutes: true });
  });

  it('credits each of four members of a 120-minute group with 60 minutes', () => {
    expect(creditedMinutes({ format: 'group', minutes: 120, memberCount: 4 })).toBe(60);
  });

  it('caps a two-member group at the group minutes', () => {
    expect(creditedMinutes({ format: 'group', minutes: 90, memberCount: 2 })).toBe(90);
  });

  it('credits a one-member group with the full minutes, never twice them', () => {
    expect(creditedMinutes({ format: 'group', minutes: 60, memberCount: 1 })).toBe(60);
  });

  it('rounds a share that does not divide evenly to two decimals, half up', () => {
    // 60 / 7 × 2 = 17.142857…
    expect(creditedMinutes({ format: 'group', minutes: 60, memberCount: 7 })).toBe(17.14);
    // 100 / 3 × 2 = 66.666…
    expect(creditedMinutes({ format: 'group', minutes: 100, memberCount: 3 })).toBe(66.67);
  });
});

describe('group supervision with other formulas chosen by a scheme', () => {
  it('full: everyone gets the whole session', () => {
    expect(creditedMinutes({ format: 'group', minutes: 90, memberCount: 6 }, { kind: 'full' })).toBe(90);
  });

  it('share without the cap can credit more than the session lasted', () => {
    expect(
      creditedMinutes({ format: 'group', minutes: 90, memberCount: 2 }, { kind: 'share', multiplier: 3, capAtGroupMinutes: false }),
    ).toBe(135);
  });

  it('plain share (multiplier 1) divides the session among the members', () => {
    expect(
      creditedMinutes({ format: 'group', minutes: 100, memberCount: 3 }, { kind: 'share', multiplier: 1, capAtGroupMinutes: true }),
    ).toBe(33.33);
  });

  it('fixed_fraction credits that fraction of the session', () => {
    expect(creditedMinutes({ format: 'group', minutes: 75, memberCount: 5 }, { kind: 'fixed_fraction', fraction: 0.5 })).toBe(37.5);
    expect(creditedMinutes({ format: 'group', minutes: 10, memberCount: 5 }, { kind: 'fixed_fraction', fraction: 1 / 3 })).toBe(3.33);
  });

  it('refuses a formula that makes no sense', () => {
    const group = { format: 'group' as const, minutes: 60, memberCount: 3 };
    expect(() => creditedMinutes(group, { kind: 'share', multiplier: 0, capAtGroupMinutes: true })).toThrow(RangeError);
    expect(() => creditedMinutes(group, { kind: 'fixed_fraction', fraction: 1.5 })).toThrow(RangeError);
    expect(() => creditedMinutes(group, { kind: 'fixed_fraction', fraction: 0 })).toThrow(RangeError);
    expect(() => creditedMinutes(group, { kind: 'bogus' } as never)).toThrow(RangeError);
  });

  it('refuses a session without members or with negative minutes', () => {
    expect(() => creditedMinutes({ format: 'group', minutes: 60, memberCount: 0 })).toThrow(RangeError);
    expect(() => creditedMinutes({ format: 'individual', minutes: -1, memberCount: 1 })).toThrow(RangeError);
  });
});

describe('minutes per reviewed case', () => {
  it('uses the minutes the supervisor recorded per case', () => {
    expect(
      perCaseMinutes(60, [
        { caseId: 'a', minutes: 35 },
        { caseId: 'b', minutes: 25 },
      ]),
    ).toEqual([
      { caseId: 'a', minutes: 35, recorded: true },
      { caseId: 'b', minutes: 25, recorded: true },
    ]);
  });

  it('splits the credit evenly when no minutes were recorded, the parts adding up exactly', () => {
    const parts = perCaseMinutes(40, [
      { caseId: 'a', minutes: null },
      { caseId: 'b', minutes: null },
      { caseId: 'c', minutes: null },
    ]);
    expect(parts.map((p) => p.minutes)).toEqual([13.34, 13.33, 13.33]);
    expect(sumMinutes(parts.map((p) => p.minutes))).toBe(40);
    expect(parts.every((p) => !p.recorded)).toBe(true);
  });

  it('splits only what is left after the recorded minutes among the unrecorded cases', () => {
    expect(
      perCaseMinutes(60, [
        { caseId: 'a', minutes: 30 },
        { caseId: 'b', minutes: null },
        { caseId: 'c', minutes: null },
      ]),
    ).toEqual([
      { caseId: 'a', minutes: 30, recorded: true },
      { caseId: 'b', minutes: 15, recorded: false },
      { caseId: 'c', minutes: 15, recorded: false },
    ]);
  });

  it('gives unrecorded cases nothing when recorded minutes already use up the credit, and never credits a case more than the member', () => {
    // a group member credited 40 whose own case took 45 minutes of the group's time
    expect(
      perCaseMinutes(40, [
        { caseId: 'a', minutes: 45 },
        { caseId: 'b', minutes: null },
      ]),
    ).toEqual([
      { caseId: 'a', minutes: 40, recorded: true },
      { caseId: 'b', minutes: 0, recorded: false },
    ]);
  });

  it('90-minute-group-of-3-credits-60-so-90-recorded-against-one-case-credit-it-60', () => {
    const credited = creditedMinutes(
      { format: 'group', minutes: 90, memberCount: 3 },
      { kind: 'share', multiplier: 2, capAtGroupMinutes: true },
    );
    expect(credited).toBe(60);
    expect(perCaseMinutes(credited, [{ caseId: 'a', minutes: 90 }])).toEqual([{ caseId: 'a', minutes: 60, recorded: true }]);
  });

  it('recorded minutes over the credit are scaled down in proportion, adding up exactly to the credit', () => {
    const parts = perCaseMinutes(60, [
      { caseId: 'a', minutes: 60 },
      { caseId: 'b', minutes: 30 },
    ]);
    expect(parts.map((p) => p.minutes)).toEqual([40, 20]);
    const odd = perCaseMinutes(10, [
      { caseId: 'a', minutes: 7 },
      { caseId: 'b', minutes: 7 },
      { caseId: 'c', minutes: 7 },
    ]);
    expect(sumMinutes(odd.map((p) => p.minutes))).toBe(10);
    expect(odd.map((p) => p.minutes)).toEqual([3.34, 3.33, 3.33]);
  });

  it('gives a single unrecorded case the whole credit, and no cases nothing', () => {
    expect(perCaseMinutes(17.14, [{ caseId: 'a', minutes: null }])).toEqual([{ caseId: 'a', minutes: 17.14, recorded: false }]);
    expect(perCaseMinutes(60, [])).toEqual([]);
  });
});

describe('rounding helpers', () => {
  it('round half up to two decimals and add without floating-point drift', () => {
    expect(roundMinutes(1.005)).toBe(1.01);
    expect(roundMinutes(2.344)).toBe(2.34);
    expect(sumMinutes([0.1, 0.2])).toBe(0.3);
    expect(sumMinutes([17.14, 17.14, 17.14])).toBe(51.42);
  });
});
