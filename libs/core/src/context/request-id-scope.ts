import { AsyncLocalStorage } from 'node:async_hooks';

const scope = new AsyncLocalStorage<{ requestId: string | null }>();

/**
 * Runs a job's work knowing which HTTP request caused it, so that the outbox rows the work writes in
 * turn (a notice's dispatch writes one delivery per recipient) carry that request's id further.
 */
export function runInRequestIdScope<T>(requestId: string | null, work: () => T): T {
  return scope.run({ requestId }, work);
}

/** The request id of the job under way: a string or null inside a job, undefined outside one (an HTTP request has its own on its RequestContext). */
export function scopedRequestId(): string | null | undefined {
  return scope.getStore()?.requestId;
}
