import { Injectable } from '@nestjs/common';
import { RequestContext } from '../context/request-context';
import { Page, pageOf } from '../http/pagination';
import { AuditEntry } from './audit-entry.entity';
import { AuditQueryDto } from './dto/audit-query.dto';

export type AuditAction = 'create' | 'update' | 'delete' | 'login' | string;

export interface AuditRecord {
  action: AuditAction;
  entityType: string;
  entityId: string | null;
  before?: object | null;
  after?: object | null;
}

const SECRET_KEYS = new Set(['passwordHash', 'password']);

/** A plain JSON snapshot without secrets, so the log shows what changed and nothing it must not. */
export function snapshot(value: object | null | undefined): Record<string, unknown> | null {
  if (!value) {
    return null;
  }
  return JSON.parse(JSON.stringify(value, (key, inner: unknown) => (SECRET_KEYS.has(key) ? undefined : inner))) as Record<string, unknown>;
}

function toJson(value: object | null | undefined): string | null {
  const plain = snapshot(value);
  return plain === null ? null : JSON.stringify(plain);
}

/**
 * Told of every page of entries before a reader gets it: a context whose data may be secret to the
 * reader (a secret matter) redacts what it must. The log itself keeps everything.
 */
export type AuditRedactor = (ctx: RequestContext, entries: AuditEntry[]) => Promise<AuditEntry[]>;

@Injectable()
export class AuditService {
  private readonly redactors: AuditRedactor[] = [];

  onRead(redactor: AuditRedactor): void {
    this.redactors.push(redactor);
  }

  /** Written with the action's own EntityManager: the entry commits or rolls back with the change. */
  async record(ctx: RequestContext, record: AuditRecord, municipalityId: string | null = ctx.municipalityId): Promise<void> {
    // A plain insert: it often runs while a lock is held (a case number), so it should cost little.
    await ctx.em.query(
      `INSERT INTO audit_entries (municipality_id, actor_user_id, request_id, action, entity_type, entity_id, before, after)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [municipalityId, ctx.actorUserId, ctx.requestId || null, record.action, record.entityType, record.entityId, toJson(record.before), toJson(record.after)],
    );
  }

  async list(ctx: RequestContext, query: AuditQueryDto): Promise<Page<AuditEntry>> {
    const qb = ctx.em
      .getRepository(AuditEntry)
      .createQueryBuilder('entry')
      .where('entry.municipality_id = :municipalityId', { municipalityId: ctx.municipalityId })
      .orderBy('entry.occurred_at', 'DESC')
      .addOrderBy('entry.id', 'DESC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize);
    if (query.entityType) qb.andWhere('entry.entity_type = :entityType', { entityType: query.entityType });
    if (query.entityId) qb.andWhere('entry.entity_id = :entityId', { entityId: query.entityId });
    if (query.actorUserId) qb.andWhere('entry.actor_user_id = :actorUserId', { actorUserId: query.actorUserId });
    if (query.action) qb.andWhere('entry.action = :action', { action: query.action });
    let [items, total] = await qb.getManyAndCount();
    for (const redactor of this.redactors) items = await redactor(ctx, items);
    return pageOf(items, total, query);
  }
}
