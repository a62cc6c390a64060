import { Injectable } from '@nestjs/common';
import { RequestContext } from '@namndrum/core';
import { Matter } from '@namndrum/matters';
import { AgendaService, Meeting, MeetingService, NoticeService } from '@namndrum/meetings';
import { MattersSeedData, MeetingsSeedData } from './seed-data';
import { SeedKeys } from './matters-seed.service';

/**
 * Loads agenda templates and historical meetings through the meetings services: the meeting, its
 * agenda (the template's items, then the matters in order) and its notice, rendered now but recorded
 * as sent on its historical day — a seed never e-mails anyone. A meeting already there is left alone.
 */
@Injectable()
export class MeetingsSeedService {
  constructor(
    private readonly meetings: MeetingService,
    private readonly agenda: AgendaService,
    private readonly notices: NoticeService,
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
      for (const key of seed.matters) {
        const title = matters?.matters.find((matter) => matter.key === key)?.title;
        if (!title) throw new Error(`Seed meeting refers to an unknown matter: ${key}`);
        const matter = await ctx.em.getRepository(Matter).findOneByOrFail({ municipalityId: ctx.municipalityId, title });
        await this.agenda.add(ctx, meeting.id, { kind: 'matter', matterId: matter.id });
        count('agendaItems');
      }
      if (seed.notice) {
        await this.notices.recordSent(ctx, meeting.id, { finalizedAt: new Date(seed.notice.finalizedAt), dispatchedAt: new Date(seed.notice.dispatchedAt) });
        count('notices');
      }
    }
  }
}
