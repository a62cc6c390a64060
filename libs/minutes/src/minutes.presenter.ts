import { Injectable } from '@nestjs/common';
import { Clock, swedishDate } from '@namndrum/core';
import { AttendeeLine, bilingual, LABEL_TERMS, MinutesExtractView, MinutesView, ParagraphView, PostingView, signerAuthentication, swedishLongDate, VoteView, withFinnish } from '@namndrum/documents';
import { organNoun } from '@namndrum/organisation';
import { DateTime } from 'luxon';
import {
  alternativeLabel,
  describeDecisionProcedure,
  describeElection,
  describeMotions,
  isDeclinedExtraMatter,
  MotionPhrase,
  NOT_TAKEN_UP_TEXT,
  paragraphRange,
  presentAt,
  ProcedureInput,
  spanNote,
  tallyVote,
} from './domain';
import { ApproverRole, Minutes, Paragraph, Posting } from './entities';
import { ApprovalDto, ApproverDto, MinutesDto, MinutesSummaryDto } from './dto/minutes.dto';
import { ParagraphDto } from './dto/paragraph.dto';
import { appealDates } from './posting.service';
import { minutesContentSha256, MinutesRecord, paragraphAttendance, paragraphContentSha256, partyOf, personName, personWithParty } from './minutes-record';

const STOCKHOLM = 'Europe/Stockholm';

const clock = (instant: Date) => DateTime.fromJSDate(instant, { zone: STOCKHOLM }).toFormat('HH:mm');

export interface RequiredApprover {
  personId: string;
  role: ApproverRole;
}

/** Who must approve the minutes under the organ's rules: the chair and the verifiers chosen, or the chair alone. */
export function requiredApprovers(record: MinutesRecord): RequiredApprover[] {
  const { minutes, organ } = record;
  const chair: RequiredApprover[] = minutes.chairPersonId ? [{ personId: minutes.chairPersonId, role: 'chair' }] : [];
  if (organ.rules.verification === 'chair_only') return chair;
  if (organ.rules.verification === 'chair_and_secretary') {
    return minutes.secretaryPersonId ? [...chair, { personId: minutes.secretaryPersonId, role: 'verifier' }] : chair;
  }
  return [...chair, ...minutes.verifierPersonIds.map((personId) => ({ personId, role: 'verifier' as const }))];
}

/** "UTKAST – ej justerat" on a draft, followed by the Finnish where the organ has Finnish. */
function draftNotice(kind: Minutes['kind'], languages: ('sv' | 'fi')[]): string {
  const swedish = kind === 'minutes' ? 'UTKAST – ej justerat' : 'UTKAST';
  if (!languages.includes('fi')) return swedish;
  return `${swedish} / ${kind === 'minutes' ? 'LUONNOS – ei tarkastettu' : 'LUONNOS'}`;
}

/** Turns a minutes record into what the API returns and what the renderers take. */
@Injectable()
export class MinutesPresenter {
  constructor(private readonly clock: Clock) {}

  isOverdue(minutes: Minutes): boolean {
    return minutes.kind === 'minutes' && minutes.status === 'draft' && swedishDate(this.clock.now()) > minutes.verificationDeadline;
  }

  summary(minutes: Minutes, numbers: number[]): MinutesSummaryDto {
    return {
      id: minutes.id,
      municipalityId: minutes.municipalityId,
      createdAt: minutes.createdAt,
      updatedAt: minutes.updatedAt,
      meetingId: minutes.meetingId,
      organId: minutes.organId,
      kind: minutes.kind,
      status: minutes.status,
      year: minutes.year,
      meetingDate: minutes.meetingDate,
      verificationDeadline: minutes.verificationDeadline,
      overdue: this.isOverdue(minutes),
      paragraphRange: paragraphRange(numbers),
    };
  }

  minutes(record: MinutesRecord): MinutesDto {
    const { minutes } = record;
    const current = minutesContentSha256(record);
    const approvals: ApprovalDto[] = record.approvals.map((approval) => {
      const paragraph = approval.paragraphId ? record.paragraphs.find((candidate) => candidate.id === approval.paragraphId) : null;
      const valid = paragraph ? (paragraph.contentSha256 ?? paragraphContentSha256(record, paragraph)) === approval.contentSha256 : (minutes.contentSha256 ?? current) === approval.contentSha256;
      return {
        id: approval.id,
        paragraphId: approval.paragraphId,
        personId: approval.personId,
        name: personName(record, approval.personId),
        role: approval.role,
        contentSha256: approval.contentSha256,
        approvedAt: approval.approvedAt,
        authMethod: approval.authMethod,
        authProviderName: approval.authProviderName,
        valid,
      };
    });
    const approvers: ApproverDto[] = requiredApprovers(record).map((approver) => ({
      ...approver,
      name: personName(record, approver.personId),
      approved: approvals.some((approval) => approval.paragraphId === null && approval.personId === approver.personId && approval.valid),
    }));
    return {
      ...this.summary(minutes, record.paragraphs.map((paragraph) => paragraph.number)),
      place: minutes.place,
      startedAt: minutes.startedAt,
      endedAt: minutes.endedAt,
      adjournments: minutes.adjournments,
      chairPersonId: minutes.chairPersonId,
      secretaryPersonId: minutes.secretaryPersonId,
      verifierPersonIds: minutes.verifierPersonIds,
      verificationPlace: minutes.verificationPlace,
      verificationAt: minutes.verificationAt,
      storagePlace: minutes.storagePlace,
      containsPersonalData: minutes.containsPersonalData,
      currentContentSha256: current,
      contentSha256: minutes.contentSha256,
      lockedAt: minutes.lockedAt,
      attendees: record.attendees.map((row) => ({
        personId: row.personId,
        name: row.name,
        party: row.party,
        title: row.title,
        capacity: row.capacity,
        replacesPersonId: row.replacesPersonId,
        fromParagraph: row.fromParagraph,
        toParagraph: row.toParagraph,
      })),
      paragraphs: record.paragraphs.map((paragraph) => this.paragraph(record, paragraph)),
      approvers,
      approvals,
    };
  }

  paragraph(record: MinutesRecord, paragraph: Paragraph): ParagraphDto {
    const attendance = paragraphAttendance(record, paragraph);
    const votes = record.votes.filter((vote) => vote.paragraphId === paragraph.id);
    return {
      id: paragraph.id,
      municipalityId: paragraph.municipalityId,
      createdAt: paragraph.createdAt,
      updatedAt: paragraph.updatedAt,
      minutesId: paragraph.minutesId,
      number: paragraph.number,
      position: paragraph.position,
      agendaItemId: paragraph.agendaItemId,
      title: paragraph.title,
      titleFi: paragraph.titleFi,
      matterId: paragraph.matterId,
      caseNumber: paragraph.caseNumber,
      proposal: paragraph.proposal,
      proposalLabel: paragraph.proposalLabel,
      preparedIn: paragraph.preparedIn,
      decision: paragraph.decision,
      description: paragraph.description,
      reportedDecisions: paragraph.reportedDecisions,
      decisionBasis: paragraph.decisionBasis,
      distribution: paragraph.distribution,
      propositions: paragraph.propositions,
      notPublished: paragraph.notPublished,
      status: paragraph.status,
      outcome: paragraph.outcome,
      approvedAtMeeting: paragraph.approvedAtMeeting,
      lockedAt: paragraph.lockedAt,
      currentContentSha256: paragraph.contentSha256 ?? paragraphContentSha256(record, paragraph),
      serving: attendance.serving.length,
      seats: attendance.seats,
      quorum: attendance.quorum,
      servingMembers: attendance.serving.map((seat) => ({
        personId: seat.servingPersonId,
        name: personName(record, seat.servingPersonId),
        party: partyOf(record, seat.servingPersonId),
        seatPersonId: seat.seatPersonId,
        substitute: seat.substitute,
      })),
      standbySubstitutes: record.attendees
        .filter((row) => row.capacity === 'substitute' && row.personId && presentAt(row, paragraph.number) && !attendance.serving.some((seat) => seat.servingPersonId === row.personId))
        .map((row) => ({ personId: row.personId!, name: personName(record, row.personId), party: partyOf(record, row.personId!) })),
      version: paragraph.version,
      decisionProcedure: this.procedure(record, paragraph),
      motions: record.motions
        .filter((motion) => motion.paragraphId === paragraph.id)
        .map((motion) => ({ id: motion.id, personId: motion.personId, name: personName(record, motion.personId), kind: motion.kind, text: motion.text, supporterPersonIds: motion.supporterPersonIds, withdrawn: motion.withdrawn, version: motion.version })),
      votes: votes.map((vote) => {
        const ballots = record.ballots.filter((ballot) => ballot.voteId === vote.id);
        const count = (choice: string) => ballots.filter((ballot) => ballot.choice === choice).length;
        return {
          id: vote.id,
          paragraphId: vote.paragraphId,
          yesAlternative: vote.yesAlternative,
          noAlternative: vote.noAlternative,
          status: vote.status,
          ballots: ballots.map((ballot) => ({ personId: ballot.personId, name: personName(record, ballot.personId), choice: ballot.choice })),
          yes: count('yes'),
          no: count('no'),
          abstain: count('abstain'),
          castingVote: vote.castingVote,
          result: vote.result,
          announced: vote.announcedYes === null ? null : { yes: vote.announcedYes, no: vote.announcedNo ?? 0, abstain: vote.announcedAbstain ?? 0 },
        };
      }),
      dissents: record.dissents
        .filter((row) => row.paragraphId === paragraph.id)
        .map((row) => ({ id: row.id, personId: row.personId, name: personName(record, row.personId), reasons: row.reasons, announcedAt: row.announcedAt })),
      notes: record.notes.filter((row) => row.paragraphId === paragraph.id).map((row) => ({ id: row.id, personId: row.personId, text: row.text, version: row.version })),
      disqualifications: record.disqualifications
        .filter((row) => row.paragraphId === paragraph.id)
        .map((row) => ({ id: row.id, personId: row.personId, name: personName(record, row.personId), substitutePersonId: row.substitutePersonId, substituteName: row.substitutePersonId ? personName(record, row.substitutePersonId) : null, reason: row.reason })),
      elections: record.elections
        .filter((row) => row.paragraphId === paragraph.id)
        .map((row) => ({ id: row.id, office: row.office, candidates: row.candidates, blankVotes: row.blankVotes, elected: row.elected, decidedByLot: row.decidedByLot })),
      extraMatter: paragraph.extraMatter,
      takenUpInParagraphId: paragraph.takenUpInParagraphId,
    };
  }

  motionPhrases(record: MinutesRecord, paragraph: Paragraph): MotionPhrase[] {
    return record.motions
      .filter((motion) => motion.paragraphId === paragraph.id && !motion.withdrawn)
      .map((motion) => ({ key: motion.id, kind: motion.kind, mover: personWithParty(record, motion.personId), text: motion.text, supporters: motion.supporterPersonIds.map((id) => personWithParty(record, id)) }));
  }

  procedureInput(record: MinutesRecord, paragraph: Paragraph): ProcedureInput {
    const chairName = record.minutes.chairPersonId ? personWithParty(record, record.minutes.chairPersonId) : 'Ordföranden';
    return {
      organNoun: organNoun(record.organ.kind),
      proposalLabel: paragraph.proposalLabel,
      motions: this.motionPhrases(record, paragraph),
      propositions: paragraph.propositions.map((proposition) => {
        const vote = proposition.voteId ? record.votes.find((candidate) => candidate.id === proposition.voteId) : undefined;
        if (!vote || vote.status !== 'closed') return { alternatives: proposition.alternatives, chosen: proposition.chosen, vote: null };
        const choices = record.ballots.filter((ballot) => ballot.voteId === vote.id).map((ballot) => ballot.choice);
        const tally = tallyVote(choices, vote.castingVote);
        return {
          alternatives: proposition.alternatives,
          chosen: proposition.chosen,
          vote: { yes: vote.yesAlternative, no: vote.noAlternative, yesCount: tally.yes, noCount: tally.no, abstainCount: tally.abstain, castingVote: vote.castingVote, chairName },
        };
      }),
    };
  }

  procedure(record: MinutesRecord, paragraph: Paragraph): string[] {
    return [...describeDecisionProcedure(this.procedureInput(record, paragraph)), ...this.electionProcedure(record, paragraph)];
  }

  /** Each election by closed ballot as the minutes phrase it: counted ballots, a lot if it came to that, who was elected. */
  private electionProcedure(record: MinutesRecord, paragraph: Paragraph): string[] {
    return record.elections
      .filter((row) => row.paragraphId === paragraph.id)
      .flatMap((row) =>
        describeElection({
          organNoun: organNoun(record.organ.kind),
          office: row.office,
          candidates: row.candidates,
          blankVotes: row.blankVotes,
          outcome: { elected: row.elected, decidedByLot: row.decidedByLot },
        }),
      );
  }

  paragraphView(record: MinutesRecord, paragraph: Paragraph): ParagraphView {
    const input = this.procedureInput(record, paragraph);
    const closedVote = record.votes.find((vote) => vote.paragraphId === paragraph.id && vote.status === 'closed');
    return {
      number: paragraph.number,
      caseNumber: paragraph.caseNumber,
      title: paragraph.title,
      titleFi: paragraph.titleFi,
      preparedIn: paragraph.preparedIn,
      decision: isDeclinedExtraMatter(paragraph, record.paragraphs) ? [NOT_TAKEN_UP_TEXT] : paragraph.decision,
      motions: input.motions.length > 0 ? describeMotions(input) : [],
      decisionProcedure: [
        ...(input.motions.length > 0 || input.propositions.some((proposition) => proposition.vote) ? describeDecisionProcedure(input) : []),
        ...this.electionProcedure(record, paragraph),
      ],
      vote: closedVote ? this.voteView(record, input, closedVote.id) : null,
      dissents: record.dissents.filter((row) => row.paragraphId === paragraph.id).map((row) => ({ name: personName(record, row.personId), party: this.party(record, row.personId), reasons: row.reasons })),
      notes: record.notes.filter((row) => row.paragraphId === paragraph.id).map((row) => ({ name: row.personId ? personName(record, row.personId) : null, party: row.personId ? this.party(record, row.personId) : null, text: row.text })),
      disqualifications: record.disqualifications
        .filter((row) => row.paragraphId === paragraph.id)
        .map((row) => ({ name: personName(record, row.personId), party: this.party(record, row.personId), substitute: row.substitutePersonId ? personWithParty(record, row.substitutePersonId) : null })),
      description: paragraph.description,
      reportedDecisions: paragraph.reportedDecisions,
      decisionBasis: paragraph.decisionBasis,
      distribution: paragraph.distribution.map((recipient) => recipient.name),
      approvedAtMeeting: paragraph.approvedAtMeeting,
    };
  }

  /** "ordförande" for whoever chaired; the vice chairs by their seat unless they chaired. */
  private presiding(record: MinutesRecord, row: MinutesRecord['attendees'][number]): string | null {
    if (!row.personId || (row.capacity !== 'member' && row.capacity !== 'serving_substitute')) return null;
    if (row.personId === record.minutes.chairPersonId) return 'ordförande';
    const position = record.members.find((seat) => seat.person.id === row.personId)?.position;
    return position === 'first_vice_chair' ? 'vice ordförande' : position === 'second_vice_chair' ? 'andre vice ordförande' : null;
  }

  private party(record: MinutesRecord, personId: string): string | null {
    return record.attendees.find((row) => row.personId === personId)?.party ?? record.people.get(personId)?.party ?? null;
  }

  private voteView(record: MinutesRecord, input: ProcedureInput, voteId: string): VoteView {
    const vote = record.votes.find((candidate) => candidate.id === voteId)!;
    const ballots = record.ballots.filter((ballot) => ballot.voteId === voteId);
    const tally = tallyVote(
      ballots.map((ballot) => ballot.choice),
      vote.castingVote,
    );
    const substitutes = new Set(record.attendees.filter((row) => row.capacity !== 'member').map((row) => row.personId));
    const chairName = record.minutes.chairPersonId ? personWithParty(record, record.minutes.chairPersonId) : 'Ordföranden';
    const winner = alternativeLabel(input, tally.result === 'yes' ? vote.yesAlternative : vote.noAlternative);
    const noun = input.organNoun.charAt(0).toUpperCase() + input.organNoun.slice(1);
    return {
      yesLabel: alternativeLabel(input, vote.yesAlternative),
      noLabel: alternativeLabel(input, vote.noAlternative),
      rows: ballots.map((ballot) => ({ name: personName(record, ballot.personId), party: this.party(record, ballot.personId), note: substitutes.has(ballot.personId) ? 'tjänstgörande ersättare' : null, choice: ballot.choice })),
      yes: tally.yes,
      no: tally.no,
      abstain: tally.abstain,
      castingVote: vote.castingVote ? `Ordföranden ${chairName} använder sin utslagsröst för ${vote.castingVote === 'yes' ? 'Ja' : 'Nej'}` : null,
      result: `${noun} har beslutat enligt ${winner}.`,
    };
  }

  /** The whole protokoll (or minnesanteckningar) as the renderer takes it. */
  view(record: MinutesRecord, municipalityName: string, posting: Posting | null, options: { paragraphs?: Paragraph[] } = {}): MinutesView {
    const { minutes, organ } = record;
    const paragraphs = options.paragraphs ?? record.paragraphs;
    const numbers = record.paragraphs.map((paragraph) => paragraph.number);
    const range = { first: Math.min(...numbers), last: Math.max(...numbers) };
    const line = (row: MinutesRecord['attendees'][number]): AttendeeLine => {
      const span = spanNote(row, range);
      const replaces = row.replacesPersonId ? `tjänstgörande ersättare för ${personWithParty(record, row.replacesPersonId)}` : null;
      return { name: row.name, party: row.party, title: row.title, note: [this.presiding(record, row), replaces, span].filter(Boolean).join(', ') || null };
    };
    const approvals = this.minutes(record).approvals.filter((approval) => approval.paragraphId === null && approval.valid);
    return {
      kind: minutes.kind,
      languages: organ.rules.languages,
      municipalityName,
      organName: organ.name,
      meetingDate: minutes.meetingDate,
      place: minutes.place,
      startTime: clock(minutes.startedAt),
      endTime: clock(minutes.endedAt),
      adjournments: minutes.adjournments,
      deciding: record.attendees.filter((row) => row.capacity === 'member' || row.capacity === 'serving_substitute').map(line),
      nonServingSubstitutes: record.attendees.filter((row) => row.capacity === 'substitute').map(line),
      officials: record.attendees.filter((row) => row.capacity === 'official').map(line),
      others: record.attendees.filter((row) => row.capacity === 'other').map(line),
      verifiers: minutes.verifierPersonIds.map((id) => personWithParty(record, id)),
      verificationPlaceAndTime:
        minutes.verificationPlace || minutes.verificationAt
          ? [minutes.verificationPlace, minutes.verificationAt ? `${swedishLongDate(swedishDate(minutes.verificationAt))} kl. ${clock(minutes.verificationAt)}` : null].filter(Boolean).join(', ')
          : null,
      paragraphRange: paragraphRange(paragraphs.map((paragraph) => paragraph.number)),
      signatures: {
        secretary: minutes.secretaryPersonId ? personName(record, minutes.secretaryPersonId) : null,
        chair: minutes.chairPersonId ? personName(record, minutes.chairPersonId) : null,
        verifiers: minutes.verifierPersonIds.map((id) => personName(record, id)),
      },
      approvals:
        minutes.status === 'verified'
          ? approvals.map((approval) => ({
              role: approval.role === 'chair' ? 'Ordförande' : 'Justerande',
              name: approval.name,
              approvedAt: approval.approvedAt.toISOString(),
              authentication: signerAuthentication(approval.authMethod, approval.authProviderName),
            }))
          : [],
      contentSha256: minutes.status === 'verified' ? minutes.contentSha256 : null,
      posting: minutes.kind === 'minutes' && posting ? this.postingView(record, posting) : null,
      paragraphs: paragraphs.map((paragraph) => this.paragraphView(record, paragraph)),
      draftNotice: minutes.status === 'draft' ? draftNotice(minutes.kind, organ.rules.languages) : null,
      personalDataNotice: minutes.containsPersonalData ? bilingual(LABEL_TERMS.personalDataNotice, withFinnish(organ.rules.languages)) : null,
    };
  }

  postingView(record: MinutesRecord, posting: Posting): PostingView {
    return {
      organName: posting.organName,
      meetingDate: posting.meetingDate,
      paragraphs: posting.paragraphs,
      postedOn: posting.postedOn,
      takenDownOn: posting.takenDownOn,
      lastAppealDay: appealDates(posting).lastAppealDay,
      storagePlace: posting.storagePlace,
      signedBy: record.minutes.secretaryPersonId ? personName(record, record.minutes.secretaryPersonId) : null,
    };
  }

  extractView(record: MinutesRecord, paragraph: Paragraph, municipalityName: string, posting: Posting | null, verifiedOn: string): MinutesExtractView {
    const approvers = requiredApprovers(record).map((approver) => personName(record, approver.personId));
    const names = approvers.length > 1 ? `${approvers.slice(0, -1).join(', ')} och ${approvers[approvers.length - 1]}` : (approvers[0] ?? '');
    return {
      languages: record.organ.rules.languages,
      municipalityName,
      organName: record.organ.name,
      meetingDate: record.minutes.meetingDate,
      paragraph: this.paragraphView(record, paragraph),
      verification: `${paragraph.approvedAtMeeting ? 'Omedelbart justerad' : 'Justerat'} ${swedishLongDate(verifiedOn)}${names ? ` av ${names}` : ''}`,
      posting: posting ? this.postingView(record, posting) : null,
      certifiedBy: record.minutes.secretaryPersonId ? personName(record, record.minutes.secretaryPersonId) : null,
    };
  }
}
