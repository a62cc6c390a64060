/**
 * Who may see a secret matter and its secret documents: the members of the organ handling it, its
 * secretaries, and the department handling it. Everyone else is told it does not exist (404).
 */
export interface SecrecyAccess {
  /** System actions (seeds, jobs) see everything. */
  all: boolean;
  organIds: string[];
  departmentIds: string[];
}

export interface SecrecyScope {
  organId: string | null;
  departmentId: string | null;
}

export function hasSecrecyAccess(access: SecrecyAccess, scope: SecrecyScope): boolean {
  return (
    access.all ||
    (scope.organId !== null && access.organIds.includes(scope.organId)) ||
    (scope.departmentId !== null && access.departmentIds.includes(scope.departmentId))
  );
}

export function canSeeMatter(access: SecrecyAccess, matter: SecrecyScope & { secret: boolean }): boolean {
  return !matter.secret || hasSecrecyAccess(access, matter);
}

export function canSeeDocument(access: SecrecyAccess, matter: SecrecyScope & { secret: boolean }, document: { secret: boolean }): boolean {
  return canSeeMatter(access, matter) && (!document.secret || hasSecrecyAccess(access, matter));
}
