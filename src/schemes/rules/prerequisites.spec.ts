import { plainToInstance } from 'class-transformer';
import {
  levelHeld,
  LevelHeldParams,
  licence,
  LicenceParams,
  membership,
  MembershipParams,
  profession,
  ProfessionParams,
} from './prerequisites';
import { aRecord, CTX } from './record-builder.fixture';

const run = <P extends object>(
  rule: { params: new () => P; evaluate: (p: P, r: ReturnType<typeof aRecord>, c: typeof CTX) => { met: boolean; message: string } },
  params: object,
  record = aRecord(),
) => rule.evaluate(plainToInstance(rule.params, params), record, CTX);

describe('profession', () => {
  it('accepts a psychologist where core professions include psychologists', () => {
    expect(run(profession, { allowed: ['psychologist', 'psychiatrist'] }).met).toBe(true);
  });
  it('refuses someone with no core profession and names the accepted ones', () => {
    const r = run(profession, { allowed: ['nurse'] }, aRecord({ profile: { profession: 'none', licences: [], memberships: [] } }));
    expect(r).toMatchObject({ met: false, message: expect.stringContaining('nurse') });
  });
  it('explains that the profile is missing rather than guessing', () => {
    expect(run(profession, { allowed: ['nurse'] }, aRecord({ profile: null })).message).toMatch(/No core profession recorded/);
  });
});

describe('licence', () => {
  const withLicences = (licences: { jurisdiction: string; number: string; expiresOn: string | null }[]) =>
    aRecord({ profile: { profession: 'nurse', licences, memberships: [] } });
  it('counts a licence that is still valid on the evaluation date', () => {
    expect(run(licence, {}, withLicences([{ jurisdiction: 'GB', number: '1', expiresOn: '2027-01-01' }])).met).toBe(true);
  });
  it('does not count an expired licence', () => {
    expect(run(licence, {}, withLicences([{ jurisdiction: 'GB', number: '1', expiresOn: '2026-01-01' }])).met).toBe(false);
  });
  it('only counts licences in the listed jurisdictions', () => {
    expect(run(licence, { jurisdictions: ['US-NY'] }, withLicences([{ jurisdiction: 'GB', number: '1', expiresOn: null }])).met).toBe(
      false,
    );
  });
});

describe('membership', () => {
  const member = (from: string, to: string | null = null) =>
    aRecord({ profile: { profession: 'nurse', licences: [], memberships: [{ bodyId: 'body-1', from, to }] } });
  it('is met by a current membership of the scheme body', () => {
    expect(run(membership, {}, member('2026-01-01')).met).toBe(true);
  });
  it('is not met by a membership that ended', () => {
    expect(run(membership, {}, member('2024-01-01', '2025-12-31')).met).toBe(false);
  });
  it('wants the membership to have lasted the minimum months', () => {
    const r = run(membership, { minMonths: 12 }, member('2026-01-01'));
    expect(r).toMatchObject({ met: false, message: expect.stringContaining('not yet for at least 12 months') });
  });
});

describe('level held', () => {
  const holding = (from: string, to: string | null = null) =>
    aRecord({ levels: [{ schemeCode: 'TEST', bodyId: 'body-1', levelCode: 'A', from, to }] });
  it('is met while the earlier level is held', () => {
    expect(run(levelHeld, { levelCode: 'A' }, holding('2025-01-01')).met).toBe(true);
  });
  it('counts the months held and says when the wait ends', () => {
    const r = run(levelHeld, { levelCode: 'A', minMonthsHeld: 12 }, holding('2026-01-15'));
    expect(r).toMatchObject({ met: false, message: expect.stringContaining('2027-01-15') });
  });
  it('requires the award to be recent when the scheme says "within the last 3 years"', () => {
    expect(run(levelHeld, { levelCode: 'A', awardedWithinMonths: 36 }, holding('2022-01-01')).met).toBe(false);
    expect(run(levelHeld, { levelCode: 'A', awardedWithinMonths: 36 }, holding('2024-01-01')).met).toBe(true);
  });
  it('does not count a level that lapsed', () => {
    expect(run(levelHeld, { levelCode: 'A' }, holding('2020-01-01', '2025-01-01')).met).toBe(false);
  });
  it('parameters are classes that class-validator can check', () => {
    expect(new LevelHeldParams()).toBeInstanceOf(LevelHeldParams);
    expect(new ProfessionParams()).toBeInstanceOf(ProfessionParams);
    expect(new LicenceParams()).toBeInstanceOf(LicenceParams);
    expect(new MembershipParams()).toBeInstanceOf(MembershipParams);
  });
});
