import { RequestContext, TenantRepository } from '@namndrum/core';
import { Meeting } from './entities';

/**
 * The meeting, row-locked for the rest of the transaction: agenda, notice and absence changes of one
 * meeting happen one at a time, so numbering and substitute calls never interleave.
 */
export async function lockMeeting(ctx: RequestContext, id: string): Promise<Meeting> {
  const repo = new TenantRepository(ctx, Meeting, 'Sammanträdet');
  const meeting = await repo.repository.findOne({ where: { id, municipalityId: ctx.municipalityId }, lock: { mode: 'pessimistic_write' } });
  return meeting ?? repo.get(id);
}
