import { Injectable } from '@nestjs/common';
import { Municipality, RequestContext, TenantRepository } from '@namndrum/core';
import { meetingDate, MeetingService } from '@namndrum/meetings';
import { MembershipService, OrganService } from '@namndrum/organisation';
import { MinutesPageDto } from './dto/minutes-page.dto';
import { Minutes } from './entities';
import { PostingService } from './posting.service';

/** The minutes page's frame in one read: "one endpoint shaped for the page is better than ten". */
@Injectable()
export class MinutesPageService {
  constructor(
    private readonly meetings: MeetingService,
    private readonly organs: OrganService,
    private readonly memberships: MembershipService,
    private readonly postings: PostingService,
  ) {}

  async forMeeting(ctx: RequestContext, meetingId: string): Promise<MinutesPageDto> {
    const meeting = await this.meetings.get(ctx, meetingId);
    const [organ, composition, [minutes], municipality] = await Promise.all([
      this.organs.get(ctx, meeting.organId),
      this.memberships.composition(ctx, meeting.organId, meetingDate(meeting)),
      new TenantRepository(ctx, Minutes, 'Protokollet').find({ meetingId }),
      ctx.em.getRepository(Municipality).findOneByOrFail({ id: ctx.municipalityId }),
    ]);
    return {
      meeting,
      organ: { id: organ.id, name: organ.name, shortName: organ.shortName, verification: organ.rules.verification, verifierCount: organ.rules.verifierCount },
      members: composition.members,
      substitutes: composition.substitutes,
      minutesId: minutes?.id ?? null,
      postings: minutes ? await this.postings.forMinutes(ctx, minutes.id) : [],
      noticeBoardPath: `/anslagstavla/${municipality.code}`,
    };
  }
}
