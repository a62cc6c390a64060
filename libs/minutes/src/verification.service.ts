import { Inject, Injectable } from '@nestjs/common';
import { AuditService, Clock, ConflictError, FILE_STORAGE, FileStorage, ForbiddenError, OUTBOX_KINDS, OutboxService, RequestContext, swedishDate, TenantRepository } from '@namndrum/core';
import { renderMinutes } from '@namndrum/documents';
import { ArchiveSubject, DelegatedDecisionService, documentArchiveWork, MatterService, PUBLIC_ACCESS } from '@namndrum/matters';
import { AgendaService, DeliveryService, MeetingService } from '@namndrum/meetings';
import { DateTime } from 'luxon';
import { isDeclinedExtraMatter, paragraphRange, reminderDay } from './domain';
import { ApproveDto, MinutesDto } from './dto/minutes.dto';
import { ParagraphDto } from './dto/paragraph.dto';
import { Minutes, MinutesApproval, Paragraph, Posting } from './entities';
import { assertDraft, assertParagraphOpen, lockDraftForWrite, lockMinutes, minutesContentSha256, MinutesReader, MinutesRecord, paragraphContentSha256, personName } from './minutes-record';
import { MinutesDocumentService } from './minutes-document.service';
import { MinutesPresenter, RequiredApprover, requiredApprovers } from './minutes.presenter';
import { PostingService } from './posting.service';

export const minutesReminderKey = (minutesId: string) => `minutes-reminder:${minutesId}`;

/** Published on the notice board only where the organ publishes minutes, and not when they hold personal data the rules keep off the web. */
export function mayPublishMinutes(record: MinutesRecord): boolean {
  const { rules } = record.organ;
  return rules.publishMinutes && (!record.minutes.containsPersonalData || rules.publishMinutesWithPersonalData);
}

/**
 * Justering: the chair and the verifiers approve electronically, each approval bound to the sha256 of
 * the exact content read. When every approval holds for the same content the minutes are locked for
 * ever, posted on the notice board, their extracts sent and the matters' histories written. An
 * omedelbar justering does the same for one paragraph at the meeting.
 */
@Injectable()
export class VerificationService {
  constructor(
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly reader: MinutesReader,
    private readonly presenter: MinutesPresenter,
    private readonly postings: PostingService,
    private readonly deliveries: DeliveryService,
    private readonly outbox: OutboxService,
    private readonly meetings: MeetingService,
    private readonly matters: MatterService,
    private readonly agenda: AgendaService,
    private readonly documents: MinutesDocumentService,
    private readonly delegatedDecisions: DelegatedDecisionService,
    @Inject(FILE_STORAGE) private readonly files: FileStorage,
  ) {}

  /**
   * The reminder to the chair and verifiers who have not approved by two working days before the
   * deadline, at 08:00; scheduled when the minutes are opened, withdrawn when they are verified.
   */
  async scheduleReminder(ctx: RequestContext, minutes: Minutes): Promise<void> {
    const remindAt = DateTime.fromISO(`${reminderDay(minutes.verificationDeadline)}T08:00`, { zone: 'Europe/Stockholm' }).toJSDate();
    if (minutes.kind !== 'minutes' || remindAt <= this.clock.now()) return;
    await this.outbox.schedule(ctx, [{ kind: OUTBOX_KINDS.minutesReminder, idempotencyKey: minutesReminderKey(minutes.id), runAt: remindAt, payload: { minutesId: minutes.id } }]);
  }

  /** Sends the draft to the chair and verifiers who have not approved its current content. */
  async requestReview(ctx: RequestContext, minutesId: string): Promise<MinutesDto> {
    const minutes = await lockDraftForWrite(ctx, minutesId);
    const record = await this.reader.read(ctx, minutes);
    this.assertReadyForApproval(record);
    if (minutes.kind === 'minutes' && (!minutes.verificationPlace || !minutes.verificationAt)) {
      throw new ConflictError('VERIFICATION_TIME_MISSING', 'Justeringens plats och tid beslutas vid sammanträdet: ange dem innan protokollet skickas för justering');
    }
    const sha = minutesContentSha256(record);
    const pending = requiredApprovers(record).filter((approver) => !this.hasApproved(record, approver, sha));
    await this.deliveries.queue(
      ctx,
      pending.map((approver) => ({
        meetingId: minutes.meetingId,
        purpose: 'minutes_review' as const,
        noticeId: null,
        substituteCallId: null,
        subjectId: minutes.id,
        recipient: {
          key: `person:${approver.personId}:${sha.slice(0, 16)}`,
          personId: approver.personId,
          name: personName(record, approver.personId),
          email: record.people.get(approver.personId)?.email ?? null,
          role: approver.role,
        },
      })),
    );
    await this.audit.record(ctx, { action: 'request_review', entityType: 'Minutes', entityId: minutes.id, after: { contentSha256: sha, recipients: pending } });
    return this.presenter.minutes(record);
  }

  async approve(ctx: RequestContext, minutesId: string, dto: ApproveDto): Promise<MinutesDto> {
    const minutes = await lockMinutes(ctx, minutesId);
    if (minutes.kind !== 'minutes') throw new ConflictError('NOTES_NOT_VERIFIED', 'Minnesanteckningar justeras inte');
    assertDraft(minutes);
    const record = await this.reader.read(ctx, minutes);
    const approver = this.approverOf(ctx, record);
    this.assertReadyForApproval(record);
    const sha = minutesContentSha256(record);
    this.assertSameContent(dto.contentSha256, sha);
    if (this.hasApproved(record, approver, sha)) throw new ConflictError('ALREADY_APPROVED', 'Du har redan justerat protokollet i denna lydelse');
    const approval = await this.saveApproval(ctx, record, approver, sha, null);
    record.approvals.push(approval);
    if (requiredApprovers(record).every((required) => this.hasApproved(record, required, sha))) await this.lock(ctx, record, sha);
    return this.presenter.minutes(await this.reader.read(ctx, await new TenantRepository(ctx, Minutes, 'Protokollet').get(minutesId)));
  }

  /** Omedelbar justering: the chair and verifiers approve one decided paragraph at the meeting; it is locked and posted at once. */
  async approveParagraph(ctx: RequestContext, paragraphId: string, dto: ApproveDto): Promise<ParagraphDto> {
    const found = await new TenantRepository(ctx, Paragraph, 'Paragrafen').get(paragraphId);
    const minutes = await lockMinutes(ctx, found.minutesId);
    if (minutes.kind !== 'minutes') throw new ConflictError('NOTES_NOT_VERIFIED', 'Minnesanteckningar justeras inte');
    assertDraft(minutes);
    const record = await this.reader.read(ctx, minutes);
    const paragraph = record.paragraphs.find((candidate) => candidate.id === paragraphId)!;
    assertParagraphOpen(paragraph);
    const approver = this.approverOf(ctx, record);
    this.assertVerifiersChosen(record);
    if (paragraph.status !== 'decided') throw new ConflictError('PARAGRAPH_UNDECIDED', `§ ${paragraph.number} är inte beslutad och kan inte justeras`);
    const sha = paragraphContentSha256(record, paragraph);
    this.assertSameContent(dto.contentSha256, sha);
    if (record.approvals.some((approval) => approval.paragraphId === paragraphId && approval.personId === approver.personId && approval.contentSha256 === sha)) {
      throw new ConflictError('ALREADY_APPROVED', `Du har redan justerat § ${paragraph.number} i denna lydelse`);
    }
    const approval = await this.saveApproval(ctx, record, approver, sha, paragraph);
    record.approvals.push(approval);
    const complete = requiredApprovers(record).every((required) =>
      record.approvals.some((candidate) => candidate.paragraphId === paragraphId && candidate.personId === required.personId && candidate.contentSha256 === sha),
    );
    if (complete) {
      const now = this.clock.now();
      Object.assign(paragraph, { approvedAtMeeting: true, lockedAt: now, contentSha256: sha });
      await new TenantRepository(ctx, Paragraph, 'Paragrafen').save(paragraph);
      const verifiedOn = swedishDate(now);
      const posting = record.organ.rules.postMinutesOnNoticeBoard
        ? await this.postings.create(ctx, { minutes, organName: record.organ.name, paragraph, paragraphs: paragraphRange([paragraph.number]), verifiedOn, fileSha256: null })
        : null;
      if (posting && mayPublishMinutes(record) && !paragraph.notPublished) {
        // The paragraph's own posting publishes its extract: the rest of the minutes is not verified yet.
        // Published: a secret matter's paragraph is masked whatever the secretary decided about publishing it.
        posting.fileSha256 = await this.files.put((await this.documents.extract(ctx, record, paragraph.id, PUBLIC_ACCESS)).content);
        await new TenantRepository(ctx, Posting, 'Anslaget').save(posting);
      }
      await this.afterVerification(ctx, record, [paragraph], posting, verifiedOn);
      await this.scheduleArchive(ctx, [{ kind: 'extract', id: paragraph.id }, ...(posting?.fileSha256 ? [{ kind: 'posting' as const, id: posting.id }] : [])]);
      await this.audit.record(ctx, { action: 'verify_paragraph', entityType: 'Paragraph', entityId: paragraphId, after: { contentSha256: sha, postingId: posting?.id ?? null } });
    }
    const fresh = await this.reader.read(ctx, minutes);
    return this.presenter.paragraph(fresh, fresh.paragraphs.find((candidate) => candidate.id === paragraphId)!);
  }

  /** Minnesanteckningar are not verified: the secretary completes them, and they are then locked like verified minutes. */
  async complete(ctx: RequestContext, minutesId: string): Promise<MinutesDto> {
    const minutes = await lockDraftForWrite(ctx, minutesId);
    if (minutes.kind !== 'notes') throw new ConflictError('MINUTES_NEED_VERIFICATION', 'Ett protokoll färdigställs genom justering av ordföranden och justerarna');
    const record = await this.reader.read(ctx, minutes);
    const open = record.paragraphs.filter((paragraph) => paragraph.status !== 'decided').map((paragraph) => paragraph.number);
    if (open.length > 0) throw new ConflictError('PARAGRAPHS_UNDECIDED', `Alla punkter måste vara avslutade först (saknas: § ${open.join(', ')})`);
    const sha = minutesContentSha256(record);
    Object.assign(minutes, { status: 'completed', lockedAt: this.clock.now(), contentSha256: sha });
    minutes.fileSha256 = await this.files.put(await renderMinutes(this.presenter.view(record, await this.documents.municipalityName(ctx), null)));
    await new TenantRepository(ctx, Minutes, 'Protokollet').save(minutes);
    await this.delegatedDecisions.markReported(ctx, record.paragraphs.map((paragraph) => paragraph.id), minutes.lockedAt!);
    await this.audit.record(ctx, { action: 'complete', entityType: 'Minutes', entityId: minutes.id, after: { contentSha256: sha, fileSha256: minutes.fileSha256 } });
    return this.presenter.minutes(await this.reader.read(ctx, minutes));
  }

  private async lock(ctx: RequestContext, record: MinutesRecord, sha: string): Promise<void> {
    const { minutes, organ } = record;
    const now = this.clock.now();
    const verifiedOn = swedishDate(now);
    Object.assign(minutes, { status: 'verified', lockedAt: now, contentSha256: sha });
    const municipalityName = await this.documents.municipalityName(ctx);
    // Only decided paragraphs reach the matters and the extracts: a declined extra matter decided nothing.
    const unlocked = record.paragraphs.filter((paragraph) => paragraph.lockedAt === null && paragraph.status === 'decided');
    let posting: Posting | null = null;
    if (organ.rules.postMinutesOnNoticeBoard) {
      const published = record.paragraphs.filter((paragraph) => !paragraph.notPublished);
      posting = await this.postings.create(ctx, { minutes, organName: organ.name, paragraph: null, paragraphs: paragraphRange(record.paragraphs.map((paragraph) => paragraph.number)), verifiedOn, fileSha256: null });
      if (mayPublishMinutes(record) && published.length > 0) {
        // The published file carries the posting's own dates in its ANSLAG/BEVIS box, so it is rendered once the posting exists.
        posting.fileSha256 = await this.files.put(await this.documents.publishedMinutes(ctx, record, posting));
        await new TenantRepository(ctx, Posting, 'Anslaget').save(posting);
      }
    }
    minutes.fileSha256 = await this.files.put(await renderMinutes(this.presenter.view(record, municipalityName, posting)));
    await new TenantRepository(ctx, Minutes, 'Protokollet').save(minutes);
    await this.meetings.markMinutesVerified(ctx, minutes.meetingId);
    await this.outbox.cancel(ctx, [minutesReminderKey(minutes.id)]);
    await this.afterVerification(ctx, record, unlocked, posting, verifiedOn);
    await this.scheduleArchive(ctx, [
      { kind: 'minutes', id: minutes.id },
      ...unlocked.map((paragraph) => ({ kind: 'extract' as const, id: paragraph.id })),
      ...(posting?.fileSha256 ? [{ kind: 'posting' as const, id: posting.id }] : []),
    ]);
    await this.audit.record(ctx, { action: 'verify', entityType: 'Minutes', entityId: minutes.id, after: { contentSha256: sha, fileSha256: minutes.fileSha256, postingId: posting?.id ?? null } });
  }

  /** Each matter's history and status, an utskott's decisions as the proposals of its nämnd, and the extracts to the decisions' recipients. */
  private async afterVerification(ctx: RequestContext, record: MinutesRecord, paragraphs: Paragraph[], posting: Posting | null, verifiedOn: string): Promise<void> {
    const { minutes, organ } = record;
    await this.delegatedDecisions.markReported(ctx, paragraphs.map((paragraph) => paragraph.id), this.clock.now());
    for (const paragraph of paragraphs.filter((candidate) => candidate.agendaItemId !== null && candidate.outcome === 'decided')) {
      await this.agenda.adoptPreparedProposal(ctx, paragraph.agendaItemId!, paragraph.decision);
    }
    for (const paragraph of paragraphs.filter((candidate) => candidate.matterId !== null)) {
      const verb = paragraph.outcome === 'referred_back' ? 'Återremitterat' : paragraph.outcome === 'postponed' ? 'Bordlagt' : 'Beslutat';
      await this.matters.recordDecision(ctx, paragraph.matterId!, {
        organId: organ.id,
        outcome: paragraph.outcome ?? 'decided',
        summary: `${verb} i ${organ.name} ${minutes.meetingDate} § ${paragraph.number}`,
        data: { minutesId: minutes.id, paragraphId: paragraph.id, paragraphNumber: paragraph.number, meetingDate: minutes.meetingDate, verifiedOn, decision: paragraph.decision, postingId: posting?.id ?? null },
      });
    }
    await this.deliveries.queue(
      ctx,
      paragraphs.flatMap((paragraph) =>
        paragraph.distribution.map((recipient) => ({
          meetingId: minutes.meetingId,
          purpose: 'minutes_extract' as const,
          noticeId: null,
          substituteCallId: null,
          subjectId: paragraph.id,
          recipient: { key: recipient.email ? `email:${recipient.email}` : `name:${recipient.name}`, personId: null, name: recipient.name, email: recipient.email, role: 'distribution' },
        })),
      ),
    );
  }

  /** The PDF/A copies for the archive, made by the worker once the verification has committed. */
  private async scheduleArchive(ctx: RequestContext, subjects: ArchiveSubject[]): Promise<void> {
    await this.outbox.schedule(ctx, subjects.map((subject) => documentArchiveWork(subject, this.clock.now())));
  }

  private approverOf(ctx: RequestContext, record: MinutesRecord): RequiredApprover {
    const personId = ctx.actor?.personId;
    const approver = personId ? requiredApprovers(record).find((candidate) => candidate.personId === personId) : undefined;
    if (!approver) throw new ForbiddenError('Bara ordföranden och de utsedda justerarna kan justera protokollet');
    return approver;
  }

  private assertVerifiersChosen(record: MinutesRecord): void {
    const { rules } = record.organ;
    if (!record.minutes.chairPersonId) throw new ConflictError('CHAIR_MISSING', 'Ange vem som var ordförande innan protokollet justeras');
    if (rules.verification === 'chair_and_verifiers' && record.minutes.verifierPersonIds.length !== rules.verifierCount) {
      throw new ConflictError('VERIFIERS_MISSING', 'Justerare har inte utsetts: välj dem under ”Val av justerande”');
    }
  }

  private assertReadyForApproval(record: MinutesRecord): void {
    this.assertVerifiersChosen(record);
    // An extra matter the meeting declined to take up stays undecided: it has nothing to verify.
    const open = record.paragraphs
      .filter((paragraph) => paragraph.status !== 'decided' && !isDeclinedExtraMatter(paragraph, record.paragraphs))
      .map((paragraph) => paragraph.number);
    if (open.length > 0) throw new ConflictError('PARAGRAPHS_UNDECIDED', `Alla paragrafer måste vara beslutade innan protokollet justeras (obeslutade: § ${open.join(', ')})`);
  }

  private assertSameContent(approved: string, current: string): void {
    if (approved !== current) {
      throw new ConflictError('CONTENT_CHANGED', 'Protokollet har ändrats sedan du läste det; läs den aktuella lydelsen och justera den');
    }
  }

  private hasApproved(record: MinutesRecord, approver: RequiredApprover, sha: string): boolean {
    return record.approvals.some((approval) => approval.paragraphId === null && approval.personId === approver.personId && approval.contentSha256 === sha);
  }

  private async saveApproval(ctx: RequestContext, record: MinutesRecord, approver: RequiredApprover, sha: string, paragraph: Paragraph | null): Promise<MinutesApproval> {
    const repo = new TenantRepository(ctx, MinutesApproval, 'Justeringen');
    const approval = await repo.save(
      repo.create({
        minutesId: record.minutes.id,
        paragraphId: paragraph?.id ?? null,
        personId: approver.personId,
        userId: ctx.actorUserId!,
        role: approver.role,
        contentSha256: sha,
        approvedAt: this.clock.now(),
        // How the approver signed in: the signing record of the archival copy says it.
        authMethod: ctx.actor!.authentication.method,
        authProviderName: ctx.actor!.authentication.providerName,
      }),
    );
    await this.audit.record(ctx, { action: paragraph ? 'approve_paragraph' : 'approve', entityType: 'Minutes', entityId: record.minutes.id, after: approval });
    return approval;
  }
}
