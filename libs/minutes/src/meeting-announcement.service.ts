import { Injectable, OnModuleInit } from '@nestjs/common';
import { In } from 'typeorm';
import { AuditService, Clock, OUTBOX_KINDS, OutboxService, RequestContext, swedishDate, TenantRepository } from '@namndrum/core';
import { AgendaService, agendaItemAsRead, Meeting, meetingDate, MeetingNotice, NoticeService } from '@namndrum/meetings';
import { MatterSecrecyService } from '@namndrum/matters';
import { Organ } from '@namndrum/organisation';
import { addDays, announcementUpAt } from './domain';
import { MeetingAnnouncement, Posting } from './entities';
import { MinutesReader } from './minutes-record';
import { PostingService, postingPublishKey, postingRemoveKey, startOfSwedishDay } from './posting.service';

/**
 * Fullmäktige's meetings are announced on the notice board at least a week before, with time, place
 * and the matters (KL 5 kap. 11 §): the kungörelse goes up when the notice goes out, or a week before
 * the meeting day if the notice is set to go out later, and comes down the day after the meeting.
 * A revised or supplementary notice updates it; a cancellation says so.
 */
@Injectable()
export class MeetingAnnouncementService implements OnModuleInit {
  constructor(
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly outbox: OutboxService,
    private readonly notices: NoticeService,
    private readonly agenda: AgendaService,
    private readonly secrecy: MatterSecrecyService,
    private readonly reader: MinutesReader,
    private readonly postings: PostingService,
  ) {}

  onModuleInit(): void {
    this.notices.onNoticeEvent((ctx, event) => (event.kind === 'issued' ? this.announce(ctx, event) : this.withdraw(ctx, event.meeting)));
  }

  /**
   * A meeting cancelled before its notice went out: a kungörelse still to go up never goes up; one
   * already up stays up until its day, saying that the meeting is cancelled and why.
   */
  async withdraw(ctx: RequestContext, meeting: Meeting): Promise<void> {
    const repo = new TenantRepository(ctx, Posting, 'Anslaget');
    const [posting] = await repo.find({ meetingId: meeting.id, kind: 'meeting_notice', status: In(['scheduled', 'up']) });
    if (!posting) return;
    const before = { ...posting };
    const announcement = posting.announcement && { ...posting.announcement, cancelled: true, cancellationReason: meeting.cancellationReason };
    if (posting.status === 'up') {
      posting.announcement = announcement;
      await repo.save(posting);
      await this.audit.record(ctx, { action: 'update_announcement', entityType: 'Posting', entityId: posting.id, before, after: posting });
      return;
    }
    await this.outbox.cancel(ctx, [postingPublishKey(posting.id, posting.postedOn), postingRemoveKey(posting.id, posting.takenDownOn)]);
    Object.assign(posting, { status: 'down', takenDownAt: this.clock.now(), announcement });
    await repo.save(posting);
    await this.audit.record(ctx, { action: 'withdraw_announcement', entityType: 'Posting', entityId: posting.id, before, after: posting });
  }

  async announce(ctx: RequestContext, { meeting, organ, notice }: { meeting: Meeting; organ: Organ; notice: MeetingNotice }): Promise<void> {
    if (organ.kind !== 'council') return;
    const repo = new TenantRepository(ctx, Posting, 'Anslaget');
    const [existing] = await repo.find({ meetingId: meeting.id, kind: 'meeting_notice' });
    const announcement = await this.announcement(ctx, meeting, notice);
    // Up a week before the meeting day at the latest, whatever lead time the organ's notice has.
    const upAt = announcementUpAt(meetingDate(meeting), notice.dispatchAt, this.clock.now());
    const postedOn = swedishDate(upAt);
    const takenDownOn = addDays(meetingDate(meeting), 1);
    if (existing) {
      await this.update(ctx, existing, announcement, notice.kind === 'notice' ? postedOn : existing.postedOn, takenDownOn, upAt);
      return;
    }
    const posting = await repo.save(
      repo.create({
        kind: 'meeting_notice',
        organId: organ.id,
        meetingId: meeting.id,
        minutesId: null,
        paragraphId: null,
        documentType: 'Kungörelse',
        organName: organ.name,
        languages: organ.rules.languages,
        meetingDate: meetingDate(meeting),
        paragraphs: '',
        verifiedOn: null,
        postedOn,
        takenDownOn,
        lastAppealDay: null,
        storagePlace: await this.reader.defaultStoragePlace(ctx, organ),
        fileSha256: null,
        announcement,
        status: 'scheduled',
        postedAt: null,
        takenDownAt: null,
      }),
    );
    await this.postings.schedule(ctx, posting, upAt);
    await this.audit.record(ctx, { action: 'create', entityType: 'Posting', entityId: posting.id, after: posting });
  }

  /** A later notice: the kungörelse says what it now says, and moves with the meeting (up with a re-finalized notice, down after the new date). */
  private async update(ctx: RequestContext, posting: Posting, announcement: MeetingAnnouncement, postedOn: string, takenDownOn: string, upAt: Date): Promise<void> {
    const before = { ...posting };
    const now = this.clock.now();
    const work = [];
    if (posting.status === 'scheduled' && postedOn !== posting.postedOn) {
      await this.outbox.cancel(ctx, [postingPublishKey(posting.id, posting.postedOn)]);
      work.push({ kind: OUTBOX_KINDS.postingPublish, idempotencyKey: postingPublishKey(posting.id, postedOn), runAt: upAt > now ? upAt : now, payload: { postingId: posting.id } });
      posting.postedOn = postedOn;
    }
    if (posting.status !== 'down' && takenDownOn !== posting.takenDownOn) {
      await this.outbox.cancel(ctx, [postingRemoveKey(posting.id, posting.takenDownOn)]);
      work.push({ kind: OUTBOX_KINDS.postingRemove, idempotencyKey: postingRemoveKey(posting.id, takenDownOn), runAt: startOfSwedishDay(takenDownOn), payload: { postingId: posting.id } });
      posting.takenDownOn = takenDownOn;
    }
    posting.announcement = announcement;
    posting.meetingDate = swedishDate(new Date(announcement.startsAt));
    await new TenantRepository(ctx, Posting, 'Anslaget').save(posting);
    await this.outbox.schedule(ctx, work);
    await this.audit.record(ctx, { action: 'update_announcement', entityType: 'Posting', entityId: posting.id, before, after: posting });
  }

  /** Time, place and matters as the public may see them: a secret matter is announced without its title. */
  private async announcement(ctx: RequestContext, meeting: Meeting, notice: MeetingNotice): Promise<MeetingAnnouncement> {
    const items = await this.agenda.list(ctx, meeting.id);
    const readings = await this.secrecy.readings(ctx, items.map((item) => item.matterId), this.secrecy.publicAccess);
    return {
      startsAt: meeting.startsAt.toISOString(),
      endsAt: meeting.endsAt.toISOString(),
      place: meeting.place,
      items: items.map((item) => agendaItemAsRead(item, readings.get(item.matterId ?? ''))).map((item) => ({
        number: item.position,
        title: item.title,
        titleFi: item.titleFi,
        caseNumber: item.caseNumber,
      })),
      cancelled: notice.kind === 'cancellation',
      cancellationReason: notice.kind === 'cancellation' ? meeting.cancellationReason : null,
    };
  }
}
