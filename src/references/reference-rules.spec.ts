import { isOpen, referenceExpiry, referenceState } from './reference-rules';

const now = new Date('2026-06-01T12:00:00Z');
const open = { expiresAt: new Date('2026-06-20T00:00:00Z'), submittedAt: null, cancelledAt: null };

describe('reference requests', () => {
  it('is requested while the link has not expired and nobody answered', () => {
    expect(referenceState(open, now)).toBe('requested');
  });
  it('is expired once the link ran out unanswered, and may then be resent', () => {
    const s = referenceState({ ...open, expiresAt: new Date('2026-05-31T00:00:00Z') }, now);
    expect(s).toBe('expired');
    expect(isOpen(s)).toBe(true);
  });
  it('stays submitted after the link would have expired: the reference counts', () => {
    expect(referenceState({ ...open, expiresAt: new Date('2026-01-01'), submittedAt: new Date('2025-12-30') }, now)).toBe('submitted');
  });
  it('cannot be resent or cancelled once submitted or cancelled', () => {
    expect(isOpen('submitted')).toBe(false);
    expect(isOpen('cancelled')).toBe(false);
  });
  it('gives the referee thirty days', () => {
    expect(referenceExpiry(now).toISOString()).toBe('2026-07-01T12:00:00.000Z');
  });
});
