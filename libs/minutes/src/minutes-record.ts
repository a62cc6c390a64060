import { Injectable } from '@nestjs/common';
import { ConflictError, Municipality, Permission, RequestContext, sha256Hex, TenantRepository } from '@namndrum/core';
import { canonicalJson } from '@namndrum/matters';
import { DepartmentService, MembershipService, Organ, OrganService, Person, PersonService, SeatHolderDto } from '@namndrum/organisation';
import { In } from 'typeorm';
import { attendanceAt, AttendanceSpan, ParagraphAttendance } from './domain';
import { Ballot, Disqualification, Dissent, Election, Minutes, MinutesApproval, MinutesAttendee, MinutesNote, Motion, Paragraph, Vote } from './entities';

/** Everything one set of minutes holds, read in one go: what is hashed, rendered and shown. */
export interface MinutesRecord {
  minutes: Minutes;
  organ: Organ;
  attendees: MinutesAttendee[];
  paragraphs: Paragraph[];
  motions: Motion[];
  votes: Vote[];
  ballots: Ballot[];
  dissents: Dissent[];
  notes: MinutesNote[];
  disqualifications: Disqualification[];
  elections: Election[];
  approvals: MinutesApproval[];
  /** The organ's members and substitutes on the meeting date. */
  members: SeatHolderDto[];
  substitutes: SeatHolderDto[];
  people: Map<string, Person>;
}

/** "Social- och utbildningsförvaltningen" → "Social- och utbildningsförvaltningens"; a name ending in s, x or z takes no s. */
export function swedishGenitive(name: string): string {
  return /[sxz]$/i.test(name) ? name : `${name}s`;
}

/** The minutes, row-locked for the rest of the transaction, so that changes to one set of minutes happen one at a time. */
export async function lockMinutes(ctx: RequestContext, id: string): Promise<Minutes> {
  const repo = new TenantRepository(ctx, Minutes, 'Protokollet');
  const minutes = await repo.repository.findOne({ where: { id, municipalityId: ctx.municipalityId }, lock: { mode: 'pessimistic_write' } });
  return minutes ?? repo.get(id);
}

/** The draft, row-locked, for a writer who manages the organ's minutes. */
export async function lockDraftForWrite(ctx: RequestContext, id: string): Promise<Minutes> {
  const minutes = await lockMinutes(ctx, id);
  ctx.requireOrganPermission(Permission.MinutesManage, minutes.organId);
  assertDraft(minutes);
  return minutes;
}

/** Verified minutes never change (TF 2 kap.): every write after the lock is refused. */
export function assertDraft(minutes: Minutes): void {
  if (minutes.status === 'verified') throw new ConflictError('MINUTES_LOCKED', 'Protokollet är justerat och kan inte ändras');
  if (minutes.status === 'completed') throw new ConflictError('MINUTES_LOCKED', 'Minnesanteckningarna är färdigställda och kan inte ändras');
}

export function assertParagraphOpen(paragraph: Paragraph): void {
  if (paragraph.lockedAt !== null) throw new ConflictError('PARAGRAPH_LOCKED', `§ ${paragraph.number} är omedelbart justerad och kan inte ändras`);
}

export function personName(record: Pick<MinutesRecord, 'people'>, personId: string | null): string {
  if (!personId) return '';
  const person = record.people.get(personId);
  return person ? `${person.firstName} ${person.lastName}` : 'Okänd person';
}

/** "Håkan Frank (M)" */
export function personWithParty(record: MinutesRecord, personId: string): string {
  const party = partyOf(record, personId);
  return party ? `${personName(record, personId)} (${party})` : personName(record, personId);
}

export function partyOf(record: MinutesRecord, personId: string): string | null {
  const seat = [...record.members, ...record.substitutes].find((holder) => holder.person.id === personId);
  return seat?.party ?? record.people.get(personId)?.party ?? null;
}

export function spansOf(record: MinutesRecord): AttendanceSpan[] {
  return record.attendees.map((row) => ({
    personId: row.personId,
    capacity: row.capacity,
    replacesPersonId: row.replacesPersonId,
    fromParagraph: row.fromParagraph,
    toParagraph: row.toParagraph,
  }));
}

export function paragraphAttendance(record: MinutesRecord, paragraph: Paragraph): ParagraphAttendance {
  const disqualifications = record.disqualifications.filter((row) => row.paragraphId === paragraph.id);
  return attendanceAt(
    record.members.map((seat) => seat.person.id),
    spansOf(record),
    paragraph.number,
    disqualifications.map((row) => ({ personId: row.personId, substitutePersonId: row.substitutePersonId })),
  );
}

function paragraphContent(record: MinutesRecord, paragraph: Paragraph): unknown {
  const votes = record.votes.filter((vote) => vote.paragraphId === paragraph.id);
  return {
    number: paragraph.number,
    position: paragraph.position,
    title: paragraph.title,
    // Only when there is one, so that the content of minutes without Finnish titles hashes as it always has.
    ...(paragraph.titleFi === null ? {} : { titleFi: paragraph.titleFi }),
    matterId: paragraph.matterId,
    caseNumber: paragraph.caseNumber,
    proposal: paragraph.proposal,
    preparedIn: paragraph.preparedIn,
    decision: paragraph.decision,
    description: paragraph.description,
    // Only on a delegation report paragraph written since the decisions have a table of their own: earlier minutes hash as they did.
    ...(paragraph.reportedDecisions === null ? {} : { reportedDecisions: paragraph.reportedDecisions }),
    decisionBasis: paragraph.decisionBasis,
    distribution: paragraph.distribution,
    propositions: paragraph.propositions,
    notPublished: paragraph.notPublished,
    status: paragraph.status,
    outcome: paragraph.outcome,
    extraMatter: paragraph.extraMatter,
    takenUpInParagraphId: paragraph.takenUpInParagraphId,
    elections: record.elections.filter((row) => row.paragraphId === paragraph.id).map((row) => [row.id, row.office, row.candidates, row.blankVotes, row.elected, row.decidedByLot]),
    motions: record.motions.filter((row) => row.paragraphId === paragraph.id).map((row) => [row.id, row.personId, row.kind, row.text, row.supporterPersonIds, row.withdrawn]),
    votes: votes.map((vote) => ({
      id: vote.id,
      yes: vote.yesAlternative,
      no: vote.noAlternative,
      castingVote: vote.castingVote,
      result: vote.result,
      ballots: record.ballots.filter((ballot) => ballot.voteId === vote.id).map((ballot) => [ballot.personId, ballot.choice]).sort(),
    })),
    dissents: record.dissents.filter((row) => row.paragraphId === paragraph.id).map((row) => [row.personId, row.reasons, row.announcedAt.toISOString()]).sort(),
    notes: record.notes.filter((row) => row.paragraphId === paragraph.id).map((row) => [row.id, row.personId, row.text]),
    disqualifications: record.disqualifications.filter((row) => row.paragraphId === paragraph.id).map((row) => [row.personId, row.substitutePersonId, row.reason]).sort(),
  };
}

function headerContent(record: MinutesRecord): unknown {
  const { minutes } = record;
  return {
    meetingId: minutes.meetingId,
    place: minutes.place,
    startedAt: minutes.startedAt.toISOString(),
    endedAt: minutes.endedAt.toISOString(),
    adjournments: minutes.adjournments,
    chair: minutes.chairPersonId,
    secretary: minutes.secretaryPersonId,
    verifiers: minutes.verifierPersonIds,
    verificationPlace: minutes.verificationPlace,
    verificationAt: minutes.verificationAt?.toISOString() ?? null,
    storagePlace: minutes.storagePlace,
    containsPersonalData: minutes.containsPersonalData,
    attendees: record.attendees.map((row) => [row.position, row.personId, row.name, row.title, row.capacity, row.replacesPersonId, row.fromParagraph, row.toParagraph]),
  };
}

/** The sha256 of everything the minutes say: what the chair and verifiers approve. Any change makes a new hash. */
export function minutesContentSha256(record: MinutesRecord): string {
  return sha256Hex(canonicalJson({ header: headerContent(record), paragraphs: record.paragraphs.map((paragraph) => paragraphContent(record, paragraph)) }));
}

/** The sha256 of one paragraph with the attendance it was decided under: what an omedelbar justering approves. */
export function paragraphContentSha256(record: MinutesRecord, paragraph: Paragraph): string {
  return sha256Hex(canonicalJson({ header: headerContent(record), paragraph: paragraphContent(record, paragraph) }));
}

@Injectable()
export class MinutesReader {
  constructor(
    private readonly organs: OrganService,
    private readonly memberships: MembershipService,
    private readonly persons: PersonService,
    private readonly departments: DepartmentService,
  ) {}

  /** Where the organ's minutes are kept unless the secretary says otherwise: its department's kansli, or the municipality's. */
  async defaultStoragePlace(ctx: RequestContext, organ: Organ): Promise<string> {
    if (organ.responsibleDepartmentId) {
      const department = await this.departments.get(ctx, organ.responsibleDepartmentId);
      return `${swedishGenitive(department.name)} kansli`;
    }
    const municipality = await ctx.em.getRepository(Municipality).findOneByOrFail({ id: ctx.municipalityId });
    return `${swedishGenitive(municipality.name)} kansli`;
  }

  organ(ctx: RequestContext, id: string): Promise<Organ> {
    return this.organs.get(ctx, id);
  }

  async people(ctx: RequestContext, ids: string[]): Promise<Map<string, Person>> {
    const found = ids.length ? await this.persons.persons(ctx).find({ id: In(ids) }) : [];
    return new Map(found.map((person) => [person.id, person]));
  }

  async read(ctx: RequestContext, minutes: Minutes): Promise<MinutesRecord> {
    const byMinutes = { minutesId: minutes.id };
    const paragraphs = await new TenantRepository(ctx, Paragraph, 'Paragrafen').find(byMinutes, { order: { position: 'ASC' } });
    const paragraphIds = paragraphs.map((paragraph) => paragraph.id);
    const byParagraph = { paragraphId: In(paragraphIds) };
    const [organ, composition, attendees, motions, votes, dissents, notes, disqualifications, approvals, elections] = await Promise.all([
      this.organs.get(ctx, minutes.organId),
      this.memberships.composition(ctx, minutes.organId, minutes.meetingDate),
      new TenantRepository(ctx, MinutesAttendee, 'Närvaron').find(byMinutes, { order: { position: 'ASC' } }),
      new TenantRepository(ctx, Motion, 'Yrkandet').find(byParagraph, { order: { position: 'ASC' } }),
      new TenantRepository(ctx, Vote, 'Voteringen').find(byParagraph, { order: { createdAt: 'ASC' } }),
      new TenantRepository(ctx, Dissent, 'Reservationen').find(byParagraph, { order: { createdAt: 'ASC' } }),
      new TenantRepository(ctx, MinutesNote, 'Protokollsanteckningen').find(byParagraph, { order: { createdAt: 'ASC' } }),
      new TenantRepository(ctx, Disqualification, 'Jävet').find(byParagraph, { order: { createdAt: 'ASC' } }),
      new TenantRepository(ctx, MinutesApproval, 'Justeringen').find(byMinutes, { order: { approvedAt: 'ASC' } }),
      new TenantRepository(ctx, Election, 'Valet').find(byParagraph, { order: { createdAt: 'ASC' } }),
    ]);
    const ballots = votes.length ? await new TenantRepository(ctx, Ballot, 'Rösten').find({ voteId: In(votes.map((vote) => vote.id)) }, { order: { createdAt: 'ASC' } }) : [];
    const ids = new Set<string>();
    const add = (id: string | null | undefined) => id && ids.add(id);
    [minutes.chairPersonId, minutes.secretaryPersonId, ...minutes.verifierPersonIds].forEach(add);
    attendees.forEach((row) => (add(row.personId), add(row.replacesPersonId)));
    motions.forEach((row) => (add(row.personId), row.supporterPersonIds.forEach(add)));
    ballots.forEach((row) => add(row.personId));
    dissents.forEach((row) => add(row.personId));
    notes.forEach((row) => add(row.personId));
    disqualifications.forEach((row) => (add(row.personId), add(row.substitutePersonId)));
    approvals.forEach((row) => add(row.personId));
    composition.members.forEach((seat) => ids.delete(seat.person.id));
    composition.substitutes.forEach((seat) => ids.delete(seat.person.id));
    const others = ids.size ? await this.persons.persons(ctx).find({ id: In([...ids]) }) : [];
    const people = new Map<string, Person>([...composition.members, ...composition.substitutes].map((seat) => [seat.person.id, seat.person as unknown as Person]));
    others.forEach((person) => people.set(person.id, person));
    return { minutes, organ, attendees, paragraphs, motions, votes, ballots, dissents, notes, disqualifications, elections, approvals, members: composition.members, substitutes: composition.substitutes, people };
  }
}
