import { Injectable, OnModuleInit } from '@nestjs/common';
import { AuditEntry, AuditService, RequestContext } from '@namndrum/core';
import { auditedMatterIds, auditEntryHidden, redactAuditSnapshots } from './domain/audit-secrecy';
import { MatterReading, PUBLIC_ACCESS, readMatter, SecrecyAccess, SecrecySubject } from './domain/secrecy-access';
import { SecrecyAccessService } from './secrecy-access.service';

/** A reader's view of many matters at once: matter id → what may be shown. Matters not listed carry no secrecy. */
export type MatterReadings = Map<string, MatterReading>;

/**
 * The secrecy rule (readMatter) for other contexts: every path that carries content from a matter
 * (agenda, notice, minutes, extracts, e-mails, public pages, audit, goal links) asks here how its
 * reader may see it, and shows only the case number and the masked title where the content is not readable.
 */
@Injectable()
export class MatterSecrecyService implements OnModuleInit {
  constructor(
    private readonly secrecy: SecrecyAccessService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.audit.onRead((ctx, entries) => this.redactAudit(ctx, entries, auditedMatterIds));
  }

  /**
   * Audit entries as the reader may see them: one about a matter (or a secret document) they may not
   * read keeps its identities and which fields changed, not the values. `matterIdsOf` names the
   * matters an entry is about; other contexts pass their own (a paragraph's matter).
   */
  async redactAudit(ctx: RequestContext, entries: AuditEntry[], matterIdsOf: (entry: AuditEntry) => string[]): Promise<AuditEntry[]> {
    const ids = entries.map((entry) => matterIdsOf(entry));
    const readings = await this.readings(ctx, ids.flat());
    return entries.map((entry, index) => (auditEntryHidden(entry, ids[index].map((id) => readings.get(id))) ? redactAuditSnapshots(entry) : entry));
  }

  /** The signed-in reader's access (system actions see all). */
  accessOf(ctx: RequestContext): Promise<SecrecyAccess> {
    return this.secrecy.of(ctx);
  }

  get publicAccess(): SecrecyAccess {
    return PUBLIC_ACCESS;
  }

  /** The readings of these matters for the signed-in reader, or for the access given (the public, a recipient). */
  async readings(ctx: RequestContext, matterIds: (string | null | undefined)[], access?: SecrecyAccess): Promise<MatterReadings> {
    const ids = [...new Set(matterIds.filter((id): id is string => !!id))];
    if (ids.length === 0) return new Map();
    const reader = access ?? (await this.accessOf(ctx));
    const subjects = await this.subjects(ctx, ids);
    return new Map(subjects.map((subject) => [subject.id, readMatter(reader, subject)]));
  }

  /** Whether the tjänsteskrivelse may be read by this reader: the matter's content is readable. */
  async reportReadable(ctx: RequestContext, matterId: string): Promise<boolean> {
    return (await this.readings(ctx, [matterId])).get(matterId)?.contentReadable ?? true;
  }

  /** Which of these matters hold personal data: their paragraphs stay out of published minutes by default. */
  async personalDataIds(ctx: RequestContext, matterIds: (string | null)[]): Promise<Set<string>> {
    const ids = matterIds.filter((id): id is string => !!id);
    if (ids.length === 0) return new Set();
    const rows: { id: string }[] = await ctx.em.query(`SELECT id FROM matters WHERE municipality_id = $1 AND id = ANY($2) AND personal_data`, [ctx.municipalityId, ids]);
    return new Set(rows.map((row) => row.id));
  }

  private async subjects(ctx: RequestContext, ids: string[]): Promise<(SecrecySubject & { id: string })[]> {
    const rows: { id: string; case_number: string; title: string; secret: boolean; public_title: string | null; organ_id: string | null; department_id: string | null; secret_report: boolean }[] =
      await ctx.em.query(
        `SELECT m.id, m.case_number, m.title, m.secret, m.public_title, m.organ_id, m.department_id,
                EXISTS (SELECT 1 FROM officer_reports r JOIN documents d ON d.id = r.document_id WHERE r.matter_id = m.id AND d.secret) AS secret_report
           FROM matters m WHERE m.municipality_id = $1 AND m.id = ANY($2)`,
        [ctx.municipalityId, ids],
      );
    return rows.map((row) => ({
      id: row.id,
      caseNumber: row.case_number,
      title: row.title,
      secret: row.secret,
      publicTitle: row.public_title,
      organId: row.organ_id,
      departmentId: row.department_id,
      secretReport: row.secret_report,
    }));
  }
}

/** True when nothing of the matter needs hiding from this reader (or the content is not a matter's). */
export function readable(readings: MatterReadings, matterId: string | null | undefined): boolean {
  return !matterId || (readings.get(matterId)?.contentReadable ?? true);
}
