import { acceptsRegistrations, checkNewBody, checkParent } from './body-rules';
import { BodyKind } from './body.entity';

const intl = { kind: BodyKind.International, countryCode: null };
const deNational = { kind: BodyKind.National, countryCode: 'DE' };

describe('bodies', () => {
  it('allow two national bodies in one country (a CBT body and an IPT body): the country is no key', () => {
    expect(checkNewBody({ kind: BodyKind.National, countryCode: 'DE' })).toEqual({ ok: true });
    expect(checkParent(deNational, intl)).toEqual({ ok: true });
  });
  it('need a real country for a national or regional body', () => {
    expect(checkNewBody({ kind: BodyKind.National })).toMatchObject({ ok: false, field: 'countryCode' });
    expect(checkNewBody({ kind: BodyKind.National, countryCode: 'XX' })).toMatchObject({ ok: false, field: 'countryCode' });
  });
  it('keep the international body free of country and parent', () => {
    expect(checkNewBody({ kind: BodyKind.International, countryCode: 'GB' })).toMatchObject({ ok: false, field: 'countryCode' });
    expect(checkNewBody({ kind: BodyKind.International, parentId: 'x' })).toMatchObject({ ok: false, field: 'parentId' });
  });
  it('put a regional chapter under a national body of its own country', () => {
    expect(checkNewBody({ kind: BodyKind.Regional, countryCode: 'DE' })).toMatchObject({ ok: false, field: 'parentId' });
    expect(checkParent({ kind: BodyKind.Regional, countryCode: 'DE' }, deNational)).toEqual({ ok: true });
    expect(checkParent({ kind: BodyKind.Regional, countryCode: 'AT' }, deNational)).toMatchObject({ ok: false, field: 'countryCode' });
    expect(checkParent({ kind: BodyKind.Regional, countryCode: 'DE' }, intl)).toMatchObject({ ok: false, field: 'parentId' });
  });
  it('let an "other" body stand alone or under any body, with or without a country', () => {
    expect(checkNewBody({ kind: BodyKind.Other })).toEqual({ ok: true });
    expect(checkParent({ kind: BodyKind.Other }, deNational)).toEqual({ ok: true });
  });
  it('never put a national body under another national body', () => {
    expect(checkParent(deNational, { kind: BodyKind.National, countryCode: 'DE' })).toMatchObject({ ok: false, field: 'parentId' });
  });
  it('take trainee registrations in any body but the international one', () => {
    expect([BodyKind.National, BodyKind.Regional, BodyKind.Other].every((kind) => acceptsRegistrations({ kind }))).toBe(true);
    expect(acceptsRegistrations(intl)).toBe(false);
  });
});
