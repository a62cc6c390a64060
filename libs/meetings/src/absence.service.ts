import { Injectable } from '@nestjs/common';
import { AuditService, Clock, ConflictError, ForbiddenError, hasOrganPermission, InvalidInputError, Permission, RequestContext, TenantRepository } from '@namndrum/core';
import { IsNull } from 'typeorm';
import { MembershipService, OrganService, SeatHolderDto } from '@namndrum/organisation';
import { diffCalls, planSubstituteCalls } from './domain/substitute-call-in';
import { AbsenceDto, ExpectedAttendeeDto, ExpectedAttendanceDto, ReportAbsenceDto } from './dto/absence.dto';
import { Absence, Meeting, SubstituteCall } from './entities';
import { DeliveryService } from './delivery.service';
import { meetingClosed } from './meeting.errors';
import { lockMeeting } from './meeting-lock';
import { meetingDate } from './notice.service';

/** The organ's listed inkallelseordning; substitutes without a number after those with one, by name. */
const inCallInListOrder = (a: SeatHolderDto, b: SeatHolderDto): number =>
  (a.substituteOrder ?? Number.POSITIVE_INFINITY) - (b.substituteOrder ?? Number.POSITIVE_INFINITY) ||
  `${a.person.lastName} ${a.person.firstName}`.localeCompare(`${b.person.lastName} ${b.person.firstName}`, 'sv');

const attendee = (seat: SeatHolderDto): ExpectedAttendeeDto => ({ personId: seat.person.id, name: `${seat.person.firstName} ${seat.person.lastName}`, party: seat.party });

/**
 * Förhinder and inkallelse: a member who cannot come reports it, and the next substitute in the
 * organ's order is called in and told by e-mail. Every change re-plans the calls from the current
 * absences, keeping the calls already made where they still hold, so that nobody is e-mailed for nothing.
 */
@Injectable()
export class AbsenceService {
  constructor(
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly organs: OrganService,
    private readonly memberships: MembershipService,
    private readonly deliveries: DeliveryService,
  ) {}

  private absences(ctx: RequestContext): TenantRepository<Absence> {
    return new TenantRepository(ctx, Absence, 'Förhindret');
  }

  private calls(ctx: RequestContext): TenantRepository<SubstituteCall> {
    return new TenantRepository(ctx, SubstituteCall, 'Inkallelsen');
  }

  async list(ctx: RequestContext, meetingId: string): Promise<Absence[]> {
    await new TenantRepository(ctx, Meeting, 'Sammanträdet').get(meetingId);
    return this.absences(ctx).find({ meetingId }, { order: { reportedAt: 'ASC' } });
  }

  async listCalls(ctx: RequestContext, meetingId: string): Promise<SubstituteCall[]> {
    await new TenantRepository(ctx, Meeting, 'Sammanträdet').get(meetingId);
    return this.calls(ctx).find({ meetingId }, { order: { calledAt: 'ASC' } });
  }

  async report(ctx: RequestContext, meetingId: string, dto: ReportAbsenceDto): Promise<AbsenceDto> {
    const now = this.clock.now();
    const meeting = await this.open(ctx, meetingId, now);
    const personId = this.assertMayActFor(ctx, meeting, dto.personId);
    const composition = await this.memberships.composition(ctx, meeting.organId, meetingDate(meeting));
    const seat = [...composition.members, ...composition.substitutes].find((holder) => holder.person.id === personId);
    if (!seat) {
      throw new InvalidInputError('NO_SEAT', 'Personen har inget uppdrag i organet på sammanträdesdagen', [{ field: 'personId', messages: ['not a member or substitute on the meeting date'] }]);
    }
    if ((await this.absences(ctx).find({ meetingId, personId, withdrawnAt: IsNull() })).length > 0) {
      throw new ConflictError('ABSENCE_EXISTS', 'Förhinder är redan anmält för sammanträdet');
    }
    const absence = await this.absences(ctx).save(
      this.absences(ctx).create({ meetingId, personId, seatRole: seat.role, reportedAt: now, reportedByUserId: ctx.actorUserId, withdrawnAt: null, withdrawnByUserId: null }),
    );
    await this.audit.record(ctx, { action: 'report_absence', entityType: 'Absence', entityId: absence.id, after: absence });
    await this.replan(ctx, meeting);
    return absence;
  }

  /** The member can come after all: the substitute called in for them is released. */
  async withdraw(ctx: RequestContext, absenceId: string): Promise<AbsenceDto> {
    const now = this.clock.now();
    const found = await this.absences(ctx).get(absenceId);
    const meeting = await this.open(ctx, found.meetingId, now);
    this.assertMayActFor(ctx, meeting, found.personId);
    const absence = await this.absences(ctx).get(absenceId);
    if (absence.withdrawnAt !== null) throw new ConflictError('ABSENCE_WITHDRAWN', 'Förhindret är redan återkallat');
    const before = { ...absence };
    Object.assign(absence, { withdrawnAt: now, withdrawnByUserId: ctx.actorUserId });
    const saved = await this.absences(ctx).save(absence);
    await this.audit.record(ctx, { action: 'withdraw_absence', entityType: 'Absence', entityId: absence.id, before, after: saved });
    await this.replan(ctx, meeting);
    return saved;
  }

  /** What the secretary expects on the day: each seat with its member or the substitute serving for them, and every substitute's state. */
  async expectedAttendance(ctx: RequestContext, meetingId: string): Promise<ExpectedAttendanceDto> {
    const meeting = await new TenantRepository(ctx, Meeting, 'Sammanträdet').get(meetingId);
    const date = meetingDate(meeting);
    const composition = await this.memberships.composition(ctx, meeting.organId, date);
    const openAbsences = new Map((await this.absences(ctx).find({ meetingId })).filter((absence) => absence.withdrawnAt === null).map((absence) => [absence.personId, absence.id]));
    const active = (await this.calls(ctx).find({ meetingId, status: 'called' })).reduce((map, call) => map.set(call.absentPersonId, call.substitutePersonId), new Map<string, string>());
    const substitutes = new Map(composition.substitutes.map((seat) => [seat.person.id, seat]));
    const members = composition.members.map((seat) => {
      const substituteId = active.get(seat.person.id);
      const substitute = substituteId ? substitutes.get(substituteId) : undefined;
      const absenceId = openAbsences.get(seat.person.id) ?? null;
      return { member: attendee(seat), position: seat.position, absent: absenceId !== null, absenceId, servingSubstitute: substitute ? attendee(substitute) : null };
    });
    const servingFor = new Map(members.flatMap((seat) => (seat.servingSubstitute ? [[seat.servingSubstitute.personId, seat.member] as const] : [])));
    const expectedServing = members.filter((seat) => !seat.absent || seat.servingSubstitute !== null).length;
    return {
      meetingId,
      date,
      seats: members.length,
      expectedServing,
      quorumExpected: expectedServing * 2 > members.length,
      members,
      substitutes: [...composition.substitutes].sort(inCallInListOrder).map((seat) => ({
        ...attendee(seat),
        substituteOrder: seat.substituteOrder,
        absent: openAbsences.has(seat.person.id),
        absenceId: openAbsences.get(seat.person.id) ?? null,
        servingFor: servingFor.get(seat.person.id) ?? null,
      })),
      absentSubstitutes: composition.substitutes.filter((seat) => openAbsences.has(seat.person.id)).map(attendee),
      uncovered: members.filter((seat) => seat.absent && seat.servingSubstitute === null).map((seat) => seat.member),
    };
  }

  /** Re-plans the calls and e-mails those newly called in and those released. */
  private async replan(ctx: RequestContext, meeting: Meeting): Promise<void> {
    const organ = await this.organs.get(ctx, meeting.organId);
    const composition = await this.memberships.composition(ctx, meeting.organId, meetingDate(meeting));
    const absences = (await this.absences(ctx).find({ meetingId: meeting.id })).filter((absence) => absence.withdrawnAt === null);
    const existing = await this.calls(ctx).find({ meetingId: meeting.id, status: 'called' });
    const substituteBySeat = new Map(composition.substitutes.map((seat) => [seat.membershipId, seat.person.id]));
    const plan = planSubstituteCalls({
      policy: organ.rules.substituteCallIn,
      members: composition.members.map((seat) => ({
        personId: seat.person.id,
        party: seat.party,
        // Only personal substitutes who hold their seat on the meeting date can be called.
        personalSubstitutes: seat.personalSubstituteMembershipIds.flatMap((membershipId) => substituteBySeat.get(membershipId) ?? []),
      })),
      substitutes: composition.substitutes.map((seat) => ({ personId: seat.person.id, party: seat.party, substituteOrder: seat.substituteOrder, name: `${seat.person.lastName} ${seat.person.firstName}` })),
      absences: absences.map((absence) => ({ personId: absence.personId, reportedAt: absence.reportedAt })),
      existingCalls: existing,
    });
    const { toCall, toRelease } = diffCalls(existing, plan.calls);
    const people = new Map([...composition.members, ...composition.substitutes].map((seat) => [seat.person.id, seat.person]));
    const now = this.clock.now();
    const mails: Parameters<DeliveryService['queue']>[1] = [];
    // Released first: the partial unique indexes allow one active call per member and per substitute.
    for (const call of existing.filter((candidate) => toRelease.some((release) => release.absentPersonId === candidate.absentPersonId && release.substitutePersonId === candidate.substitutePersonId))) {
      Object.assign(call, { status: 'released', releasedAt: now });
      await this.calls(ctx).save(call);
      mails.push(this.mailFor(meeting, call, 'substitute_released', people.get(call.substitutePersonId)!));
      await this.audit.record(ctx, { action: 'release_substitute', entityType: 'SubstituteCall', entityId: call.id, after: call });
    }
    for (const planned of toCall) {
      const call = await this.calls(ctx).save(this.calls(ctx).create({ meetingId: meeting.id, ...planned, status: 'called', calledAt: now, releasedAt: null }));
      mails.push(this.mailFor(meeting, call, 'substitute_called', people.get(call.substitutePersonId)!));
      await this.audit.record(ctx, { action: 'call_substitute', entityType: 'SubstituteCall', entityId: call.id, after: call });
    }
    await this.deliveries.queue(ctx, mails);
  }

  private mailFor(meeting: Meeting, call: SubstituteCall, purpose: 'substitute_called' | 'substitute_released', person: { id: string; firstName: string; lastName: string; email?: string | null }) {
    return {
      meetingId: meeting.id,
      purpose,
      noticeId: null,
      substituteCallId: call.id,
      recipient: { key: `person:${person.id}`, personId: person.id, name: `${person.firstName} ${person.lastName}`, email: person.email ?? null, role: 'substitute' as const },
    };
  }

  /** Absence is reported before the meeting starts, for a meeting that takes place. */
  private async open(ctx: RequestContext, meetingId: string, now: Date): Promise<Meeting> {
    const meeting = await lockMeeting(ctx, meetingId);
    if (!['planned', 'notice_finalized', 'notice_sent'].includes(meeting.status)) throw meetingClosed('Att anmäla eller återkalla förhinder');
    if (meeting.startsAt.getTime() <= now.getTime()) {
      throw new ConflictError('MEETING_STARTED', 'Sammanträdet har redan börjat; förhinder anmäls och återkallas före sammanträdet');
    }
    return meeting;
  }

  /** One's own absence, or anyone's for the organ's secretary. */
  private assertMayActFor(ctx: RequestContext, meeting: Meeting, personId: string | undefined): string {
    const actor = ctx.actor;
    const own = actor?.personId ?? null;
    const target = personId ?? own;
    if (!target) {
      throw new InvalidInputError('PERSON_REQUIRED', 'Ange vems förhinder det gäller', [{ field: 'personId', messages: ['your account is not linked to a person'] }]);
    }
    if (actor !== null && target !== own && !hasOrganPermission(actor, Permission.MeetingsManage, meeting.organId)) {
      throw new ForbiddenError('Bara organets sekreterare kan anmäla förhinder för någon annan');
    }
    return target;
  }
}
