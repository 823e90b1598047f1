import { hasPermission, Permission, ROLE_PERMISSIONS } from './permissions';
import { Role } from '../common/roles';

describe('role → permission table', () => {
  it('gives every signed-in user their own account, even with no role', () => {
    expect(hasPermission([], Permission.Self)).toBe(true);
  });
  it('keeps administration away from trainees and supervisors', () => {
    for (const p of [Permission.UsersRead, Permission.UsersDisable, Permission.RolesGrant, Permission.BodiesManage, Permission.AuditRead]) {
      expect(hasPermission([Role.Trainee, Role.Supervisor], p)).toBe(false);
    }
  });
  it('lets only global admins disable accounts and create bodies', () => {
    expect(hasPermission([Role.BodyAdmin], Permission.UsersDisable)).toBe(false);
    expect(hasPermission([Role.BodyAdmin], Permission.BodiesManage)).toBe(false);
    expect(hasPermission([Role.Admin], Permission.UsersDisable)).toBe(true);
  });
  it('combines the permissions of several roles', () => {
    expect(hasPermission([Role.Trainee], Permission.RolesGrant)).toBe(false);
    expect(hasPermission([Role.Trainee, Role.BodyAdmin], Permission.RolesGrant)).toBe(true);
  });
  it('lets anyone in a body seek a level, a supervisor or body admin without a trainee role included', () => {
    for (const role of [Role.Trainee, Role.Supervisor, Role.BodyAdmin])
      expect(hasPermission([role], Permission.ApplicationsApply)).toBe(true);
    expect(hasPermission([Role.Supervisor], Permission.RecordsWrite)).toBe(false);
  });
  it('has a row for every role', () => {
    expect(Object.keys(ROLE_PERMISSIONS).sort()).toEqual(Object.values(Role).sort());
  });
});
