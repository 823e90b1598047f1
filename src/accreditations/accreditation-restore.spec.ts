import { AccreditationStatus } from './accreditation.entity';
import { decideRestore } from './accreditation-restore';

const annual = { kind: 'annual' as const };
const lapsed = (expiresOn: string | null) => ({ status: AccreditationStatus.Lapsed, expiresOn });

describe('restoring a lapsed accreditation', () => {
  it('a lapsed annual accreditation is restored for the cycle after its old expiry, not from today', () => {
    expect(decideRestore(lapsed('2026-03-31'), annual, '2026-06-15')).toEqual({ ok: true, expiresOn: '2027-03-31' });
  });
  it('can still be restored on the last day before that cycle ends', () => {
    expect(decideRestore(lapsed('2026-03-31'), annual, '2027-03-30')).toEqual({ ok: true, expiresOn: '2027-03-31' });
  });
  it('cannot be restored once the cycle it would be restored into is over: the holder applies again', () => {
    const d = decideRestore(lapsed('2026-03-31'), annual, '2027-03-31');
    expect(d).toMatchObject({ ok: false, code: 'RESTORE_WINDOW_CLOSED' });
    expect(d.ok || d.message).toContain('2027-03-30');
  });
  it('a fixed-term level restores for another term', () => {
    expect(decideRestore(lapsed('2026-03-31'), { kind: 'fixed_term', months: 24 }, '2026-05-01')).toEqual({
      ok: true,
      expiresOn: '2028-03-31',
    });
  });
  it.each([AccreditationStatus.Active, AccreditationStatus.Suspended, AccreditationStatus.Expired, AccreditationStatus.Revoked])(
    'an accreditation that is %s is not restored',
    (status) => {
      expect(decideRestore({ status, expiresOn: '2026-03-31' }, annual, '2026-04-15')).toMatchObject({
        ok: false,
        code: 'INVALID_STATUS_CHANGE',
      });
    },
  );
  it('a level without expiry cannot have lapsed and is not restored', () => {
    expect(decideRestore(lapsed(null), { kind: 'none' }, '2026-04-15')).toMatchObject({ ok: false, code: 'NOT_RENEWABLE' });
  });
});
