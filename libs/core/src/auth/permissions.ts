/** Roles granted to users. member and chair are not granted: they follow from a person's memberships. */
export const GRANTED_ROLES = ['system_admin', 'admin', 'secretary', 'department_head', 'case_officer'] as const;
export type GrantedRole = (typeof GRANTED_ROLES)[number];

export interface RoleGrant {
  role: GrantedRole;
  /** Set for secretary: the organ the grant covers. */
  organId: string | null;
  /** Set for department_head and case_officer: the department the grant covers. */
  departmentId: string | null;
}

export const Permission = {
  /** Any signed-in user, of a municipality or not (their own account). */
  SignedIn: 'signed_in',
  /** Read the organisation register of one's own municipality. Every signed-in user. */
  OrganisationRead: 'organisation.read',
  /** Create and change departments, organs, terms and persons; update the municipality. */
  OrganisationManage: 'organisation.manage',
  /** Change the rules of an organ, its memberships and attendance rights (scoped to organs for secretaries). */
  OrganManage: 'organ.manage',
  /** Create and change persons (secretaries register new elected members). */
  PersonsManage: 'persons.manage',
  UsersManage: 'users.manage',
  /** Create users: admins in their municipality, system administrators in any (the first admin of a new one). */
  UsersCreate: 'users.create',
  AuditRead: 'audit.read',
  /** Read municipalities: one's own; system administrators every one. */
  MunicipalitiesRead: 'municipalities.read',
  /** Provision new municipalities (tenants). */
  MunicipalitiesCreate: 'municipalities.create',
  /** Read matters, their documents and officer reports (secret ones only with access to the matter). */
  MattersRead: 'matters.read',
  /** Register matters and documents in the diarium, change a matter's status. */
  MattersRegister: 'matters.register',
  /** Create and change registries (diarier). */
  RegistriesManage: 'registries.manage',
  /** Draft and submit tjänsteskrivelser (scoped to one's department). */
  OfficerReportsWrite: 'officer_reports.write',
  /** Approve and sign tjänsteskrivelser, or return them (department heads, for their department). */
  OfficerReportsApprove: 'officer_reports.approve',
  /** Read meetings, agendas, notices and expected attendance; report one's own absence. */
  MeetingsRead: 'meetings.read',
  /** Plan meetings, build agendas, finalize notices, report absence for others (scoped to organs for secretaries). */
  MeetingsManage: 'meetings.manage',
  /** Read minutes, drafts included, and their postings and extract deliveries. */
  MinutesRead: 'minutes.read',
  /** Draft minutes: attendance, paragraphs, motions, votes; send extracts (scoped to organs for secretaries). */
  MinutesManage: 'minutes.manage',
  /** Read goal frameworks, indicators, plans and the goals a matter reports on. */
  GoalsRead: 'goals.read',
  /** Import and change goal frameworks, start Kolada imports. */
  GoalsManage: 'goals.manage',
  /** Link matters to goals and generate goal reports as their documents. */
  GoalsReport: 'goals.report',
  /** Look at the job queues (the Bull Board dashboard): system administrators and municipality admins. */
  QueuesRead: 'queues.read',
  /** Register the municipality's identity providers and turn password sign-in on or off. */
  IdentityProvidersManage: 'identity_providers.manage',
} as const;
export type Permission = (typeof Permission)[keyof typeof Permission];

const ROLE_PERMISSIONS: Record<GrantedRole, Permission[]> = {
  system_admin: [Permission.MunicipalitiesRead, Permission.MunicipalitiesCreate, Permission.UsersCreate, Permission.QueuesRead],
  admin: [
    Permission.OrganisationRead,
    Permission.OrganisationManage,
    Permission.OrganManage,
    Permission.PersonsManage,
    Permission.UsersManage,
    Permission.UsersCreate,
    Permission.AuditRead,
    Permission.MattersRegister,
    Permission.RegistriesManage,
    Permission.MeetingsManage,
    Permission.MinutesManage,
    Permission.GoalsManage,
    Permission.GoalsReport,
    Permission.QueuesRead,
    Permission.IdentityProvidersManage,
  ],
  secretary: [Permission.OrganisationRead, Permission.OrganManage, Permission.PersonsManage, Permission.MattersRegister, Permission.MeetingsManage, Permission.MinutesManage, Permission.GoalsReport],
  department_head: [Permission.OrganisationRead, Permission.MattersRegister, Permission.OfficerReportsWrite, Permission.OfficerReportsApprove, Permission.GoalsReport],
  case_officer: [Permission.OrganisationRead, Permission.MattersRegister, Permission.OfficerReportsWrite, Permission.GoalsReport],
};

/** Permissions every signed-in user of a municipality has, members and chairs included. */
const BASE_PERMISSIONS: Permission[] = [Permission.MunicipalitiesRead, Permission.OrganisationRead, Permission.MattersRead, Permission.MeetingsRead, Permission.MinutesRead, Permission.GoalsRead];

export interface AuthenticatedUser {
  userId: string;
  /** Null only for system administrators, who provision municipalities but see no tenant's data. */
  municipalityId: string | null;
  personId: string | null;
  email: string;
  grants: RoleGrant[];
  /** How the user proved who they are in this request: a signature records it. */
  authentication: Authentication;
}

export const AUTH_METHODS = ['password', 'oidc', 'saml'] as const;
export type AuthMethod = (typeof AUTH_METHODS)[number];

export interface Authentication {
  method: AuthMethod;
  /** The identity provider's name as the sign-in button showed it; null for a password. */
  providerName: string | null;
}

export const PASSWORD_AUTHENTICATION: Authentication = { method: 'password', providerName: null };

export function hasPermission(user: AuthenticatedUser, permission: Permission): boolean {
  if (permission === Permission.SignedIn) return true;
  return (user.municipalityId !== null && BASE_PERMISSIONS.includes(permission)) || user.grants.some((grant) => ROLE_PERMISSIONS[grant.role].includes(permission));
}

/** Whether the user may exercise the permission on this organ: admins everywhere, secretaries on their organs. */
export function hasOrganPermission(user: AuthenticatedUser, permission: Permission, organId: string): boolean {
  return user.grants.some(
    (grant) =>
      ROLE_PERMISSIONS[grant.role].includes(permission) && (grant.role === 'admin' || (grant.role === 'secretary' && grant.organId === organId)),
  );
}

/** The departments in which the user holds one of the roles (department_head, case_officer). */
export function departmentsWithRole(user: AuthenticatedUser, roles: GrantedRole[]): string[] {
  return user.grants.filter((grant) => roles.includes(grant.role) && grant.departmentId !== null).map((grant) => grant.departmentId!);
}

/** The organs for which the user is secretary. */
export function secretaryOrgans(user: AuthenticatedUser): string[] {
  return user.grants.filter((grant) => grant.role === 'secretary' && grant.organId !== null).map((grant) => grant.organId!);
}
