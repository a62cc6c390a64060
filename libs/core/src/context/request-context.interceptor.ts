import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request } from 'express';
import { from, lastValueFrom, Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import { AuthenticatedUser } from '../auth/permissions';
import { REQUEST_CONTEXT_KEY } from './ctx.decorator';
import { RequestContext } from './request-context';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Starts the transaction at the entry point: every request that may change data runs its handler
 * inside one database transaction, committed when the handler succeeds and rolled back when it throws.
 */
@Injectable()
export class RequestContextInterceptor implements NestInterceptor {
  private readonly logger = new Logger(RequestContextInterceptor.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (execution.getType() !== 'http') {
      return next.handle();
    }
    const request = execution.switchToHttp().getRequest<Request & { id?: string; user?: AuthenticatedUser }>();
    const requestId = String(request.id ?? '');
    const actor = request.user ?? null;
    const store = request as unknown as Record<string, unknown>;
    if (READ_METHODS.has(request.method)) {
      store[REQUEST_CONTEXT_KEY] = new RequestContext(this.dataSource.manager, actor, requestId);
      return next.handle();
    }
    return from(this.inTransaction(actor, requestId, store, next));
  }

  private async inTransaction(actor: AuthenticatedUser | null, requestId: string, store: Record<string, unknown>, next: CallHandler): Promise<unknown> {
    let ctx: RequestContext | undefined;
    try {
      const result = await this.dataSource.transaction(async (em) => {
        ctx = new RequestContext(em, actor, requestId);
        store[REQUEST_CONTEXT_KEY] = ctx;
        return lastValueFrom(next.handle(), { defaultValue: undefined });
      });
      await ctx?.runCommitHooks().catch((hookError: unknown) => this.logger.warn({ err: hookError, requestId }, 'After-commit work failed'));
      return result;
    } catch (error) {
      await ctx?.runRollbackHooks().catch((hookError: unknown) => this.logger.error({ err: hookError, requestId }, 'Rollback clean-up failed'));
      throw error;
    }
  }
}
