import { Injectable } from '@nestjs/common';
import { Clock, RequestContext, swedishDate, TenantRepository } from '@namndrum/core';
import { DelegatedDecisionService, ReportAudience, reportCutoff, ReportLine } from '@namndrum/matters';
import { AgendaService } from './agenda.service';
import { isDelegationReportItem } from './domain/delegation-report';
import { AgendaItem, Meeting, MeetingNotice } from './entities';

export type AgendaItemWithReport = AgendaItem & { delegatedDecisions?: ReportLine[] };

/**
 * What a meeting's "Anmälan av delegationsbeslut" reports: the decisions as of its notice (or of now,
 * before there is one), or those its minutes took up. The agenda, the notice, its e-mail and the minutes
 * all read it here, so they list the same decisions.
 */
@Injectable()
export class DelegationReportService {
  constructor(
    private readonly clock: Clock,
    private readonly agenda: AgendaService,
    private readonly decisions: DelegatedDecisionService,
  ) {}

  /** `noticeFinalizedAt`: the moment of the notice being rendered; by default that of the meeting's latest full notice. */
  async lines(ctx: RequestContext, meeting: Meeting, audience: ReportAudience, noticeFinalizedAt?: Date): Promise<ReportLine[]> {
    const at = noticeFinalizedAt ?? (await this.latestNoticeFinalizedAt(ctx, meeting));
    const cutoff = reportCutoff(swedishDate(meeting.startsAt), at, this.clock.now(), swedishDate);
    return this.decisions.reportFor(ctx, meeting.organId, meeting.id, cutoff, audience);
  }

  /** The föredragningslista, the delegation item carrying the decisions it reports (a secret matter's as the reader may see it). */
  async agendaItems(ctx: RequestContext, meetingId: string): Promise<AgendaItemWithReport[]> {
    const items: AgendaItemWithReport[] = await this.agenda.listForReader(ctx, meetingId);
    const reportItems = items.filter(isDelegationReportItem);
    if (reportItems.length === 0) return items;
    const meeting = await new TenantRepository(ctx, Meeting, 'Sammanträdet').get(meetingId);
    const lines = await this.lines(ctx, meeting, 'reader');
    for (const item of reportItems) item.delegatedDecisions = lines;
    return items;
  }

  private async latestNoticeFinalizedAt(ctx: RequestContext, meeting: Meeting): Promise<Date | null> {
    const [latest] = await new TenantRepository(ctx, MeetingNotice, 'Kallelsen').find({ meetingId: meeting.id, kind: 'notice' }, { order: { version: 'DESC' }, take: 1 });
    return latest?.finalizedAt ?? null;
  }
}
