import { EntityManager } from 'typeorm';
import { AuthenticatedUser, hasOrganPermission, hasPermission, Permission } from '../auth/permissions';
import { ForbiddenError, NotFoundError } from '../errors/domain-error';

/**
 * Who is acting, for which municipality, in which transaction. Created at the entry point (an HTTP
 * request, a job, the seed loader) and passed to services, so that one user action commits or rolls
 * back as a whole, audit entry included.
 */
export class RequestContext {
  private readonly rollbackHooks: (() => Promise<void>)[] = [];
  private readonly commitHooks: (() => Promise<void>)[] = [];

  constructor(
    readonly em: EntityManager,
    readonly actor: AuthenticatedUser | null,
    readonly requestId: string,
    private readonly tenantId: string | null = actor?.municipalityId ?? null,
  ) {}

  /** The municipality every query of this action is scoped to. */
  get municipalityId(): string {
    if (!this.tenantId) {
      // A system administrator belongs to no municipality and so finds no tenant data.
      throw new NotFoundError('Kommunen');
    }
    return this.tenantId;
  }

  get hasTenant(): boolean {
    return this.tenantId !== null;
  }

  get actorUserId(): string | null {
    return this.actor?.userId ?? null;
  }

  /** A system action on behalf of a municipality (seeds, jobs). */
  static system(em: EntityManager, municipalityId: string | null, requestId = 'system'): RequestContext {
    return new RequestContext(em, null, requestId, municipalityId);
  }

  /**
   * Work outside the database to undo when the transaction rolls back (a stored file nothing refers
   * to). Run by whoever owns the transaction, after it has ended.
   */
  onRollback(hook: () => Promise<void>): void {
    this.rollbackHooks.push(hook);
  }

  async runRollbackHooks(): Promise<void> {
    for (const hook of this.rollbackHooks.splice(0)) {
      await hook();
    }
  }

  /**
   * Work outside the database that may only happen once the transaction has committed (handing an
   * outbox row to the queue). Run by whoever owns the transaction; a failing hook must not undo it.
   */
  afterCommit(hook: () => Promise<void>): void {
    this.commitHooks.push(hook);
  }

  async runCommitHooks(): Promise<void> {
    for (const hook of this.commitHooks.splice(0)) {
      await hook();
    }
  }

  withManager(em: EntityManager): RequestContext {
    return new RequestContext(em, this.actor, this.requestId, this.tenantId);
  }

  can(permission: Permission): boolean {
    return this.actor === null || hasPermission(this.actor, permission);
  }

  /** Refuses with 403 unless the actor holds the permission for this organ (system actions always may). */
  requireOrganPermission(permission: Permission, organId: string): void {
    if (this.actor !== null && !hasOrganPermission(this.actor, permission, organId)) {
      throw new ForbiddenError('Du saknar behörighet för det här organet');
    }
  }
}
