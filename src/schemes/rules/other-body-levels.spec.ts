import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { LevelSpan, SupervisionReceived } from '../person-record';
import { heldOn, LevelRef } from './common';
import { CTX } from './record-builder.fixture';
import { aRecord } from './record-builder.fixture';
import { run } from './spec-run.fixture';
import { supervisionReceived } from './supervision-received';

// Scheme codes are unique per body only: a rule names another body's level with bodyCode + schemeCode.
const span = (over: Partial<LevelSpan>): LevelSpan => ({
  schemeCode: 'IPT',
  bodyId: 'body-a',
  bodyCode: 'US-IPT',
  levelCode: 'SUPERVISOR',
  from: '2021-01-01',
  to: null,
  ...over,
});
const ctxB = { ...CTX, schemeCode: 'IPT', schemeBodyId: 'body-b' };
const ref = (o: object) => plainToInstance(LevelRef, o);

describe('a level of another body (heldOn with bodyCode)', () => {
  it('finds the level of the body named, not a same-coded scheme of another body', () => {
    const spans = [span({ bodyId: 'body-b', bodyCode: 'UK-IPT', from: '2019-01-01' }), span({})];
    expect(heldOn(spans, ref({ bodyCode: 'US-IPT', schemeCode: 'IPT', levelCode: 'SUPERVISOR' }), '2021-03-04', ctxB)?.bodyId).toBe(
      'body-a',
    );
    expect(heldOn(spans, ref({ bodyCode: 'UK-IPT', schemeCode: 'IPT', levelCode: 'SUPERVISOR' }), '2020-03-04', ctxB)?.bodyId).toBe(
      'body-b',
    );
    expect(heldOn(spans, ref({ bodyCode: 'US-IPT', schemeCode: 'IPT', levelCode: 'SUPERVISOR' }), '2020-03-04', ctxB)).toBeUndefined();
  });
  it('same scheme code in two bodies does not collide: without bodyCode a level is the evaluated scheme body’s', () => {
    // held only in body A's IPT scheme; body B's IPT scheme asks for its own SUPERVISOR
    const spans = [span({})];
    expect(heldOn(spans, ref({ levelCode: 'SUPERVISOR' }), '2021-03-04', ctxB)).toBeUndefined();
    expect(heldOn(spans, ref({ levelCode: 'SUPERVISOR' }), '2021-03-04', { ...ctxB, schemeBodyId: 'body-a' })).toBeDefined();
  });
  it('schemeCode alone resolves in the scheme’s own body first, then in any body', () => {
    const both = [span({ bodyId: 'body-b', bodyCode: 'UK-IPT', from: '2022-01-01' }), span({})];
    // body B has a scheme so coded for this person: only its span counts (not A's from 2021)
    expect(heldOn(both, ref({ schemeCode: 'IPT', levelCode: 'SUPERVISOR' }), '2021-03-04', ctxB)).toBeUndefined();
    expect(heldOn([span({})], ref({ schemeCode: 'IPT', levelCode: 'SUPERVISOR' }), '2021-03-04', ctxB)?.bodyId).toBe('body-a');
  });
  it('a revoked or lapsed level is held only up to its end', () => {
    const spans = [span({ to: '2021-06-30' })];
    const r = ref({ bodyCode: 'US-IPT', schemeCode: 'IPT', levelCode: 'SUPERVISOR' });
    expect(heldOn(spans, r, '2021-06-30', ctxB)).toBeDefined();
    expect(heldOn(spans, r, '2021-07-01', ctxB)).toBeUndefined();
  });
  it('bodyCode needs schemeCode', () => {
    expect(validateSync(ref({ bodyCode: 'US-IPT', levelCode: 'SUPERVISOR' })).map((e) => e.property)).toEqual(['schemeCode']);
    expect(validateSync(ref({ bodyCode: 'US-IPT', schemeCode: 'IPT', levelCode: 'SUPERVISOR' }))).toEqual([]);
  });
});

describe('supervision received from another body’s supervisor', () => {
  const meeting = (date: string): SupervisionReceived => ({
    meetingId: `m-${date}`,
    date,
    supervisorId: 'sup-a',
    format: 'individual',
    minutes: 60,
    memberCount: 1,
    caseReviews: [],
  });
  it('counts meetings only while the supervisor held the other body’s level, naming it with its body', () => {
    const record = aRecord({
      supervisionReceived: [meeting('2020-12-01'), meeting('2021-03-04'), meeting('2021-08-01')],
      othersLevels: { 'sup-a': [span({ to: '2021-06-30' })] },
    });
    const r = run(
      supervisionReceived,
      { minHours: 2, supervisorLevel: { bodyCode: 'US-IPT', schemeCode: 'IPT', levelCode: 'SUPERVISOR' } },
      record,
      { ...ctxB, asOf: '2022-01-01' },
    );
    expect(r).toMatchObject({ met: false, reached: 1 });
    expect(r.evidence.map((e) => e.id)).toEqual(['m-2021-03-04']);
    expect(r.message).toContain('2 meetings not counted: the supervisor did not hold US-IPT SUPERVISOR on 2020-12-01, 2021-08-01');
  });
});
