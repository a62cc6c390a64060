import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  AppConfig,
  AuditService,
  ConflictError,
  FILE_STORAGE,
  FileStorage,
  StoredFileStream,
  InvalidInputError,
  NotFoundError,
  RequestContext,
  sha256Hex,
  swedishDate,
  TenantRepository,
} from '@namndrum/core';
import { formatDocumentNumber } from './domain/case-number';
import { cleanFileName, counterpartyRequired, DOCUMENT_DIRECTION_LABELS } from './domain/document-types';
import { canSeeDocument, hasSecrecyAccess } from './domain/secrecy-access';
import { MarkSecrecyDto, RegisterDocumentDto } from './dto/document.dto';
import { Document, DocumentKind } from './entities/document.entity';
import { Matter } from './entities/matter.entity';
import { assertArchiveWithinBounds } from './files/archive-bounds';
import { AcceptedFile, acceptFileType } from './files/file-type';
import { TextExtractor } from './files/text-extractor';
import { MatterService } from './matter.service';

export interface UploadedFile {
  buffer: Buffer;
  originalname: string;
  size: number;
}

@Injectable()
export class DocumentService {
  private readonly logger = new Logger(DocumentService.name);

  constructor(
    private readonly audit: AuditService,
    private readonly matters: MatterService,
    private readonly config: AppConfig,
    private readonly textExtractor: TextExtractor,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  private documents(ctx: RequestContext): TenantRepository<Document> {
    return new TenantRepository(ctx, Document, 'Handlingen');
  }

  /** The documents of a matter the actor may see; secret ones are left out for those without access. */
  async listForMatter(ctx: RequestContext, matterId: string): Promise<Document[]> {
    const matter = await this.matters.get(ctx, matterId);
    const access = await this.matters.accessOf(ctx);
    const documents = await this.documents(ctx).find({ matterId: matter.id }, { order: { sequence: 'ASC' } });
    return documents.filter((document) => canSeeDocument(access, matter, document));
  }

  async get(ctx: RequestContext, id: string): Promise<Document> {
    return (await this.getWithMatter(ctx, id)).document;
  }

  /** The document's bytes as a stream, for download. */
  async openContent(ctx: RequestContext, id: string): Promise<{ document: Document; content: StoredFileStream }> {
    const { document } = await this.getWithMatter(ctx, id);
    return { document, content: await this.storage.openReadStream(document.sha256) };
  }

  /** Registers an uploaded file as a document of the matter. Nothing is stored unless the file and its particulars are acceptable. */
  async register(ctx: RequestContext, matterId: string, upload: UploadedFile | undefined, dto: RegisterDocumentDto, options: { registeredOn?: string } = {}): Promise<Document> {
    if (options.registeredOn !== undefined && ctx.actor !== null) {
      throw new Error('Only system actions may register with an earlier date');
    }
    const type = await this.acceptUpload(upload);
    const file = type.file;
    return this.store(ctx, matterId, {
      ...dto,
      registeredOn: options.registeredOn,
      kind: 'attachment',
      content: file.buffer,
      fileName: cleanFileName(file.originalname, type.extension),
      mediaType: type.mediaType,
      extractedText: await this.textExtractor.extract(file.buffer, type.extension),
    });
  }

  /** The upload as the diarium takes it: present, within the size limit and of an accepted type, whatever it is called. */
  private async acceptUpload(file: UploadedFile | undefined): Promise<AcceptedFile & { file: UploadedFile }> {
    if (!file || file.size === 0) {
      throw new InvalidInputError('FILE_MISSING', 'Bifoga en fil i fältet "file"', [{ field: 'file', messages: ['file is required'] }]);
    }
    if (file.size > this.config.UPLOAD_MAX_BYTES) {
      throw new InvalidInputError('FILE_TOO_LARGE', `Filen är för stor. Största tillåtna storlek är ${Math.floor(this.config.UPLOAD_MAX_BYTES / (1024 * 1024))} MB.`, [
        { field: 'file', messages: ['file is too large'] },
      ]);
    }
    // Before anything reads the file: the type sniffer and the text extraction both open archives.
    await assertArchiveWithinBounds(file.buffer);
    return { ...(await acceptFileType(file.buffer, file.originalname)), file };
  }

  /**
   * A registered file that cannot be opened (damaged in scanning or transfer) is replaced by a readable copy of the
   * same document: its number, date and particulars stay; the damaged file is kept beside it and the change is in the
   * matter's history. A document the system produced is never replaced.
   */
  async replaceFile(ctx: RequestContext, id: string, file: UploadedFile | undefined): Promise<Document> {
    const { document, matter } = await this.getWithMatter(ctx, id);
    this.matters.assertOpen(matter);
    if (document.kind !== 'attachment') {
      throw new ConflictError('DOCUMENT_GENERATED', 'Handlingen är framställd av systemet och kan inte ersättas');
    }
    const type = await this.acceptUpload(file);
    const content = type.file.buffer;
    const sha256 = sha256Hex(content);
    await this.lockContent(ctx.em, sha256);
    await this.storage.put(content);
    ctx.onRollback(() => this.discardIfUnreferenced(sha256));
    const before = { ...document };
    await ctx.em.query(
      `INSERT INTO document_replaced_files (municipality_id, document_id, sha256, file_name, media_type, size_bytes, replaced_by_user_id) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [ctx.municipalityId, document.id, document.sha256, document.fileName, document.mediaType, document.sizeBytes, ctx.actorUserId],
    );
    Object.assign(document, { fileName: cleanFileName(type.file.originalname, type.extension), mediaType: type.mediaType, sizeBytes: content.length, sha256 });
    const saved = await this.documents(ctx).save(document);
    // As at registration: the text is kept for every document, and the search leaves secret ones out.
    await ctx.em.query(`UPDATE documents SET extracted_text = $3 WHERE municipality_id = $1 AND id = $2`, [ctx.municipalityId, document.id, await this.textExtractor.extract(content, type.extension)]);
    await this.matters.recordEvent(ctx, matter, 'document_file_replaced', `Filen till handling ${document.documentNumber} ersattes med en läsbar kopia`, { documentId: document.id, documentNumber: document.documentNumber });
    await this.audit.record(ctx, { action: 'replace_file', entityType: 'Document', entityId: document.id, before, after: saved });
    return saved;
  }

  /** Registers a document the system produced (a signed tjänsteskrivelse), in the caller's transaction. */
  async registerGenerated(
    ctx: RequestContext,
    matterId: string,
    generated: { kind: DocumentKind; content: Buffer; fileName: string; mediaType: string; title: string; description: string; documentDate: string; extractedText: string | null },
  ): Promise<Document> {
    // Drawn up and registered at the same moment (a signature), so both carry the same date.
    return this.store(ctx, matterId, { ...generated, direction: 'drawn_up', registeredOn: generated.documentDate });
  }

  private async store(
    ctx: RequestContext,
    matterId: string,
    input: RegisterDocumentDto & { kind: DocumentKind; content: Buffer; fileName: string; mediaType: string; extractedText: string | null; registeredOn?: string },
  ): Promise<Document> {
    const matter = await this.matters.get(ctx, matterId);
    this.matters.assertOpen(matter);
    this.assertParticulars(input);
    const secret = input.secret ?? false;
    const sha256 = sha256Hex(input.content);
    await this.lockContent(ctx.em, sha256);
    await this.storage.put(input.content);
    ctx.onRollback(() => this.discardIfUnreferenced(sha256));

    const sequence = await this.matters.nextDocumentSequence(ctx, matter.id);
    const repo = this.documents(ctx);
    const document = await repo.save(
      repo.create({
        matterId: matter.id,
        sequence,
        documentNumber: formatDocumentNumber({ registryCode: matter.caseNumber.split(' ')[0], year: matter.year, sequence: matter.sequence }, sequence),
        kind: input.kind,
        direction: input.direction,
        documentDate: input.documentDate,
        counterparty: input.counterparty ?? null,
        title: input.title ?? null,
        description: input.description,
        fileName: input.fileName,
        mediaType: input.mediaType,
        sizeBytes: input.content.length,
        sha256,
        extractedText: input.extractedText,
        registeredOn: input.registeredOn ?? swedishDate(),
        registeredByUserId: ctx.actorUserId,
        secret,
        secrecyProvision: secret ? input.secrecyProvision! : null,
        secrecyMarkedOn: secret ? swedishDate() : null,
        secrecyMarkedBy: secret ? this.actorName(ctx) : null,
      }),
    );
    delete (document as Partial<Document>).extractedText;
    // The history is read by everyone who may read the matter: a secret document is named by its number only.
    const what = document.secret ? `sekretessmarkerad enligt ${document.secrecyProvision}` : document.description;
    await this.matters.recordEvent(ctx, matter, 'document_added', `Handling ${document.documentNumber} registrerades (${DOCUMENT_DIRECTION_LABELS[document.direction].toLowerCase()}): ${what}`, {
      documentId: document.id,
      documentNumber: document.documentNumber,
    });
    await this.audit.record(ctx, { action: 'register', entityType: 'Document', entityId: document.id, after: document });
    return document;
  }

  /** Sets or lifts the secrecy marking (OSL 5 kap. 5 §: provision, date and who). */
  async markSecrecy(ctx: RequestContext, id: string, dto: MarkSecrecyDto): Promise<Document> {
    const { document, matter } = await this.getWithMatter(ctx, id);
    if (dto.secret && !dto.secrecyProvision) {
      throw new InvalidInputError('SECRECY_PROVISION_MISSING', 'Ange vilken bestämmelse i offentlighets- och sekretesslagen sekretessen grundar sig på', [
        { field: 'secrecyProvision', messages: ['secrecyProvision is required when secret'] },
      ]);
    }
    const before = { ...document };
    Object.assign(document, {
      secret: dto.secret,
      secrecyProvision: dto.secret ? dto.secrecyProvision! : null,
      secrecyMarkedOn: swedishDate(),
      secrecyMarkedBy: this.actorName(ctx),
    });
    const saved = await this.documents(ctx).save(document);
    await this.matters.recordEvent(
      ctx,
      matter,
      'document_secrecy_changed',
      dto.secret ? `Handling ${document.documentNumber} sekretessmarkerades enligt ${dto.secrecyProvision}` : `Sekretessmarkeringen av handling ${document.documentNumber} hävdes`,
      { documentId: document.id },
    );
    await this.audit.record(ctx, { action: 'mark_secrecy', entityType: 'Document', entityId: id, before, after: saved });
    return saved;
  }

  /**
   * A document with no text of its own (an image, a spreadsheet, a scan) is given the text of the PDF the engine
   * made of it, so that search finds it too. Secret documents and documents that have text are left as they are.
   */
  async fillMissingText(ctx: RequestContext, documentId: string, pdf: Buffer): Promise<void> {
    const [row]: { missing: boolean }[] = await ctx.em.query(
      `SELECT extracted_text IS NULL AND NOT secret AS missing FROM documents WHERE municipality_id = $1 AND id = $2`,
      [ctx.municipalityId, documentId],
    );
    if (!row?.missing) return;
    const text = await this.textExtractor.extract(pdf, 'pdf');
    if (text === null) return;
    await ctx.em.query(`UPDATE documents SET extracted_text = $3 WHERE municipality_id = $1 AND id = $2 AND extracted_text IS NULL AND NOT secret`, [ctx.municipalityId, documentId, text]);
  }

  /** Documents of a matter by id, for an officer report's bilagor; every id must belong to the matter. */
  async requireOfMatter(ctx: RequestContext, matter: Matter, ids: string[]): Promise<Document[]> {
    if (ids.length === 0) return [];
    const found = await this.documents(ctx).find({ matterId: matter.id });
    return ids.map((id, index) => {
      const document = found.find((candidate) => candidate.id === id);
      if (!document) {
        throw new InvalidInputError('ATTACHMENT_NOT_IN_MATTER', 'En bilaga är inte en handling i ärendet', [
          { field: `attachmentDocumentIds.${index}`, messages: ['not a document of this matter'] },
        ]);
      }
      return document;
    });
  }

  private async getWithMatter(ctx: RequestContext, id: string): Promise<{ document: Document; matter: Matter }> {
    const document = await this.documents(ctx).get(id);
    const matter = await this.matters.get(ctx, document.matterId);
    const access = await this.matters.accessOf(ctx);
    if (document.secret && !hasSecrecyAccess(access, matter)) {
      throw new NotFoundError('Handlingen');
    }
    return { document, matter };
  }

  private assertParticulars(input: RegisterDocumentDto): void {
    if (counterpartyRequired(input.direction) && !input.counterparty) {
      const role = input.direction === 'incoming' ? 'avsändare' : 'mottagare';
      throw new InvalidInputError('COUNTERPARTY_MISSING', `Ange ${role} för en ${DOCUMENT_DIRECTION_LABELS[input.direction].toLowerCase()} handling`, [
        { field: 'counterparty', messages: [`counterparty is required for ${input.direction} documents`] },
      ]);
    }
    if (input.secret && !input.secrecyProvision) {
      throw new InvalidInputError('SECRECY_PROVISION_MISSING', 'Ange vilken bestämmelse i offentlighets- och sekretesslagen sekretessen grundar sig på', [
        { field: 'secrecyProvision', messages: ['secrecyProvision is required when secret'] },
      ]);
    }
    if (input.documentDate > swedishDate()) {
      throw new InvalidInputError('DOCUMENT_DATE_IN_FUTURE', 'Datumet då handlingen kom in eller upprättades kan inte ligga i framtiden', [
        { field: 'documentDate', messages: ['documentDate must not be in the future'] },
      ]);
    }
  }

  private actorName(ctx: RequestContext): string {
    return ctx.actor?.email ?? 'system';
  }

  /**
   * Serialises writers and the clean-up of one content hash, so a rollback's clean-up can never delete
   * a file that a concurrent registration of the same bytes is about to commit.
   */
  private async lockContent(em: EntityManager, sha256: string): Promise<void> {
    await em.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [sha256]);
  }

  private async discardIfUnreferenced(sha256: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      await this.lockContent(em, sha256);
      const [{ referenced }] = await em.query('SELECT EXISTS (SELECT 1 FROM documents WHERE sha256 = $1) AS referenced', [sha256]);
      if (!referenced) {
        await this.storage.delete(sha256);
        this.logger.log({ sha256 }, 'Removed a stored file whose registration was rolled back');
      }
    });
  }
}
