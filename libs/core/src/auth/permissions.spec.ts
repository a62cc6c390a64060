import { AuthenticatedUser, hasOrganPermission, hasPermission, PASSWORD_AUTHENTICATION, Permission, RoleGrant } from './permissions';

function user(...grants: Partial<RoleGrant>[]): AuthenticatedUser {
  return {
    userId: 'u',
    municipalityId: 'm',
    personId: null,
    email: 'x@ludvika.example',
    grants: grants.map((grant) => ({ role: 'admin', organId: null, departmentId: null, ...grant })),
    authentication: PASSWORD_AUTHENTICATION,
  };
}

describe('permissions', () => {
  it('lets every signed-in user read the organisation register, and nothing more', () => {
    const member = user();
    expect(hasPermission(member, Permission.OrganisationRead)).toBe(true);
    expect(hasPermission(member, Permission.OrganManage)).toBe(false);
    expect(hasPermission(member, Permission.AuditRead)).toBe(false);
  });

  it('gives admins the register, users and the audit log but not tenant provisioning', () => {
    const admin = user({ role: 'admin' });
    expect(hasPermission(admin, Permission.OrganisationManage)).toBe(true);
    expect(hasPermission(admin, Permission.AuditRead)).toBe(true);
    expect(hasPermission(admin, Permission.MunicipalitiesCreate)).toBe(false);
  });

  it('shows the job queues to system administrators and municipality admins only', () => {
    expect(hasPermission({ ...user({ role: 'system_admin' }), municipalityId: null }, Permission.QueuesRead)).toBe(true);
    expect(hasPermission(user({ role: 'admin' }), Permission.QueuesRead)).toBe(true);
    expect(hasPermission(user({ role: 'secretary', organId: 'ks' }), Permission.QueuesRead)).toBe(false);
    expect(hasPermission(user(), Permission.QueuesRead)).toBe(false);
  });

  it('scopes a secretary to the organs of the grant', () => {
    const secretary = user({ role: 'secretary', organId: 'sun' });
    expect(hasPermission(secretary, Permission.OrganManage)).toBe(true);
    expect(hasOrganPermission(secretary, Permission.OrganManage, 'sun')).toBe(true);
    expect(hasOrganPermission(secretary, Permission.OrganManage, 'ks')).toBe(false);
    expect(hasPermission(secretary, Permission.OrganisationManage)).toBe(false);
  });

  it('lets an admin manage every organ', () => {
    expect(hasOrganPermission(user({ role: 'admin' }), Permission.OrganManage, 'ks')).toBe(true);
  });

  it('gives department heads and case officers read access only', () => {
    expect(hasPermission(user({ role: 'department_head', departmentId: 'd' }), Permission.OrganManage)).toBe(false);
    expect(hasPermission(user({ role: 'case_officer', departmentId: 'd' }), Permission.OrganisationRead)).toBe(true);
  });
});
