import { identityHash } from '../credentials/credential';
import type { LevelSpan } from '../schemes/person-record';
import { aRecord, CTX } from '../schemes/rules/record-builder.fixture';
import { run } from '../schemes/rules/spec-run.fixture';
import { supervisionReceived } from '../schemes/rules/supervision-received';
import { heldOn } from '../schemes/rules/common';
import type { LevelDef, RuleDef } from '../schemes/scheme-definition';
import {
  credentialNamesPerson,
  recognitionLevel,
  recognitionsInForce,
  type RecognitionTerms,
  sourceSpanOn,
  toInForce,
  topUpPaths,
} from './recognition-rules';

const terms = (over: Partial<RecognitionTerms> = {}): RecognitionTerms => ({
  id: 'r1',
  status: 'published',
  versionNumber: 1,
  fromBodyId: 'us',
  fromSchemeCode: 'US-IPT',
  fromLevelCode: 'A',
  toSchemeCode: 'TEST',
  toLevelCode: 'PRACTITIONER',
  effectiveFrom: '2026-01-01',
  effectiveTo: null,
  ...over,
});
const span = (over: Partial<LevelSpan> = {}): LevelSpan => ({
  accreditationId: 'acc-1',
  schemeCode: 'US-IPT',
  bodyId: 'us',
  levelCode: 'A',
  from: '2025-06-01',
  to: null,
  ...over,
});

describe('which recognition is in force', () => {
  it('takes the newest published version of a pair in force on the date', () => {
    const v1 = terms({ id: 'v1' });
    const v2 = terms({ id: 'v2', versionNumber: 2, effectiveFrom: '2026-06-01' });
    expect(recognitionsInForce([v1, v2], '2026-03-01').map((r) => r.id)).toEqual(['v1']);
    expect(recognitionsInForce([v1, v2], '2026-07-01').map((r) => r.id)).toEqual(['v2']);
  });
  it('ignores drafts, withdrawn ones and those not yet or no longer in force', () => {
    expect(recognitionsInForce([terms({ status: 'draft' })], '2026-03-01')).toEqual([]);
    expect(recognitionsInForce([terms({ status: 'withdrawn', effectiveTo: '2026-12-31' })], '2026-03-01')).toEqual([]);
    expect(recognitionsInForce([terms({ effectiveFrom: '2026-04-01' })], '2026-03-01')).toEqual([]);
    expect(recognitionsInForce([terms({ effectiveTo: '2026-02-28' })], '2026-03-01')).toEqual([]);
  });
});

describe('holding the recognised level', () => {
  it('needs the same body, scheme and level held on the date', () => {
    expect(sourceSpanOn([span()], terms(), '2026-03-01')?.accreditationId).toBe('acc-1');
    expect(sourceSpanOn([span({ bodyId: 'other-body' })], terms(), '2026-03-01')).toBeUndefined();
    expect(sourceSpanOn([span({ levelCode: 'B' })], terms(), '2026-03-01')).toBeUndefined();
    expect(sourceSpanOn([span({ to: '2026-02-01' })], terms(), '2026-03-01')).toBeUndefined();
  });
});

describe('the level reached through a recognition', () => {
  const topUp: RuleDef = { id: 'uk-membership', type: 'membership', params: {} };
  const target = { code: 'PRACTITIONER', prerequisites: [topUp], requirements: [topUp, topUp] } as unknown as LevelDef;
  it('keeps only the top-up rules', () => {
    expect(recognitionLevel(target, [topUp])).toMatchObject({ code: 'PRACTITIONER', prerequisites: [], requirements: [topUp] });
  });
  it('is recognised in full when there are no top-ups', () => {
    expect(recognitionLevel(target, [])).toMatchObject({ prerequisites: [], requirements: [] });
  });
  it('names problems by the top-up path', () => {
    expect(
      topUpPaths({ 'definition.levels.1.requirements.0.params.minHours': ['x'], 'definition.levels.0.requirements.0.id': ['y'] }, 1),
    ).toEqual({ 'topUps.0.params.minHours': ['x'] });
  });
});

describe('a presented credential naming the applicant', () => {
  const me = { id: '11111111-1111-1111-1111-111111111111', email: 'casey@example.org' };
  it('accepts the applicant’s own account as subject', () => {
    expect(credentialNamesPerson({ credentialSubject: { id: `urn:uuid:${me.id}` } }, me, identityHash)).toBe(true);
  });
  it('accepts the applicant’s e-mail hashed with the credential salt', () => {
    const identifier = [{ identityType: 'emailAddress', hashed: true, salt: 's1', identityHash: identityHash(me.email, 's1') }];
    expect(credentialNamesPerson({ credentialSubject: { id: 'urn:uuid:someone-else', identifier } }, me, identityHash)).toBe(true);
  });
  it('refuses a credential issued to someone else, even with the same name', () => {
    const identifier = [{ identityType: 'emailAddress', hashed: true, salt: 's1', identityHash: identityHash('other@example.org', 's1') }];
    expect(credentialNamesPerson({ credentialSubject: { id: 'urn:uuid:someone-else', name: 'Casey', identifier } }, me, identityHash)).toBe(
      false,
    );
  });
});

describe('a supervisor level "or recognised as ours"', () => {
  const ctx = { ...CTX, recognitions: toInForce([terms({ toLevelCode: 'SUPERVISOR' })]) };
  const usSupervisor = [span({ levelCode: 'A' })];
  it('counts a level recognised as ours on the date only with orRecognised', () => {
    expect(heldOn(usSupervisor, { levelCode: 'SUPERVISOR', orRecognised: true }, '2026-03-01', ctx)).toBeDefined();
    expect(heldOn(usSupervisor, { levelCode: 'SUPERVISOR' }, '2026-03-01', ctx)).toBeUndefined();
  });
  it('does not count before the recognition is in force, nor a level of another body', () => {
    expect(heldOn(usSupervisor, { levelCode: 'SUPERVISOR', orRecognised: true }, '2025-12-01', ctx)).toBeUndefined();
    expect(heldOn([span({ bodyId: 'ca' })], { levelCode: 'SUPERVISOR', orRecognised: true }, '2026-03-01', ctx)).toBeUndefined();
  });
  it('lets supervision from a recognised supervisor count towards supervision received', () => {
    const record = aRecord({
      supervisionReceived: [
        { meetingId: 'm1', date: '2026-03-01', supervisorId: 'sup-us', format: 'individual', minutes: 60, memberCount: 1, caseReviews: [] },
      ],
      othersLevels: { 'sup-us': usSupervisor },
    });
    const params = { minHours: 1, supervisorLevel: { levelCode: 'SUPERVISOR', orRecognised: true } };
    expect(run(supervisionReceived, params, record, ctx)).toMatchObject({ met: true, reached: 1 });
    expect(run(supervisionReceived, { ...params, supervisorLevel: { levelCode: 'SUPERVISOR' } }, record, ctx)).toMatchObject({
      met: false,
    });
  });
});
