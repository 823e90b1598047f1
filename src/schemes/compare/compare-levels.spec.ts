import { INTERNATIONAL_SCHEME } from '../seed-schemes';
import type { LevelDef } from '../scheme-definition';
import { compareLevels, compareParam, type LevelContext } from './compare-levels';

// Scenario specs for the comparison of two scheme levels: a national level derived from the international
// reference (A) against the reference (B), with one thing changed per scenario.

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v));
const reference = (): LevelDef => clone(INTERNATIONAL_SCHEME.levels[0]);
const ctx = (title: string, groupMultiplier = 2): LevelContext => ({
  title,
  groupCredit: { kind: 'share', multiplier: groupMultiplier, capAtGroupMinutes: true },
  phaseBoundaries: { ...INTERNATIONAL_SCHEME.phaseBoundaries },
});
const REF = ctx('Reference THERAPIST');
const moving = (c: ReturnType<typeof compareLevels>) => c.items.filter((i) => i.verdict !== 'equal');

describe('comparing scheme levels', () => {
  it('a copy of the reference is equal item by item and implies the reference', () => {
    const c = compareLevels(reference(), reference(), ctx('National THERAPIST'), REF);
    expect(moving(c)).toEqual([]);
    expect(c.implies).toBe('yes');
  });

  it('stricter case count: 4 cases instead of 3 is the one stricter rule, and the national level implies the reference', () => {
    const national = reference();
    (national.requirements.find((r) => r.id === 'cases')!.params as { minCount: number }).minCount = 4;
    const c = compareLevels(national, reference(), ctx('National THERAPIST'), REF);
    expect(moving(c)).toHaveLength(1);
    expect(moving(c)[0]).toMatchObject({ subject: 'completed_cases', verdict: 'stricter', words: '4 cases vs 3' });
    expect(c.implies).toBe('yes');
    expect(c.counts.stricter).toBe(1);
    // and the other way round: the reference does not imply the national level
    const back = compareLevels(reference(), national, REF, ctx('National THERAPIST'));
    expect(moving(back)[0]).toMatchObject({ verdict: 'looser', words: '3 cases vs 4' });
    expect(back.implies).toBe('no');
    expect(back.reasons.join(' ')).toMatch(/asks less on requirements ≥ 3 supervised IPT cases/);
  });

  it('looser group credit: group minutes counted ×2 against ×1 is looser, so no implication', () => {
    const c = compareLevels(reference(), reference(), ctx('National THERAPIST', 2), ctx('Country B THERAPIST', 1));
    const credit = c.items.find((i) => i.subject === 'groupCredit')!;
    expect(credit).toMatchObject({ verdict: 'looser', words: 'group credit ×2 vs ×1' });
    expect(c.implies).toBe('no');
  });

  it('missing outcome-measure rule: the other level asks for outcome measures, this one has no such rule', () => {
    const other = reference();
    other.requirements.push({
      id: 'measures',
      type: 'outcome_measures',
      label: 'PHQ-9 at baseline and end',
      params: { minCases: 3, instruments: ['PHQ-9'], baseline: true, atEnd: true },
    });
    const c = compareLevels(reference(), other, ctx('National THERAPIST'), REF);
    const item = c.items.find((i) => i.subject === 'outcome_measures')!;
    expect(item.verdict).toBe('missing');
    expect(item.words).toMatch(/^no outcome-measure rule/);
    expect(c.implies).toBe('no');
    expect(c.reasons[0]).toMatch(/has no rule for: requirements PHQ-9 at baseline and end/);
  });

  it('extra rule: a rule only this level has is extra and still implies the other', () => {
    const national = reference();
    national.requirements.push({ id: 'recordings', type: 'case_recordings', label: 'Two rated recordings', params: { minCases: 2 } });
    const c = compareLevels(national, reference(), ctx('National THERAPIST'), REF);
    expect(moving(c)).toEqual([expect.objectContaining({ verdict: 'extra', subject: 'case_recordings' })]);
    expect(moving(c)[0].words).toMatch(/an extra recording rule: Two rated recordings/);
    expect(c.implies).toBe('yes');
  });

  it('unknown: two different case filters cannot be compared, so the implication is unknown', () => {
    const a = reference();
    const b = reference();
    (a.requirements.find((r) => r.id === 'cases')!.params as Record<string, unknown>).filter = { problemAreas: ['grief'] };
    (b.requirements.find((r) => r.id === 'cases')!.params as Record<string, unknown>).filter = { problemAreas: ['role_dispute'] };
    const c = compareLevels(a, b, ctx('Country A THERAPIST'), ctx('Country B THERAPIST'));
    const item = c.items.find((i) => i.subject === 'completed_cases')!;
    expect(item.verdict).toBe('different');
    expect(item.words).toMatch(/different filters: not decidable/);
    expect(c.implies).toBe('unknown');
    expect(c.reasons.join(' ')).toMatch(/cannot be decided/);
  });

  it('implies yes: stricter on several rules and less group credit, nothing looser', () => {
    const national = reference();
    (national.requirements.find((r) => r.id === 'intro-ipt')!.params as { minHours: number }).minHours = 24;
    (national.requirements.find((r) => r.id === 'endorsed-supervisor')!.params as { minMinutesPerCase: number }).minMinutesPerCase = 90;
    const c = compareLevels(national, reference(), ctx('National THERAPIST', 1), REF);
    expect(c.items.filter((i) => i.verdict === 'stricter').map((i) => i.words)).toEqual([
      'group credit ×1 vs ×2',
      '24 h vs 16',
      '90 min per case vs 60',
    ]);
    expect(c.implies).toBe('yes');
    expect(c.reasons[0]).toMatch(/every requirement of Reference THERAPIST is matched/);
  });

  it('pairs several rules of one type by id, not by order', () => {
    const a = reference();
    a.requirements.reverse();
    const c = compareLevels(a, reference(), ctx('A'), REF);
    expect(moving(c)).toEqual([]);
  });

  it('compares parameters by name: lists, booleans, max, unknown names', () => {
    expect(compareParam('kinds', ['workshop'], ['workshop', 'didactic_course'])?.verdict).toBe('stricter');
    expect(compareParam('phases', ['initial'], ['initial', 'termination'])?.verdict).toBe('looser');
    expect(compareParam('verifiedOnly', true, undefined)?.verdict).toBe('stricter');
    expect(compareParam('maxHours', 10, 20)?.verdict).toBe('stricter');
    expect(compareParam('withinMonths', 24, 12)?.verdict).toBe('looser');
    expect(compareParam('minBrandNewThing', 5, 3)?.verdict).toBe('stricter');
    expect(compareParam('someNewSetting', 5, 3)).toMatchObject({
      verdict: 'different',
      words: 'someNewSetting 5 vs 3 (not decidable from the rules)',
    });
    expect(compareParam('trainerLevel', { levelCode: 'TRAINER' }, { levelCode: 'SUPERVISOR' })?.verdict).toBe('different');
    expect(compareParam('phaseCoverage', {}, undefined)?.verdict).toBe('equal');
    expect(compareParam('phaseCoverage', { phases: ['initial', 'termination'] }, { phases: ['initial'] })?.verdict).toBe('stricter');
  });
});
