import { Role } from '../common/roles';
import { invitationState, isInvitableRole, maskEmail, mayResend } from './invitation-rules';

const now = new Date('2026-12-01T12:00:00Z');
const later = new Date('2026-12-08T12:00:00Z');
const earlier = new Date('2026-11-30T12:00:00Z');

describe('invitation state', () => {
  it('is pending before its expiry while nobody acted on it', () => {
    expect(invitationState({ expiresAt: later, acceptedAt: null, withdrawnAt: null }, now)).toBe('pending');
  });
  it('is expired from the moment of its expiry', () => {
    expect(invitationState({ expiresAt: now, acceptedAt: null, withdrawnAt: null }, now)).toBe('expired');
  });
  it('stays accepted after its expiry passes', () => {
    expect(invitationState({ expiresAt: earlier, acceptedAt: earlier, withdrawnAt: null }, now)).toBe('accepted');
  });
  it('is withdrawn once withdrawn, expired or not', () => {
    expect(invitationState({ expiresAt: earlier, acceptedAt: null, withdrawnAt: earlier }, now)).toBe('withdrawn');
  });
  it('may be resent while pending or expired, never once accepted or withdrawn', () => {
    expect([mayResend('pending'), mayResend('expired'), mayResend('accepted'), mayResend('withdrawn')]).toEqual([true, true, false, false]);
  });
});

describe('invitable roles', () => {
  it('are every role held within a body, not the global ADMIN role', () => {
    expect(Object.values(Role).filter(isInvitableRole)).toEqual([Role.BodyAdmin, Role.Supervisor, Role.Trainee]);
  });
});

describe('masked address on the invitation page', () => {
  it('shows the first letter and the domain only', () => {
    expect(maskEmail('jane.doe@example.org')).toBe('j***@example.org');
  });
  it('hides an address without a local part completely', () => {
    expect(maskEmail('@example.org')).toBe('***');
  });
});
