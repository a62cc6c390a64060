import { Inject, Injectable } from '@nestjs/common';
import {
  AuditService,
  Authentication,
  ConflictError,
  FILE_STORAGE,
  FileStorage,
  StoredFileStream,
  ForbiddenError,
  InvalidInputError,
  Municipality,
  NotFoundError,
  OutboxService,
  RequestContext,
  swedishDate,
  TenantRepository,
} from '@namndrum/core';
import { DOCX_MEDIA_TYPE, OfficerReportView, renderOfficerReport, signerAuthentication, SigningRecord } from '@namndrum/documents';
import { ArchivalCopy, archivalFileName, documentArchiveWork } from './archival-pdf';
import { DepartmentService, OrganService, PersonService } from '@namndrum/organisation';
import { canPerform, OfficerReportAction, OfficerReportContent, reportContentHash } from './domain/report-workflow';
import { DraftOfficerReportDto, ReturnOfficerReportDto } from './dto/officer-report.dto';
import { DocumentService } from './document.service';
import { Document } from './entities/document.entity';
import { Matter } from './entities/matter.entity';
import { OfficerReport } from './entities/officer-report.entity';
import { MatterSecrecyService } from './matter-secrecy.service';
import { MatterService } from './matter.service';
import { requireReference } from './reference';


/** How a secret document is named where readers without access see it: by its number, never by its title or description. */
export function secretDocumentName(document: Pick<Document, 'documentNumber'>): string {
  return `Handling ${document.documentNumber} (sekretess)`;
}

function signedReportFileName(matter: Matter, report: OfficerReport): string {
  return `Tjänsteskrivelse ${matter.caseNumber.replace(/[/ ]/g, '-')} v${report.version}.docx`;
}

const REFUSALS: Record<OfficerReportAction, Record<string, string>> = {
  edit: {
    signed: 'Tjänsteskrivelsen är signerad och kan inte ändras. Skapa en ny version för att göra ändringar.',
    submitted: 'Tjänsteskrivelsen granskas av förvaltningschefen och kan inte ändras förrän den har återsänts.',
  },
  submit: { signed: 'Tjänsteskrivelsen är redan signerad.', submitted: 'Tjänsteskrivelsen är redan inskickad för granskning.' },
  approve: { signed: 'Tjänsteskrivelsen är redan signerad.', draft: 'Tjänsteskrivelsen måste skickas in för granskning innan den kan signeras.', returned: 'Tjänsteskrivelsen har återsänts och måste skickas in igen innan den kan signeras.' },
  return: { signed: 'En signerad tjänsteskrivelse kan inte återsändas.', draft: 'Bara en inskickad tjänsteskrivelse kan återsändas.', returned: 'Tjänsteskrivelsen är redan återsänd.' },
};

@Injectable()
export class OfficerReportService {
  constructor(
    private readonly audit: AuditService,
    private readonly matters: MatterService,
    private readonly documents: DocumentService,
    private readonly organs: OrganService,
    private readonly departments: DepartmentService,
    private readonly persons: PersonService,
    private readonly secrecy: MatterSecrecyService,
    private readonly outbox: OutboxService,
    @Inject(FILE_STORAGE) private readonly files: FileStorage,
  ) {}

  private reports(ctx: RequestContext): TenantRepository<OfficerReport> {
    return new TenantRepository(ctx, OfficerReport, 'Tjänsteskrivelsen');
  }

  /** The versions of the matter's tjänsteskrivelse; none for a reader without access when it is registered as secret. */
  async listForMatter(ctx: RequestContext, matterId: string): Promise<OfficerReport[]> {
    const matter = await this.matters.get(ctx, matterId);
    if (!(await this.secrecy.reportReadable(ctx, matter.id))) return [];
    return this.reports(ctx).find({ matterId: matter.id }, { order: { version: 'ASC' } });
  }

  /** A version the reader may read: a secret matter's, or one registered as a secret document, is missing to those without access. */
  async get(ctx: RequestContext, id: string): Promise<OfficerReport> {
    const report = await this.reports(ctx).get(id);
    await this.matters.get(ctx, report.matterId);
    if (!(await this.secrecy.reportReadable(ctx, report.matterId))) throw new NotFoundError('Tjänsteskrivelsen');
    return report;
  }

  /** The version that may go on an agenda: the latest signed one, whose content still matches its signature. */
  async latestSigned(ctx: RequestContext, matterId: string): Promise<OfficerReport | null> {
    const matter = await this.matters.get(ctx, matterId);
    if (!(await this.secrecy.reportReadable(ctx, matter.id))) throw new NotFoundError('Tjänsteskrivelsen');
    const [report] = await this.reports(ctx).find({ matterId: matter.id, status: 'signed' }, { order: { version: 'DESC' }, take: 1 });
    if (!report) return null;
    if (report.contentSha256 !== this.hashOf(matter, report)) {
      throw new ConflictError('SIGNATURE_MISMATCH', `Tjänsteskrivelsen i ärende ${matter.caseNumber} stämmer inte med sin signatur`);
    }
    return report;
  }

  async draft(ctx: RequestContext, matterId: string, dto: DraftOfficerReportDto): Promise<OfficerReport> {
    const matter = await this.matters.get(ctx, matterId);
    this.matters.assertOpen(matter);
    this.assertMayWrite(ctx, matter);
    const existing = await this.reports(ctx).find({ matterId: matter.id }, { order: { version: 'DESC' } });
    const open = existing.find((report) => report.status !== 'signed');
    if (open) {
      throw new ConflictError('REPORT_VERSION_OPEN', `Ärendet har redan en tjänsteskrivelse under arbete (version ${open.version})`);
    }
    const repo = this.reports(ctx);
    const report = repo.create({
      matterId: matter.id,
      version: (existing[0]?.version ?? 0) + 1,
      status: 'draft',
      departmentId: matter.departmentId,
      authorUserId: ctx.actorUserId,
    });
    await this.applyDraft(ctx, matter, report, dto);
    const saved = await repo.save(report);
    await this.matters.recordEvent(ctx, matter, 'report_drafted', `Tjänsteskrivelse version ${saved.version} påbörjades`, { reportId: saved.id, version: saved.version });
    await this.matters.advance(ctx, matter, 'in_preparation');
    await this.audit.record(ctx, { action: 'draft', entityType: 'OfficerReport', entityId: saved.id, after: saved });
    return saved;
  }

  async update(ctx: RequestContext, id: string, dto: DraftOfficerReportDto): Promise<OfficerReport> {
    const { report, matter } = await this.forAction(ctx, id, 'edit');
    this.assertMayWrite(ctx, matter);
    const before = structuredClone(report);
    await this.applyDraft(ctx, matter, report, dto);
    const saved = await this.reports(ctx).save(report);
    await this.audit.record(ctx, { action: 'update', entityType: 'OfficerReport', entityId: id, before, after: saved });
    return saved;
  }

  /** A new version of a signed report, to change it; it needs a signature of its own. */
  async revise(ctx: RequestContext, id: string): Promise<OfficerReport> {
    const source = await this.get(ctx, id);
    const matter = await this.matters.get(ctx, source.matterId);
    if (source.status !== 'signed') {
      throw new ConflictError('REPORT_NOT_SIGNED', 'Bara en signerad tjänsteskrivelse får en ny version; ändra utkastet direkt.');
    }
    return this.draft(ctx, matter.id, {
      ...structuredClone(source.content),
      organId: source.organId,
      caseOfficerId: source.caseOfficerId,
      attachmentDocumentIds: source.attachmentDocumentIds,
    });
  }

  async submit(ctx: RequestContext, id: string): Promise<OfficerReport> {
    const { report, matter } = await this.forAction(ctx, id, 'submit');
    this.assertMayWrite(ctx, matter);
    const before = { ...report };
    Object.assign(report, { status: 'submitted', submittedAt: new Date(), returnComment: null });
    const saved = await this.reports(ctx).save(report);
    await this.matters.recordEvent(ctx, matter, 'report_submitted', `Tjänsteskrivelse version ${report.version} skickades till förvaltningschefen för granskning`, { reportId: id });
    await this.audit.record(ctx, { action: 'submit', entityType: 'OfficerReport', entityId: id, before, after: saved });
    return saved;
  }

  async return(ctx: RequestContext, id: string, dto: ReturnOfficerReportDto): Promise<OfficerReport> {
    const { report, matter } = await this.forAction(ctx, id, 'return');
    this.assertDepartmentHead(ctx, report);
    const before = { ...report };
    Object.assign(report, { status: 'returned', returnedAt: new Date(), returnComment: dto.comment });
    const saved = await this.reports(ctx).save(report);
    await this.matters.recordEvent(ctx, matter, 'report_returned', `Tjänsteskrivelse version ${report.version} återsändes: ${dto.comment}`, { reportId: id });
    await this.audit.record(ctx, { action: 'return', entityType: 'OfficerReport', entityId: id, before, after: saved });
    return saved;
  }

  /**
   * The förvaltningschef's signature: who, when, and the sha256 of exactly what was approved. The
   * signed DOCX is registered as a document of the matter at the same moment. How the signer signed
   * in is recorded with the signature, in the same write that signs: a signed row never changes.
   */
  async approve(ctx: RequestContext, id: string, options: { signedAt?: Date; authentication?: Authentication | null } = {}): Promise<OfficerReport> {
    const { report, matter } = await this.forAction(ctx, id, 'approve');
    this.assertDepartmentHead(ctx, report);
    const signer = ctx.actor?.personId ? await this.persons.get(ctx, ctx.actor.personId) : null;
    if (!signer) {
      throw new ForbiddenError('Ditt konto är inte kopplat till en person i organisationen och kan därför inte signera');
    }
    const before = { ...report };
    // An earlier time only when importing signed history (the seed); the API always signs now.
    const signedAt = options.signedAt ?? new Date();
    // Imported history may say it does not know how the signer signed in (null).
    const authentication = options.authentication === undefined ? ctx.actor!.authentication : options.authentication;
    Object.assign(report, {
      signedAt,
      signedByUserId: ctx.actorUserId,
      signedByPersonId: signer.id,
      signedByName: `${signer.firstName} ${signer.lastName}`,
      signedByTitle: signer.title ?? 'Förvaltningschef',
      signedAuthMethod: authentication?.method ?? null,
      signedAuthProviderName: authentication?.providerName ?? null,
      contentSha256: this.hashOf(matter, report),
    });
    const view = await this.viewOf(ctx, matter, report);
    const content = await renderOfficerReport(view);
    const document = await this.documents.registerGenerated(ctx, matter.id, {
      kind: 'officer_report',
      content,
      fileName: signedReportFileName(matter, report),
      mediaType: DOCX_MEDIA_TYPE,
      title: report.content.title,
      description: `Tjänsteskrivelse${report.version > 1 ? ` version ${report.version}` : ''} till ${view.organName}, signerad av ${report.signedByName}`,
      documentDate: swedishDate(signedAt),
      extractedText: null,
    });
    report.status = 'signed';
    report.documentId = document.id;
    const saved = await this.reports(ctx).save(report);
    await this.matters.recordEvent(ctx, matter, 'report_signed', `Tjänsteskrivelse version ${report.version} signerades av ${report.signedByName}`, {
      reportId: id,
      documentId: document.id,
      contentSha256: report.contentSha256,
    });
    await this.matters.advance(ctx, matter, 'ready_for_decision');
    await this.outbox.schedule(ctx, [documentArchiveWork({ kind: 'officer_report', id }, new Date())]);
    await this.audit.record(ctx, { action: 'approve', entityType: 'OfficerReport', entityId: id, before, after: saved });
    return saved;
  }

  /** The DOCX: the signed file as registered, or a draft rendered now and marked as such. */
  async docx(ctx: RequestContext, id: string): Promise<{ fileName: string; content: Buffer | StoredFileStream }> {
    const report = await this.get(ctx, id);
    const matter = await this.matters.get(ctx, report.matterId);
    if (report.status === 'signed' && report.documentId) {
      const { document, content } = await this.documents.openContent(ctx, report.documentId);
      return { fileName: document.fileName, content };
    }
    const content = await renderOfficerReport(await this.viewOf(ctx, matter, report));
    return { fileName: `Tjänsteskrivelse ${matter.caseNumber.replace(/[/ ]/g, '-')} v${report.version} utkast.docx`, content };
  }

  /** The signed version for the archive: rendered as signed, ending with its signing record, which its metadata carries too. */
  async archivalCopy(ctx: RequestContext, id: string): Promise<ArchivalCopy> {
    const report = await this.reports(ctx).get(id);
    if (report.status !== 'signed') throw new ConflictError('REPORT_NOT_SIGNED', 'Tjänsteskrivelsen är inte signerad');
    const matter = await this.matters.get(ctx, report.matterId);
    const record: SigningRecord = {
      signatures: [
        {
          name: report.signedByName!,
          role: report.signedByTitle ?? 'Förvaltningschef',
          signedAt: report.signedAt!.toISOString(),
          authentication: signerAuthentication(report.signedAuthMethod, report.signedAuthProviderName),
        },
      ],
      contentSha256: report.contentSha256!,
    };
    return {
      fileName: signedReportFileName(matter, report),
      docx: await renderOfficerReport(await this.viewOf(ctx, matter, report), { signingRecord: record }),
    };
  }

  /** Records the archival PDF of a signed version, once: the row is otherwise immutable, and the database allows this one write. */
  async recordArchivalPdf(ctx: RequestContext, id: string, pdfSha256: string): Promise<void> {
    await ctx.em.query(`UPDATE officer_reports SET archival_pdf_sha256 = $3 WHERE id = $1 AND municipality_id = $2 AND archival_pdf_sha256 IS NULL`, [id, ctx.municipalityId, pdfSha256]);
  }

  /** The PDF/A of a signed version as the archive keeps it; 409 until it is signed and the worker has made it. */
  async archivalPdf(ctx: RequestContext, id: string): Promise<{ fileName: string; content: StoredFileStream }> {
    const report = await this.get(ctx, id);
    if (report.status !== 'signed') throw new ConflictError('REPORT_NOT_SIGNED', 'Tjänsteskrivelsen är inte signerad; bara en signerad tjänsteskrivelse arkiveras som PDF/A');
    if (!report.archivalPdfSha256) throw new ConflictError('NOT_ARCHIVED_YET', 'Arkivexemplaret (PDF/A) av tjänsteskrivelsen görs just nu; försök igen om en stund');
    const matter = await this.matters.get(ctx, report.matterId);
    return {
      fileName: archivalFileName(signedReportFileName(matter, report)),
      content: await this.files.openReadStream(report.archivalPdfSha256),
    };
  }

  /**
   * A signed report as it goes into a notice: its view and its attachments. `secret` when the matter
   * is secret or the report is registered as a secret document: then it is only named, never laid in.
   */
  async agendaView(ctx: RequestContext, reportId: string): Promise<{ view: OfficerReportView; attachments: Document[]; secret: boolean }> {
    const report = await this.get(ctx, reportId);
    const matter = await this.matters.get(ctx, report.matterId);
    const attachments = await this.documents.requireOfMatter(ctx, matter, report.attachmentDocumentIds);
    const secret = !(await this.secrecy.readings(ctx, [matter.id], this.secrecy.publicAccess)).get(matter.id)!.contentReadable;
    return { view: await this.viewOf(ctx, matter, report), attachments, secret };
  }

  private async forAction(ctx: RequestContext, id: string, action: OfficerReportAction): Promise<{ report: OfficerReport; matter: Matter }> {
    const report = await this.get(ctx, id);
    if (!canPerform(report.status, action)) {
      throw new ConflictError('REPORT_STATE', REFUSALS[action][report.status] ?? 'Åtgärden är inte möjlig för tjänsteskrivelsen i dess nuvarande läge');
    }
    const matter = await this.matters.get(ctx, report.matterId);
    this.matters.assertOpen(matter);
    return { report, matter };
  }

  private async applyDraft(ctx: RequestContext, matter: Matter, report: OfficerReport, dto: DraftOfficerReportDto): Promise<void> {
    const organId = dto.organId ?? report.organId ?? matter.organId;
    if (!organId) {
      throw new InvalidInputError('REPORT_ORGAN_MISSING', 'Ange vilket organ tjänsteskrivelsen ställs till', [{ field: 'organId', messages: ['organId is required'] }]);
    }
    await requireReference(this.organs.get(ctx, organId), 'organId', 'Organet finns inte');
    const caseOfficerId = dto.caseOfficerId !== undefined ? dto.caseOfficerId : (report.caseOfficerId ?? matter.caseOfficerId);
    if (caseOfficerId) await requireReference(this.persons.get(ctx, caseOfficerId), 'caseOfficerId', 'Handläggaren finns inte');
    const attachments = await this.documents.requireOfMatter(ctx, matter, dto.attachmentDocumentIds ?? report.attachmentDocumentIds ?? []);
    const content: OfficerReportContent = {
      title: dto.title,
      proposedDecision: dto.proposedDecision.map((point) => point.trim()).filter((point) => point.length > 0),
      summary: dto.summary?.trim() || null,
      description: dto.description,
      financialConsequences: dto.financialConsequences?.trim() || null,
      sections: (dto.sections ?? []).map((section) => ({ heading: section.heading, body: section.body })),
      decisionRecipients: (dto.decisionRecipients ?? []).map((recipient) => recipient.trim()).filter((recipient) => recipient.length > 0),
    };
    Object.assign(report, { organId, caseOfficerId, content, attachmentDocumentIds: attachments.map((document) => document.id) });
  }

  private hashOf(matter: Matter, report: OfficerReport): string {
    return reportContentHash({
      matterId: matter.id,
      caseNumber: matter.caseNumber,
      version: report.version,
      organId: report.organId,
      caseOfficerId: report.caseOfficerId,
      attachmentDocumentIds: report.attachmentDocumentIds,
      content: report.content,
    });
  }

  /** Case officers and department heads write reports of their own department's matters. */
  private assertMayWrite(ctx: RequestContext, matter: Matter): void {
    const actor = ctx.actor;
    if (actor === null) return;
    const allowed = actor.grants.some((grant) => (grant.role === 'case_officer' || grant.role === 'department_head') && grant.departmentId !== null && grant.departmentId === matter.departmentId);
    if (!allowed) {
      throw new ForbiddenError('Bara handläggare och förvaltningschef på den förvaltning som handlägger ärendet kan skriva dess tjänsteskrivelse');
    }
  }

  private assertDepartmentHead(ctx: RequestContext, report: OfficerReport): void {
    const actor = ctx.actor;
    const isHead = actor !== null && actor.grants.some((grant) => grant.role === 'department_head' && grant.departmentId !== null && grant.departmentId === report.departmentId);
    if (!isHead) {
      throw new ForbiddenError('Bara förvaltningschefen för den förvaltning som handlägger ärendet kan signera eller återsända tjänsteskrivelsen');
    }
  }

  private async viewOf(ctx: RequestContext, matter: Matter, report: OfficerReport): Promise<OfficerReportView> {
    const municipality = await ctx.em.getRepository(Municipality).findOneByOrFail({ id: ctx.municipalityId });
    const department = report.departmentId ? await this.departments.get(ctx, report.departmentId) : null;
    const organ = await this.organs.get(ctx, report.organId);
    const officer = report.caseOfficerId ? await this.persons.get(ctx, report.caseOfficerId) : null;
    const attachments = await this.documents.requireOfMatter(ctx, matter, report.attachmentDocumentIds);
    return {
      municipalityName: municipality.name,
      departmentName: department?.name ?? '',
      date: report.signedAt ? swedishDate(report.signedAt) : swedishDate(),
      caseNumber: matter.caseNumber,
      caseOfficer: officer
        ? { name: `${officer.firstName} ${officer.lastName}`, title: officer.title, phone: officer.phone, email: officer.email }
        : { name: '', title: null, phone: null, email: null },
      organName: organ.name,
      title: report.content.title,
      proposedDecision: report.content.proposedDecision,
      summary: report.content.summary,
      description: report.content.description,
      financialConsequences: report.content.financialConsequences,
      sections: report.content.sections,
      // A secret bilaga is named by its number: the report is read (and laid into notices and minutes) by those without access to it.
      attachments: attachments.map((document) => (document.secret ? secretDocumentName(document) : (document.title ?? document.description))),
      decisionRecipients: report.content.decisionRecipients,
      signature: report.signedByName ? { name: report.signedByName, title: report.signedByTitle ?? 'Förvaltningschef', signedAt: report.signedAt?.toISOString() ?? null } : null,
      draftNotice: report.signedAt ? null : `UTKAST – version ${report.version}, ${report.status === 'submitted' ? 'under granskning' : 'ej signerad'}`,
    };
  }
}
