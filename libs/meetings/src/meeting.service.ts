import { Injectable } from '@nestjs/common';
import { AuditService, Clock, ConflictError, InvalidInputError, Page, Permission, RequestContext, TenantRepository } from '@namndrum/core';
import { OrganService, PersonService } from '@namndrum/organisation';
import { DateTime } from 'luxon';
import { MEETING_TIME_ZONE } from './domain/clock-time';
import { GroupMeeting, shiftGroupMeetings, validateGroupMeetings } from './domain/group-meetings';
import { describeMeetingChanges } from './domain/meeting-changes';
import { CancelMeetingDto, CreateMeetingDto, CreateMeetingPlanDto, MeetingQueryDto, UpdateMeetingDto } from './dto/meeting.dto';
import { Meeting } from './entities';
import { AgendaService } from './agenda.service';
import { meetingClosed, moveMeetingTo } from './meeting.errors';
import { lockMeeting } from './meeting-lock';
import { NoticeService } from './notice.service';

@Injectable()
export class MeetingService {
  constructor(
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly organs: OrganService,
    private readonly persons: PersonService,
    private readonly agenda: AgendaService,
    private readonly notices: NoticeService,
  ) {}

  private meetings(ctx: RequestContext): TenantRepository<Meeting> {
    return new TenantRepository(ctx, Meeting, 'Sammanträdet');
  }

  /** The meeting plan: an organ's meetings (of a year), in time order. */
  list(ctx: RequestContext, query: MeetingQueryDto): Promise<Page<Meeting>> {
    const qb = this.meetings(ctx).query('m').orderBy('m.starts_at', 'ASC').addOrderBy('m.id');
    if (query.organId) qb.andWhere('m.organ_id = :organId', { organId: query.organId });
    if (query.status) qb.andWhere('m.status = :status', { status: query.status });
    if (query.year) {
      qb.andWhere(`extract(year FROM m.starts_at AT TIME ZONE '${MEETING_TIME_ZONE}') = :year`, { year: query.year });
    }
    return this.meetings(ctx).paginate(qb, query);
  }

  get(ctx: RequestContext, id: string): Promise<Meeting> {
    return this.meetings(ctx).get(id);
  }

  async create(ctx: RequestContext, dto: CreateMeetingDto): Promise<Meeting> {
    const organ = await this.organs.get(ctx, dto.organId);
    ctx.requireOrganPermission(Permission.MeetingsManage, organ.id);
    const meeting = await this.insert(ctx, organ.id, dto);
    await this.agenda.applyTemplate(ctx, meeting);
    await this.audit.record(ctx, { action: 'create', entityType: 'Meeting', entityId: meeting.id, after: meeting });
    return meeting;
  }

  /** A year's meeting plan in one go: all meetings or, if one is wrong, none. */
  async createPlan(ctx: RequestContext, dto: CreateMeetingPlanDto): Promise<Meeting[]> {
    const organ = await this.organs.get(ctx, dto.organId);
    ctx.requireOrganPermission(Permission.MeetingsManage, organ.id);
    const created: Meeting[] = [];
    for (const [index, planned] of dto.meetings.entries()) {
      const year = DateTime.fromISO(planned.startsAt, { zone: MEETING_TIME_ZONE }).year;
      if (year !== dto.year) {
        throw new InvalidInputError('PLAN_YEAR', `Sammanträde ${index + 1} ligger inte i ${dto.year}`, [{ field: `meetings[${index}].startsAt`, messages: [`must be in ${dto.year}`] }]);
      }
      const meeting = await this.insert(ctx, organ.id, planned, `meetings[${index}].`);
      await this.agenda.applyTemplate(ctx, meeting);
      created.push(meeting);
    }
    await this.audit.record(ctx, { action: 'create_plan', entityType: 'Meeting', entityId: null, after: { organId: organ.id, year: dto.year, meetingIds: created.map((meeting) => meeting.id) } });
    return created;
  }

  /**
   * Time, place and group meetings. Before the notice is out a finalized notice is re-rendered as a new
   * version; after it is out, a change of time or place sends a revised notice at once.
   */
  async update(ctx: RequestContext, id: string, dto: UpdateMeetingDto): Promise<Meeting> {
    const meeting = await lockMeeting(ctx, id);
    ctx.requireOrganPermission(Permission.MeetingsManage, meeting.organId);
    if (!['planned', 'notice_finalized', 'notice_sent'].includes(meeting.status)) throw meetingClosed('Att ändra sammanträdet');
    const before = { ...meeting, groupMeetings: [...meeting.groupMeetings] };
    const startsAt = dto.startsAt ? new Date(dto.startsAt) : meeting.startsAt;
    const endsAt = dto.endsAt ? new Date(dto.endsAt) : meeting.endsAt;
    const groupMeetings = this.groupMeetingsAfterMove(meeting, startsAt, dto);
    this.assertTimes(startsAt, endsAt, groupMeetings);
    if (dto.secretaryPersonId) await this.persons.get(ctx, dto.secretaryPersonId);

    const changes = describeMeetingChanges({ startsAt: meeting.startsAt, endsAt: meeting.endsAt, place: meeting.place }, { startsAt, endsAt, place: dto.place ?? meeting.place });
    if (JSON.stringify(groupMeetings) !== JSON.stringify(meeting.groupMeetings)) changes.push('Gruppmötena är ändrade.');
    Object.assign(meeting, { startsAt, endsAt, place: dto.place ?? meeting.place, groupMeetings, secretaryPersonId: dto.secretaryPersonId ?? meeting.secretaryPersonId });
    if (changes.length > 0) meeting.calendarSequence += 1;
    const saved = await this.meetings(ctx).save(meeting);
    await this.audit.record(ctx, { action: 'update', entityType: 'Meeting', entityId: id, before, after: saved });

    if (changes.length > 0 && meeting.status === 'notice_finalized') await this.notices.refinalize(ctx, saved);
    if (changes.length > 0 && meeting.status === 'notice_sent') await this.notices.issueRevised(ctx, saved, changes);
    return saved;
  }

  /** Inställt: the recipients of a sent notice get a cancellation (METHOD:CANCEL); a notice not yet sent is withdrawn. */
  async cancel(ctx: RequestContext, id: string, dto: CancelMeetingDto): Promise<Meeting> {
    const meeting = await lockMeeting(ctx, id);
    ctx.requireOrganPermission(Permission.MeetingsManage, meeting.organId);
    const before = { ...meeting };
    const wasSent = meeting.status === 'notice_sent';
    moveMeetingTo(meeting, 'cancelled');
    Object.assign(meeting, { cancellationReason: dto.reason, cancelledAt: this.clock.now(), calendarSequence: meeting.calendarSequence + 1 });
    const saved = await this.meetings(ctx).save(meeting);
    await this.audit.record(ctx, { action: 'cancel', entityType: 'Meeting', entityId: id, before, after: saved });
    if (wasSent) await this.notices.issueCancellation(ctx, saved, dto.reason);
    else await this.notices.withdrawScheduled(ctx, saved);
    return saved;
  }

  /** The meeting has taken place; the minutes can be written. */
  async markHeld(ctx: RequestContext, id: string): Promise<Meeting> {
    const now = this.clock.now();
    const meeting = await lockMeeting(ctx, id);
    ctx.requireOrganPermission(Permission.MeetingsManage, meeting.organId);
    if (meeting.startsAt.getTime() > now.getTime()) {
      throw new ConflictError('MEETING_NOT_STARTED', 'Sammanträdet har inte börjat än och kan inte markeras som genomfört');
    }
    const before = { ...meeting };
    moveMeetingTo(meeting, 'held');
    const saved = await this.meetings(ctx).save(meeting);
    await this.audit.record(ctx, { action: 'held', entityType: 'Meeting', entityId: id, before, after: saved });
    return saved;
  }

  /** The minutes of the meeting are verified: the last step of its life. */
  async markMinutesVerified(ctx: RequestContext, id: string): Promise<Meeting> {
    const meeting = await lockMeeting(ctx, id);
    const before = { ...meeting };
    moveMeetingTo(meeting, 'minutes_verified');
    const saved = await this.meetings(ctx).save(meeting);
    await this.audit.record(ctx, { action: 'minutes_verified', entityType: 'Meeting', entityId: id, before, after: saved });
    return saved;
  }

  /**
   * The group meetings once the meeting has moved: as given, or, when the start moved on the clock, moved with it
   * (the default) or kept where they were — never left ending after the new start.
   */
  private groupMeetingsAfterMove(meeting: Meeting, startsAt: Date, dto: UpdateMeetingDto): GroupMeeting[] {
    if (dto.groupMeetings) {
      if (dto.groupMeetingsOnMove) {
        throw new InvalidInputError('GROUP_MEETINGS_AMBIGUOUS', 'Ange antingen nya gruppmöten eller om gruppmötena ska flyttas med sammanträdet, inte båda', [
          { field: 'groupMeetingsOnMove', messages: ['groupMeetingsOnMove cannot be given together with groupMeetings'] },
        ]);
      }
      return dto.groupMeetings;
    }
    const local = (instant: Date) => DateTime.fromJSDate(instant, { zone: MEETING_TIME_ZONE });
    const clockShift = local(startsAt).hour * 60 + local(startsAt).minute - (local(meeting.startsAt).hour * 60 + local(meeting.startsAt).minute);
    if (clockShift === 0 || meeting.groupMeetings.length === 0) return meeting.groupMeetings;
    if ((dto.groupMeetingsOnMove ?? 'move') === 'keep') {
      const problems = validateGroupMeetings(meeting.groupMeetings, local(startsAt).toFormat('HH:mm'));
      if (problems.length > 0) {
        throw new ConflictError('GROUP_MEETINGS_AFTER_START', `${problems[0]} Flytta gruppmötena med sammanträdet eller ange nya tider för dem.`, [{ field: 'groupMeetingsOnMove', messages: problems }]);
      }
      return meeting.groupMeetings;
    }
    const { groupMeetings, problems } = shiftGroupMeetings(meeting.groupMeetings, clockShift);
    if (problems.length > 0) {
      throw new ConflictError('GROUP_MEETINGS_CANNOT_MOVE', `${problems[0]} Ange nya tider för gruppmötena.`, [{ field: 'groupMeetingsOnMove', messages: problems }]);
    }
    return groupMeetings;
  }

  private async insert(ctx: RequestContext, organId: string, dto: Omit<CreateMeetingDto, 'organId'>, fieldPrefix = ''): Promise<Meeting> {
    const startsAt = new Date(dto.startsAt);
    const endsAt = new Date(dto.endsAt);
    this.assertTimes(startsAt, endsAt, dto.groupMeetings ?? [], fieldPrefix);
    const secretaryPersonId = dto.secretaryPersonId ?? (ctx.actor?.grants.some((grant) => grant.role === 'secretary' && grant.organId === organId) ? ctx.actor.personId : null);
    if (secretaryPersonId) await this.persons.get(ctx, secretaryPersonId);
    const repo = this.meetings(ctx);
    return repo.save(
      repo.create({ organId, startsAt, endsAt, place: dto.place, groupMeetings: dto.groupMeetings ?? [], status: 'planned', secretaryPersonId, calendarSequence: 0, cancellationReason: null, cancelledAt: null }),
    );
  }

  private assertTimes(startsAt: Date, endsAt: Date, groupMeetings: GroupMeeting[], fieldPrefix = ''): void {
    if (endsAt.getTime() <= startsAt.getTime()) {
      throw new InvalidInputError('MEETING_ENDS_BEFORE_START', 'Sammanträdet måste sluta efter att det har börjat', [{ field: `${fieldPrefix}endsAt`, messages: ['endsAt must be after startsAt'] }]);
    }
    const startLocal = DateTime.fromJSDate(startsAt, { zone: MEETING_TIME_ZONE }).toFormat('HH:mm');
    const problems = validateGroupMeetings(groupMeetings, startLocal);
    if (problems.length > 0) {
      throw new InvalidInputError('GROUP_MEETINGS_INVALID', problems[0], [{ field: `${fieldPrefix}groupMeetings`, messages: problems }]);
    }
  }
}
