import { Role } from '../common/roles';
import type { Actor, Grant } from '../common/request-context';
import { partiesOf, seesWholeSupervisionSession } from './supervision-access';

const actor = (userId: string, grants: Grant[] = []): Actor => ({ userId, sessionId: 's', email: `${userId}@test.example`, grants });
const rel = { traineeId: 'trainee', supervisorId: 'supervisor', bodyId: 'body-a' };

describe('who stands to a supervision relationship', () => {
  it('names its trainee and its supervisor', () => {
    expect(partiesOf(actor('trainee'), rel)).toEqual(['trainee']);
    expect(partiesOf(actor('supervisor'), rel)).toEqual(['supervisor']);
  });
  it('names a body admin of the relationship’s body, not of another body', () => {
    expect(partiesOf(actor('x', [{ role: Role.BodyAdmin, bodyId: 'body-a' }]), rel)).toEqual(['body_admin']);
    expect(partiesOf(actor('x', [{ role: Role.BodyAdmin, bodyId: 'body-b' }]), rel)).toEqual([]);
  });
  it('does not count a supervisor role in the body as standing to someone else’s relationship', () => {
    expect(partiesOf(actor('x', [{ role: Role.Supervisor, bodyId: 'body-a' }]), rel)).toEqual([]);
  });
  it('names a global admin', () => {
    expect(partiesOf(actor('x', [{ role: Role.Admin, bodyId: null }]), rel)).toEqual(['admin']);
  });
});

describe('who sees a whole supervision session', () => {
  const s = { supervisorId: 'supervisor', bodyId: 'body-a' };
  it('its supervisor, its body’s admins and global admins', () => {
    expect(seesWholeSupervisionSession(actor('supervisor'), s)).toBe(true);
    expect(seesWholeSupervisionSession(actor('x', [{ role: Role.BodyAdmin, bodyId: 'body-a' }]), s)).toBe(true);
    expect(seesWholeSupervisionSession(actor('x', [{ role: Role.Admin, bodyId: null }]), s)).toBe(true);
  });
  it('not the admin of another body, nor a participant (who sees their own part only)', () => {
    expect(seesWholeSupervisionSession(actor('x', [{ role: Role.BodyAdmin, bodyId: 'body-b' }]), s)).toBe(false);
    expect(seesWholeSupervisionSession(actor('trainee', [{ role: Role.Trainee, bodyId: 'body-a' }]), s)).toBe(false);
  });
});
