import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { Municipality, RequestContext } from '@namndrum/core';
import { renderTextDocument } from '@namndrum/documents';
import { toAuthenticated, User } from '@namndrum/identity';
import { DelegatedDecision, DelegatedDecisionService, Document, DocumentService, Matter, MatterService, OfficerReportService, RegistryService } from '@namndrum/matters';
import { MattersSeedData } from './seed-data';
import { parseTextDocument } from './text-document-source';

export interface SeedKeys {
  organ(key: string): string;
  department(key: string): string;
  person(key: string): string;
}

/**
 * Registers a municipality's seed matters through the matters services: the registry, each matter on
 * its historical date, its documents, and its tjänsteskrivelse drafted, submitted and signed by the
 * förvaltningschef's own account. A matter already in the registry (same title) is left as it is.
 */
@Injectable()
export class MattersSeedService {
  constructor(
    private readonly registries: RegistryService,
    private readonly matters: MatterService,
    private readonly documents: DocumentService,
    private readonly reports: OfficerReportService,
    private readonly delegatedDecisions: DelegatedDecisionService,
  ) {}

  /**
   * `generatedBilagor` makes the documents a matter's report lists that are generated from other data
   * (goal reports), after the matter is registered and before its report is signed.
   */
  async load(
    ctx: RequestContext,
    data: MattersSeedData,
    keys: SeedKeys,
    documentsDir: string,
    count: (what: string) => void,
    generatedBilagor: (matterKey: string, matterId: string) => Promise<Document[]> = async () => [],
  ): Promise<void> {
    const registry =
      (await this.registries.findByCode(ctx, data.registry.code)) ??
      (await this.registries.create(ctx, { code: data.registry.code, name: data.registry.name, organId: keys.organ(data.registry.organ) }));
    const municipality = await ctx.em.getRepository(Municipality).findOneByOrFail({ id: ctx.municipalityId });

    for (const seed of [...data.matters].sort((a, b) => a.registeredOn.localeCompare(b.registeredOn))) {
      if (await ctx.em.getRepository(Matter).existsBy({ municipalityId: ctx.municipalityId, registryId: registry.id, title: seed.title })) continue;
      const matter = await this.matters.register(
        ctx,
        {
          registryId: registry.id,
          title: seed.title,
          description: seed.description,
          classification: seed.classification,
          departmentId: keys.department(seed.department),
          caseOfficerId: keys.person(seed.caseOfficer),
          organId: keys.organ(seed.organ),
        },
        { registeredOn: seed.registeredOn },
      );
      count('matters');

      const documentIds = new Map<string, string>();
      for (const document of seed.documents) {
        const source = readFileSync(join(documentsDir, document.textFile), 'utf8');
        const content = await renderTextDocument(parseTextDocument(municipality.name, document.title, source));
        const registered = await this.documents.register(
          ctx,
          matter.id,
          { buffer: content, originalname: `${document.title}.docx`, size: content.length },
          { direction: document.direction, documentDate: document.documentDate, counterparty: document.counterparty ?? undefined, title: document.title, description: document.description },
          { registeredOn: seed.registeredOn },
        );
        documentIds.set(normaliseTitle(document.title), registered.id);
        count('documents');
      }

      for (const generated of await generatedBilagor(seed.key, matter.id)) documentIds.set(normaliseTitle(generated.title ?? generated.description), generated.id);

      const { date, attachments, signedBy, ...reportContent } = seed.report;
      const signer = await this.actorFor(ctx, keys.person(signedBy));
      const draft = await this.reports.draft(signer, matter.id, {
        ...reportContent,
        organId: keys.organ(seed.organ),
        caseOfficerId: keys.person(seed.caseOfficer),
        attachmentDocumentIds: attachments.map((title) => documentIds.get(normaliseTitle(title))).filter((id): id is string => id !== undefined),
      });
      await this.reports.submit(signer, draft.id);
      // Signed history imported: when it was signed is known, how the signer had signed in is not.
      await this.reports.approve(signer, draft.id, { signedAt: new Date(`${date}T09:00:00Z`), authentication: null });
      count('signedOfficerReports');
    }

    // A decision already registered for the organ on that day with that text is left as it is.
    for (const seed of data.delegatedDecisions ?? []) {
      const organId = keys.organ(seed.organ);
      if (await ctx.em.getRepository(DelegatedDecision).existsBy({ municipalityId: ctx.municipalityId, organId, decidedOn: seed.decidedOn, decisionText: seed.decisionText })) continue;
      const title = seed.matter === null ? null : data.matters.find((matter) => matter.key === seed.matter)?.title;
      if (title === undefined) throw new Error(`Seed delegated decision refers to an unknown matter: ${seed.matter}`);
      const matter = title === null ? null : await ctx.em.getRepository(Matter).findOneByOrFail({ municipalityId: ctx.municipalityId, registryId: registry.id, title });
      await this.delegatedDecisions.register(ctx, {
        organId,
        kind: seed.kind,
        decisionText: seed.decisionText,
        delegationPoint: seed.delegationPoint,
        decidedOn: seed.decidedOn,
        delegatePersonId: seed.delegate === null ? null : keys.person(seed.delegate),
        delegateName: seed.delegateName,
        matterId: matter?.id ?? null,
      });
      count('delegatedDecisions');
    }
  }

  /** The person's own user account as the acting user, so the signature is theirs. */
  private async actorFor(ctx: RequestContext, personId: string): Promise<RequestContext> {
    const user = await ctx.em.getRepository(User).findOneOrFail({ where: { personId, municipalityId: ctx.municipalityId }, relations: { grants: true } });
    return new RequestContext(ctx.em, toAuthenticated(user), ctx.requestId, ctx.municipalityId);
  }
}

/** A bilaga as a report lists it ("Bilaga 1 Övergripande …, daterad den 14 december 2022.") and as its document is titled. */
function normaliseTitle(title: string): string {
  return title
    .trim()
    .replace(/^Bilaga \d+\s+/i, '')
    .replace(/,\s*daterad den .*$/i, '')
    .replace(/\.$/, '')
    .toLowerCase();
}


