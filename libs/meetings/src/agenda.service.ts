import { Injectable } from '@nestjs/common';
import { AuditService, ConflictError, InvalidInputError, Permission, RequestContext, TenantRepository } from '@namndrum/core';
import { Matter, MatterSecrecyService, MatterService, mustBeHandledClosed, OfficerReportService } from '@namndrum/matters';
import { Organ, OrganService } from '@namndrum/organisation';
import { applyReorder, AgendaOrderError, insertPosition } from './domain/agenda-order';
import { agendaItemAsRead } from './domain/agenda-secrecy';
import { canEditAgenda, isAfterDispatch } from './domain/meeting-status';
import { AddAgendaItemDto, AgendaTemplateDto, ReorderAgendaDto, UpdateAgendaItemDto } from './dto/agenda.dto';
import { AgendaItem, AgendaTemplateItem, Meeting, StandardPlacement } from './entities';
import { checkedFinnishTitle } from './finnish-titles';
import { meetingClosed } from './meeting.errors';
import { lockMeeting } from './meeting-lock';

/** The standing items of an organ that has not set its own template. */
export const DEFAULT_AGENDA_TEMPLATE: { title: string; placement: StandardPlacement }[] = [
  { title: 'Val av justerande', placement: 'start' },
  { title: 'Anmälan av extra ärenden', placement: 'start' },
  { title: 'Anmälan av delegationsbeslut', placement: 'end' },
  { title: 'Meddelanden', placement: 'end' },
  { title: 'Information', placement: 'end' },
];

export type AgendaChangeListener = (ctx: RequestContext, meeting: Meeting) => Promise<void>;

@Injectable()
export class AgendaService {
  private readonly changeListeners: AgendaChangeListener[] = [];

  constructor(
    private readonly audit: AuditService,
    private readonly organs: OrganService,
    private readonly matters: MatterService,
    private readonly reports: OfficerReportService,
    private readonly secrecy: MatterSecrecyService,
  ) {
    matters.onMatterChanged((ctx, matter) => this.closeItemsOf(ctx, matter));
  }

  private items(ctx: RequestContext): TenantRepository<AgendaItem> {
    return new TenantRepository(ctx, AgendaItem, 'Punkten på föredragningslistan');
  }

  /** Told after every change of an agenda (the notice service re-renders a notice that is finalized but not yet sent). */
  onAgendaChanged(listener: AgendaChangeListener): void {
    this.changeListeners.push(listener);
  }

  private async changed(ctx: RequestContext, meeting: Meeting): Promise<void> {
    for (const listener of this.changeListeners) await listener(ctx, meeting);
  }

  list(ctx: RequestContext, meetingId: string): Promise<AgendaItem[]> {
    return this.items(ctx).find({ meetingId }, { order: { position: 'ASC' } });
  }

  async listForMeeting(ctx: RequestContext, meetingId: string): Promise<AgendaItem[]> {
    await new TenantRepository(ctx, Meeting, 'Sammanträdet').get(meetingId);
    return this.list(ctx, meetingId);
  }

  /** The föredragningslista as the signed-in reader may see it: secret matters masked for those without access. */
  async listForReader(ctx: RequestContext, meetingId: string): Promise<AgendaItem[]> {
    const items = await this.listForMeeting(ctx, meetingId);
    const readings = await this.secrecy.readings(ctx, items.map((item) => item.matterId));
    return items.map((item) => agendaItemAsRead(item, item.matterId ? readings.get(item.matterId) : undefined));
  }

  async template(ctx: RequestContext, organId: string): Promise<{ title: string; placement: StandardPlacement }[]> {
    await this.organs.get(ctx, organId);
    const rows = await new TenantRepository(ctx, AgendaTemplateItem, 'Mallen').find({ organId }, { order: { position: 'ASC' } });
    return rows.length > 0 ? rows.map((row) => ({ title: row.title, placement: row.placement })) : DEFAULT_AGENDA_TEMPLATE;
  }

  /** Replaces the organ's standing items; meetings already planned keep theirs. */
  async setTemplate(ctx: RequestContext, organId: string, dto: AgendaTemplateDto): Promise<{ title: string; placement: StandardPlacement }[]> {
    await this.organs.get(ctx, organId);
    ctx.requireOrganPermission(Permission.MeetingsManage, organId);
    const before = await this.template(ctx, organId);
    const repo = new TenantRepository(ctx, AgendaTemplateItem, 'Mallen');
    await repo.repository.delete({ organId, municipalityId: ctx.municipalityId });
    // The start items first, then the end items, each in the order given.
    const ordered = [...dto.items.filter((item) => item.placement === 'start'), ...dto.items.filter((item) => item.placement === 'end')];
    await repo.repository.save(ordered.map((item, index) => repo.create({ organId, position: index + 1, title: item.title, placement: item.placement })));
    await this.audit.record(ctx, { action: 'update', entityType: 'AgendaTemplate', entityId: organId, before: { items: before }, after: { items: ordered } });
    return ordered;
  }

  /** A new meeting's agenda starts as the organ's standing items. */
  async applyTemplate(ctx: RequestContext, meeting: Meeting): Promise<void> {
    const template = await this.template(ctx, meeting.organId);
    const repo = this.items(ctx);
    await repo.repository.save(template.map((entry, index) => repo.create({ ...this.blank(meeting), position: index + 1, kind: 'standard', placement: entry.placement, title: entry.title })));
  }

  async add(ctx: RequestContext, meetingId: string, dto: AddAgendaItemDto): Promise<AgendaItem> {
    const meeting = await this.editable(ctx, meetingId);
    const organ = await this.organs.get(ctx, meeting.organId);
    const item = this.items(ctx).repository.create({ ...this.blank(meeting), kind: dto.kind, title: dto.title ?? '', documentsLater: dto.documentsLater ?? false });
    if (dto.kind === 'standard') item.placement = dto.placement ?? 'end';
    if (dto.titleFi !== undefined) item.titleFi = checkedFinnishTitle(organ, dto.titleFi);
    if (dto.matterId) await this.attachMatter(ctx, meeting, organ, item, dto.matterId, dto.kind === 'matter');
    item.public = await this.checkedPublic(ctx, organ, item, dto.public ?? false);
    item.addedAfterNotice = isAfterDispatch(meeting.status);

    const current = await this.list(ctx, meetingId);
    const index = dto.kind === 'standard' ? this.standardIndex(current, item.placement!) : insertPosition(current, dto.kind);
    await this.shift(ctx, current.slice(index), 1);
    item.position = index + 1;
    const saved = await this.items(ctx).save(item);
    if (saved.matterId) {
      const matter = await this.matters.get(ctx, saved.matterId);
      await this.matters.recordEvent(ctx, matter, 'sent_to_organ', `Uppsatt på föredragningslistan för ${organ.name} ${this.localDate(meeting)}, punkt ${saved.position}`, { meetingId, agendaItemId: saved.id });
    }
    await this.audit.record(ctx, { action: 'create', entityType: 'AgendaItem', entityId: saved.id, after: saved });
    await this.changed(ctx, meeting);
    return saved;
  }

  async update(ctx: RequestContext, itemId: string, dto: UpdateAgendaItemDto): Promise<AgendaItem> {
    const found = await this.items(ctx).get(itemId);
    const meeting = await this.editable(ctx, found.meetingId);
    const item = await this.items(ctx).get(itemId);
    const organ = await this.organs.get(ctx, meeting.organId);
    const before = { ...item };
    if (dto.title !== undefined) {
      if (item.kind === 'matter') {
        throw new InvalidInputError('TITLE_FROM_REPORT', 'Ett ärendes rubrik kommer från tjänsteskrivelsen och ändras där', [{ field: 'title', messages: ['matter items take the report title'] }]);
      }
      item.title = dto.title;
    }
    if (dto.titleFi !== undefined) item.titleFi = checkedFinnishTitle(organ, dto.titleFi);
    if (dto.documentsLater !== undefined) item.documentsLater = dto.documentsLater;
    if (dto.public !== undefined) item.public = await this.checkedPublic(ctx, organ, item, dto.public);
    const saved = await this.items(ctx).save(item);
    await this.audit.record(ctx, { action: 'update', entityType: 'AgendaItem', entityId: itemId, before, after: saved });
    await this.changed(ctx, meeting);
    return saved;
  }

  /** Removal renumbers the items after it. Once the notice is out, only items it did not carry can go. */
  async remove(ctx: RequestContext, itemId: string): Promise<void> {
    const found = await this.items(ctx).get(itemId);
    const meeting = await this.editable(ctx, found.meetingId);
    const item = await this.items(ctx).get(itemId);
    if (isAfterDispatch(meeting.status) && item.noticedInVersion !== null) {
      throw new ConflictError('ITEM_IN_SENT_NOTICE', 'Punkten finns i en utskickad kallelse; att den utgår beslutar sammanträdet och antecknas i protokollet');
    }
    const current = await this.list(ctx, meeting.id);
    await this.items(ctx).repository.delete({ id: item.id, municipalityId: ctx.municipalityId });
    await this.shift(ctx, current.filter((other) => other.position > item.position), -1);
    await this.audit.record(ctx, { action: 'delete', entityType: 'AgendaItem', entityId: itemId, before: item });
    await this.changed(ctx, meeting);
  }

  /** Puts every item in the given order; the numbers follow. Not after the notice is out: members have the numbers. */
  async reorder(ctx: RequestContext, meetingId: string, dto: ReorderAgendaDto): Promise<AgendaItem[]> {
    const meeting = await this.editable(ctx, meetingId);
    if (isAfterDispatch(meeting.status)) {
      throw new ConflictError('AGENDA_NUMBERS_SENT', 'Kallelsen är skickad och numreringen är känd för ledamöterna; ordningen kan inte ändras');
    }
    const current = await this.list(ctx, meetingId);
    let order: string[];
    try {
      order = applyReorder(current.map((item) => item.id), dto.itemIds);
    } catch (error) {
      if (error instanceof AgendaOrderError) throw new InvalidInputError('AGENDA_ORDER', error.message, [{ field: 'itemIds', messages: [error.message] }]);
      throw error;
    }
    const byId = new Map(current.map((item) => [item.id, item]));
    const reordered = order.map((id, index) => Object.assign(byId.get(id)!, { position: index + 1 }));
    // The position constraint is deferred, so the swaps are checked once, at commit.
    await this.items(ctx).repository.save(reordered);
    await this.audit.record(ctx, { action: 'reorder', entityType: 'Meeting', entityId: meetingId, before: { itemIds: current.map((item) => item.id) }, after: { itemIds: order } });
    await this.changed(ctx, meeting);
    return reordered;
  }

  private blank(meeting: Meeting): Partial<AgendaItem> {
    return {
      municipalityId: meeting.municipalityId,
      meetingId: meeting.id,
      placement: null,
      titleFi: null,
      matterId: null,
      caseNumber: null,
      officerReportId: null,
      proposal: [],
      preparedInItemId: null,
      documentsLater: false,
      public: false,
      addedAfterNotice: false,
      noticedInVersion: null,
    };
  }

  private async editable(ctx: RequestContext, meetingId: string): Promise<Meeting> {
    const meeting = await lockMeeting(ctx, meetingId);
    ctx.requireOrganPermission(Permission.MeetingsManage, meeting.organId);
    if (!canEditAgenda(meeting.status)) throw meetingClosed('Att ändra föredragningslistan');
    return meeting;
  }

  /**
   * Only a matter whose tjänsteskrivelse is signed goes on the agenda (an information item may carry a
   * matter without one). A matter an utskott prepared carries the utskott's proposal to the nämnd.
   */
  private async attachMatter(ctx: RequestContext, meeting: Meeting, organ: Organ, item: AgendaItem, matterId: string, needsReport: boolean): Promise<void> {
    const matter = await this.matters.get(ctx, matterId);
    this.matters.assertOpen(matter);
    const existing = await this.items(ctx).find({ meetingId: meeting.id, matterId: matter.id });
    if (existing.length > 0) {
      throw new ConflictError('MATTER_ALREADY_ON_AGENDA', `Ärende ${matter.caseNumber} finns redan som punkt ${existing[0].position}`);
    }
    item.matterId = matter.id;
    item.caseNumber = matter.caseNumber;
    const report = await this.reports.latestSigned(ctx, matter.id);
    if (!report) {
      if (needsReport) {
        throw new ConflictError('REPORT_NOT_SIGNED', `Ärende ${matter.caseNumber} har ingen signerad tjänsteskrivelse och kan inte sättas upp på föredragningslistan`, [
          { field: 'matterId', messages: ['the matter needs a signed officer report'] },
        ]);
      }
      if (!item.title) item.title = matter.title;
      return;
    }
    if (report.organId !== organ.id && report.organId !== organ.parentOrganId) {
      const addressee = await this.organs.get(ctx, report.organId);
      throw new ConflictError('REPORT_FOR_OTHER_ORGAN', `Tjänsteskrivelsen i ärende ${matter.caseNumber} är ställd till ${addressee.name}, inte till ${organ.name}`, [
        { field: 'matterId', messages: ['the signed report is addressed to another organ'] },
      ]);
    }
    item.officerReportId = report.id;
    if (!item.title || needsReport) item.title = report.content.title;
    item.proposal = report.content.proposedDecision;
    const prepared = await this.preparingItem(ctx, organ, matter.id);
    if (prepared) {
      item.preparedInItemId = prepared.id;
      item.proposal = prepared.proposal;
    }
  }

  /**
   * The utskott has decided what it proposes: the items it prepared carry that decision as their
   * proposal, on the agendas of meetings not yet held (a finalized notice is rendered again).
   */
  async adoptPreparedProposal(ctx: RequestContext, preparedInItemId: string, proposal: string[]): Promise<AgendaItem[]> {
    const items = await this.items(ctx).find({ preparedInItemId });
    const adopted: AgendaItem[] = [];
    for (const item of items) {
      const meeting = await lockMeeting(ctx, item.meetingId);
      if (!canEditAgenda(meeting.status)) continue;
      const before = { ...item };
      item.proposal = proposal;
      adopted.push(await this.items(ctx).save(item));
      await this.audit.record(ctx, { action: 'adopt_prepared_proposal', entityType: 'AgendaItem', entityId: item.id, before, after: item });
      await this.changed(ctx, meeting);
    }
    return adopted;
  }

  /** The latest item of a subcommittee meeting (not cancelled) that prepared this matter for the organ. */
  private async preparingItem(ctx: RequestContext, organ: Organ, matterId: string): Promise<AgendaItem | null> {
    const rows = await this.items(ctx)
      .query('i')
      .innerJoin(Meeting, 'm', 'm.id = i.meeting_id')
      .innerJoin('organs', 'o', 'o.id = m.organ_id')
      .andWhere('i.matter_id = :matterId AND o.parent_organ_id = :organId AND m.status <> :cancelled', { matterId, organId: organ.id, cancelled: 'cancelled' })
      .orderBy('m.starts_at', 'DESC')
      .limit(1)
      .getMany();
    return rows[0] ?? null;
  }

  /** Open items only where fullmäktige allows open meetings, and never for secret or myndighetsutövning matters (KL 6 kap. 25 §). */
  private async checkedPublic(ctx: RequestContext, organ: Organ, item: AgendaItem, wanted: boolean): Promise<boolean> {
    if (!wanted) return false;
    if (!organ.rules.openMeetings) {
      throw new InvalidInputError('MEETINGS_CLOSED', `${organ.name} har inte rätt att hålla öppna sammanträden`, [{ field: 'public', messages: ['the organ may not meet openly'] }]);
    }
    const matter = item.matterId ? await this.matters.get(ctx, item.matterId) : null;
    if (matter?.secret) {
      throw new InvalidInputError('SECRET_MATTER_CLOSED', `Ärende ${item.caseNumber} är sekretessmarkerat och behandlas inom stängda dörrar`, [{ field: 'public', messages: ['a secret matter is never public'] }]);
    }
    if (matter?.exerciseOfPublicAuthority) {
      throw new InvalidInputError('AUTHORITY_MATTER_CLOSED', `Ärende ${item.caseNumber} avser myndighetsutövning och behandlas inom stängda dörrar`, [
        { field: 'public', messages: ['a matter of myndighetsutövning is never public'] },
      ]);
    }
    return true;
  }

  /**
   * A matter marked secret or myndighetsutövning after it was put on an agenda as an open item: the
   * item is closed on every agenda that can still change (a finalized notice is rendered again). The
   * items of meetings already held stay as they were: they record how the meeting was held.
   */
  private async closeItemsOf(ctx: RequestContext, matter: Matter): Promise<void> {
    if (!mustBeHandledClosed(matter)) return;
    for (const found of await this.items(ctx).find({ matterId: matter.id, public: true })) {
      const meeting = await lockMeeting(ctx, found.meetingId);
      if (!canEditAgenda(meeting.status)) continue;
      const item = await this.items(ctx).get(found.id);
      const before = { ...item };
      item.public = false;
      const saved = await this.items(ctx).save(item);
      await this.audit.record(ctx, { action: 'close_item', entityType: 'AgendaItem', entityId: item.id, before, after: saved });
      await this.changed(ctx, meeting);
    }
  }

  private standardIndex(current: AgendaItem[], placement: StandardPlacement): number {
    if (placement === 'end') return current.length;
    const lastStart = current.map((item) => item.kind === 'standard' && item.placement === 'start').lastIndexOf(true);
    return lastStart + 1;
  }

  private async shift(ctx: RequestContext, items: AgendaItem[], by: number): Promise<void> {
    if (items.length === 0) return;
    await ctx.em.query(`UPDATE agenda_items SET position = position + $1, updated_at = now() WHERE id = ANY($2)`, [by, items.map((item) => item.id)]);
  }

  private localDate(meeting: Meeting): string {
    return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(meeting.startsAt);
  }
}
