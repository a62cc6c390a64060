import { Injectable } from '@nestjs/common';
import { Clock, RequestContext } from '@namndrum/core';
import { Matter } from '@namndrum/matters';
import { AgendaItem, AgendaService, Meeting, MeetingService, NoticeService } from '@namndrum/meetings';
import { MattersSeedData, MeetingsSeedData } from './seed-data';
import { SeedKeys } from './matters-seed.service';
import { upcomingMeetingTimes } from './upcoming-meeting';

/**
 * Loads agenda templates and historical meetings through the meetings services: the meeting, its
 * agenda (the template's items, then the matters in order) and its notice, rendered now but recorded
 * as sent on its historical day — a seed never e-mails anyone. A meeting already there is left alone.
 * Upcoming meetings are placed after the day the seed runs, their notices finalized and scheduled.
 */
@Injectable()
export class MeetingsSeedService {
  constructor(
    private readonly meetings: MeetingService,
    private readonly agenda: AgendaService,
    private readonly notices: NoticeService,
    private readonly clock: Clock,
  ) {}

  async load(ctx: RequestContext, data: MeetingsSeedData, matters: MattersSeedData | undefined, keys: SeedKeys, count: (what: string) => void): Promise<void> {
    for (const template of data.agendaTemplates) {
      const organId = keys.organ(template.organ);
      const current = await this.agenda.template(ctx, organId);
      if (JSON.stringify(current) !== JSON.stringify(template.items)) {
        await this.agenda.setTemplate(ctx, organId, { items: template.items });
        count('agendaTemplates');
      }
    }
    for (const seed of data.meetings) {
      const organId = keys.organ(seed.organ);
      const startsAt = new Date(seed.startsAt);
      if (await ctx.em.getRepository(Meeting).existsBy({ municipalityId: ctx.municipalityId, organId, startsAt })) continue;
      const meeting = await this.meetings.create(ctx, {
        organId,
        startsAt: seed.startsAt,
        endsAt: seed.endsAt,
        place: seed.place,
        groupMeetings: seed.groupMeetings,
        secretaryPersonId: keys.person(seed.secretary),
      });
      count('meetings');
      await this.addMatters(ctx, meeting.id, seed.matters, matters, count);
      if (seed.notice) {
        await this.notices.recordSent(ctx, meeting.id, { finalizedAt: new Date(seed.notice.finalizedAt), dispatchedAt: new Date(seed.notice.dispatchedAt) });
        count('notices');
      }
    }
    for (const seed of data.upcomingMeetings ?? []) {
      const [firstMatterId] = await this.matterIds(ctx, seed.matters.slice(0, 1), matters);
      if (await ctx.em.getRepository(AgendaItem).existsBy({ municipalityId: ctx.municipalityId, matterId: firstMatterId })) continue;
      const { startsAt, endsAt } = upcomingMeetingTimes(seed, this.clock.now());
      const meeting = await this.meetings.create(ctx, {
        organId: keys.organ(seed.organ),
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
        place: seed.place,
        groupMeetings: seed.groupMeetings,
        secretaryPersonId: keys.person(seed.secretary),
      });
      count('meetings');
      await this.addMatters(ctx, meeting.id, seed.matters, matters, count);
      await this.notices.finalize(ctx, meeting.id);
      count('notices');
    }
  }

  private async addMatters(ctx: RequestContext, meetingId: string, keys: string[], matters: MattersSeedData | undefined, count: (what: string) => void): Promise<void> {
    for (const matterId of await this.matterIds(ctx, keys, matters)) {
      await this.agenda.add(ctx, meetingId, { kind: 'matter', matterId });
      count('agendaItems');
    }
  }

  private async matterIds(ctx: RequestContext, keys: string[], matters: MattersSeedData | undefined): Promise<string[]> {
    const ids: string[] = [];
    for (const key of keys) {
      const title = matters?.matters.find((matter) => matter.key === key)?.title;
      if (!title) throw new Error(`Seed meeting refers to an unknown matter: ${key}`);
      ids.push((await ctx.em.getRepository(Matter).findOneByOrFail({ municipalityId: ctx.municipalityId, title })).id);
    }
    return ids;
  }
}
