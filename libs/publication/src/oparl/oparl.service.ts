import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, Municipality, NotFoundError, RequestContext } from '@namndrum/core';
import { swedishLongDate } from '@namndrum/documents';
import { MatterReadings, MatterSecrecyService } from '@namndrum/matters';
import { DataSource } from 'typeorm';
import { PublicFile, PublicFileFilter, PublicFilesService } from '../files/public-files.service';
import { absoluteUrl, publicPaths } from '../public-urls';
import { common, dateOf, deletedObject, membershipRole, OPARL_SCHEMA, OparlList, OparlObject, OparlUrls, ORGAN_CLASSIFICATIONS, OUTCOME_RESULTS } from './oparl-objects';
import { OPARL_PAGE_SIZE, oparlDate, oparlDateTime, OparlListQuery, OparlLinks, OparlPagination, pageLinks } from './oparl-query';
import {
  AGENDA_ITEM_SOURCE,
  CONSULTATION_SOURCE,
  LEGISLATIVE_TERM_SOURCE,
  LOCATION_SOURCE,
  MEETING_SOURCE,
  MEMBERSHIP_SOURCE,
  ORGANIZATION_SOURCE,
  OparlSource,
  PAPER_SOURCE,
  PERSON_SOURCE,
} from './oparl-sources';

/** One OParl answer and when what it shows last changed (for Last-Modified). */
export interface OparlAnswer {
  body: object;
  lastModified: Date | null;
}

export interface OparlListBody {
  data: OparlObject[];
  pagination: OparlPagination;
  links: OparlLinks;
}

interface BaseRow {
  id: string;
  created_at: Date;
  updated_at: Date;
  modified: Date;
  is_public: boolean;
  [column: string]: unknown;
}

/** The lists whose objects are rows of a source; File objects come from PublicFilesService, the one rule of public files. */
type SourceList = Exclude<OparlList, 'file'>;

const SOURCES: Record<SourceList, OparlSource> = {
  organization: ORGANIZATION_SOURCE,
  person: PERSON_SOURCE,
  membership: MEMBERSHIP_SOURCE,
  meeting: MEETING_SOURCE,
  agendaItem: AGENDA_ITEM_SOURCE,
  paper: PAPER_SOURCE,
  consultation: CONSULTATION_SOURCE,
  location: LOCATION_SOURCE,
  legislativeTerm: LEGISLATIVE_TERM_SOURCE,
};

/** A narrowing of a list to the rows whose column equals a value (the meetings of one organization). */
interface Scope {
  column: 'id' | 'organ_id' | 'meeting_id' | 'person_id' | 'matter_id';
  values: string[];
}

/**
 * The OParl 1.1 API over the public data of each municipality (one Body per municipality). Lists are
 * paged by 100 in a stable order (created, id), each page read with one query for its objects and one per
 * kind of inline object, never one per object. Secrecy is the rule of the public pages: a secret matter is
 * seen as its case number and masked title only (and is no Paper), no decision text of a matter with
 * personal data or a paragraph not published.
 */
@Injectable()
export class OparlService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly secrecy: MatterSecrecyService,
    private readonly files: PublicFilesService,
  ) {}

  async system(): Promise<OparlAnswer> {
    const [row]: { created: Date | null; modified: Date | null }[] = await this.dataSource.query(`SELECT min(created_at) AS created, max(updated_at) AS modified FROM municipalities`);
    const base = this.config.PUBLIC_BASE_URL;
    const urls = new OparlUrls(base, '');
    const body: OparlObject = {
      id: urls.system(),
      type: `${OPARL_SCHEMA}System`,
      oparlVersion: OPARL_SCHEMA,
      name: 'Nämndrum',
      body: urls.bodies(),
      website: absoluteUrl(base, '/'),
      license: OPARL_LICENSE,
      ...(row.created ? { created: oparlDateTime(row.created) } : {}),
      ...(row.modified ? { modified: oparlDateTime(row.modified) } : {}),
    };
    return { body, lastModified: row.modified };
  }

  async bodies(query: OparlListQuery): Promise<OparlAnswer> {
    const urls = new OparlUrls(this.config.PUBLIC_BASE_URL, '');
    const { filters } = query;
    const rows: (Municipality & { total_count: string })[] = await this.dataSource.query(
      `SELECT id, name, code, created_at AS "createdAt", updated_at AS "updatedAt", count(*) OVER () AS total_count FROM municipalities
        WHERE ($1::timestamptz IS NULL OR created_at >= $1) AND ($2::timestamptz IS NULL OR created_at <= $2)
          AND ($3::timestamptz IS NULL OR date_trunc('milliseconds', updated_at) >= $3) AND ($4::timestamptz IS NULL OR date_trunc('milliseconds', updated_at) <= $4)
        ORDER BY created_at, id LIMIT $5 OFFSET $6`,
      [filters.created_since ?? null, filters.created_until ?? null, filters.modified_since ?? null, filters.modified_until ?? null, OPARL_PAGE_SIZE, (query.page - 1) * OPARL_PAGE_SIZE],
    );
    const total = rows.length > 0 ? Number(rows[0].total_count) : Number((await this.dataSource.query(`SELECT count(*) AS n FROM municipalities`))[0].n);
    const data = await Promise.all(rows.map((row) => this.bodyObject(row)));
    return { body: { data, ...pageLinks(urls.bodies(), query, total) }, lastModified: newest(rows.map((row) => row.updatedAt)) };
  }

  async body(code: string): Promise<OparlAnswer> {
    const municipality = await this.municipality(code);
    return { body: await this.bodyObject(municipality), lastModified: municipality.updatedAt };
  }

  /** One page of a list of a body. */
  async list(code: string, list: OparlList, query: OparlListQuery, organId?: string): Promise<OparlAnswer> {
    const municipality = await this.municipality(code);
    const urls = new OparlUrls(this.config.PUBLIC_BASE_URL, municipality.code);
    if (list === 'file') return this.fileList(municipality, urls, query);
    const listUrl = organId ? urls.organizationMeetings(organId) : urls.list(list);
    if (organId && (await this.rows(municipality.id, 'organization', NO_FILTER, { id: organId })).rows.filter((row) => row.is_public).length === 0) throw new NotFoundError('Organisationen');
    const { rows, total } = await this.rows(municipality.id, list, query, organId ? { scope: { column: 'organ_id', values: [organId] } } : {});
    const data = await this.objects(municipality, urls, list, rows);
    const body: OparlListBody = { data, ...pageLinks(listUrl, query, total) };
    return { body, lastModified: newest(rows.map((row) => row.modified)) };
  }

  /** One object by its id; a deleted one as deleted, one never public as not found. */
  async object(code: string, list: OparlList, id: string): Promise<OparlAnswer> {
    const municipality = await this.municipality(code);
    const urls = new OparlUrls(this.config.PUBLIC_BASE_URL, municipality.code);
    if (list === 'file') return this.fileObject(municipality, urls, id);
    const { rows } = await this.rows(municipality.id, list, NO_FILTER, { id });
    if (rows.length === 0) throw new NotFoundError('Objektet');
    const [object] = await this.objects(municipality, urls, list, rows);
    return { body: object, lastModified: rows[0].modified };
  }

  private async bodyObject(municipality: Pick<Municipality, 'id' | 'name' | 'code' | 'createdAt' | 'updatedAt'>): Promise<OparlObject> {
    const urls = new OparlUrls(this.config.PUBLIC_BASE_URL, municipality.code);
    const { rows: terms } = await this.rows(municipality.id, 'legislativeTerm', NO_FILTER, { unpaged: true });
    return {
      id: urls.body(),
      type: `${OPARL_SCHEMA}Body`,
      system: urls.system(),
      name: municipality.name,
      shortName: municipality.name.replace(/ kommun$/, ''),
      website: urls.page(publicPaths.municipality(municipality.code)),
      web: urls.page(publicPaths.municipality(municipality.code)),
      license: OPARL_LICENSE,
      classification: 'Kommun',
      'namndrum:municipalityCode': municipality.code,
      organization: urls.list('organization'),
      person: urls.list('person'),
      meeting: urls.list('meeting'),
      paper: urls.list('paper'),
      agendaItem: urls.list('agendaItem'),
      consultation: urls.list('consultation'),
      membership: urls.list('membership'),
      file: urls.list('file'),
      locationList: urls.list('location'),
      legislativeTermList: urls.list('legislativeTerm'),
      legislativeTerm: this.legislativeTerms(urls, terms),
      created: oparlDateTime(municipality.createdAt),
      modified: oparlDateTime(municipality.updatedAt),
    };
  }

  /**
   * The rows of one page of a list (or the one row with `id`): public ones, and with modified_since the
   * deleted ones too. The total is counted in the same query.
   */
  private async rows(municipalityId: string, list: SourceList, query: OparlListQuery, options: { scope?: Scope; id?: string; unpaged?: boolean } = {}): Promise<{ rows: BaseRow[]; total: number }> {
    const { scope, id } = options;
    const source = SOURCES[list];
    const { filters } = query;
    const params: unknown[] = [municipalityId];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where: string[] = [];
    if (filters.created_since) where.push(`s.created_at >= ${param(filters.created_since)}`);
    if (filters.created_until) where.push(`s.created_at <= ${param(filters.created_until)}`);
    // Deleted objects are answered by id, and in lists to clients that ask what changed.
    if (id === undefined && filters.modified_since === undefined) where.push('s.is_public');
    if (id !== undefined) where.push(`s.id = ${param(id)}::uuid`);
    if (scope) where.push(`s.${scope.column} = ANY (${param(scope.values)}::uuid[])`);
    const modifiedWhere: string[] = [];
    if (filters.modified_since) modifiedWhere.push(`date_trunc('milliseconds', s.modified) >= ${param(filters.modified_since)}`);
    if (filters.modified_until) modifiedWhere.push(`date_trunc('milliseconds', s.modified) <= ${param(filters.modified_until)}`);
    const conditions = (list: string[]) => (list.length > 0 ? `WHERE ${list.join(' AND ')}` : '');
    const limit = id === undefined && !options.unpaged ? `LIMIT ${OPARL_PAGE_SIZE} OFFSET ${(query.page - 1) * OPARL_PAGE_SIZE}` : '';
    // Without a filter on it, `modified` is computed for the rows of the page only.
    const sql =
      modifiedWhere.length > 0
        ? `SELECT s.*, count(*) OVER () AS total_count FROM (SELECT s.*, ${source.modified} AS modified FROM (${source.base}) s ${conditions(where)}) s
            ${conditions(modifiedWhere)} ORDER BY s.created_at, s.id ${limit}`
        : `SELECT s.*, ${source.modified} AS modified FROM (
             SELECT s.*, count(*) OVER () AS total_count FROM (${source.base}) s ${conditions(where)} ORDER BY s.created_at, s.id ${limit}) s
           ORDER BY s.created_at, s.id`;
    const rows: (BaseRow & { total_count: string })[] = await this.dataSource.query(sql, params);
    if (rows.length > 0 || query.page === 1) return { rows, total: rows.length > 0 ? Number(rows[0].total_count) : 0 };
    // A page past the end: count what there is, so that its links lead back.
    const counted: { n: string }[] = await this.dataSource.query(`SELECT count(*) AS n FROM (${sql.replace(limit, '')}) counted`, params);
    return { rows, total: Number(counted[0].n) };
  }

  private async objects(municipality: Municipality, urls: OparlUrls, list: SourceList, rows: BaseRow[]): Promise<OparlObject[]> {
    const live = rows.filter((row) => row.is_public);
    const full = new Map((await this.build(municipality, urls, list, live)).map((object, index) => [live[index].id, object]));
    // A cancelled meeting says so beside deleted: true.
    return rows.map((row) => full.get(row.id) ?? { ...deletedObject(urls, list, row), ...(list === 'meeting' && row.status === 'cancelled' ? { cancelled: true } : {}) });
  }

  /** The public objects of these rows, with their inline objects read for all of them at once. */
  private async build(municipality: Municipality, urls: OparlUrls, list: SourceList, rows: BaseRow[]): Promise<OparlObject[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.id);
    switch (list) {
      case 'organization':
        return rows.map((row) => this.organization(urls, row));
      case 'legislativeTerm':
        return this.legislativeTerms(urls, rows);
      case 'membership':
        return rows.map((row) => this.membership(urls, row));
      case 'person': {
        const { rows: memberships } = await this.rows(municipality.id, 'membership', EVERYTHING, { scope: { column: 'person_id', values: ids }, unpaged: true });
        return rows.map((row) => ({
          ...common(urls, 'person', row),
          body: urls.body(),
          name: `${row.first_name} ${row.last_name}`,
          givenName: row.first_name,
          familyName: row.last_name,
          ...(row.party ? { 'namndrum:party': row.party } : {}),
          membership: memberships.filter((membership) => membership.person_id === row.id).map((membership) => this.membership(urls, membership)),
        }));
      }
      case 'location':
        return rows.map((row) => this.location(urls, row));
      case 'meeting': {
        const { rows: items } = await this.rows(municipality.id, 'agendaItem', EVERYTHING, { scope: { column: 'meeting_id', values: ids }, unpaged: true });
        const files = await this.files.forMeetings(municipality.id, ids);
        const fileObjects = await this.fileObjects(municipality, urls, files);
        const agenda = await this.agendaItems(municipality, urls, items, { files, fileObjects });
        return rows.map((row) => ({
          ...common(urls, 'meeting', row),
          name: `${row.organ_name} ${swedishLongDate(oparlDate(row.starts_at as Date))}`,
          meetingState: MEETING_STATES[row.status as string] ?? String(row.status),
          cancelled: false,
          start: oparlDateTime(row.starts_at as Date),
          end: oparlDateTime(row.ends_at as Date),
          location: this.location(urls, row),
          organization: [urls.object('organization', row.organ_id as string)],
          ...this.meetingFiles(files.filter((file) => file.meetingId === row.id), fileObjects),
          agendaItem: agenda.filter((item) => item.meeting === urls.object('meeting', row.id)).sort((a, b) => (a.order as number) - (b.order as number)),
          web: urls.page(publicPaths.meeting(row.id)),
        }));
      }
      case 'agendaItem':
        return this.agendaItems(municipality, urls, rows);
      case 'consultation':
        return rows.map((row) => this.consultation(urls, row));
      case 'paper': {
        const { rows: consultations } = await this.rows(municipality.id, 'consultation', EVERYTHING, { scope: { column: 'matter_id', values: ids }, unpaged: true });
        const meetingIds = [...new Set(consultations.filter((consultation) => consultation.is_public).map((consultation) => consultation.meeting_id as string))];
        const files = (await this.files.forMeetings(municipality.id, meetingIds)).filter((file) => file.matterId !== null && ids.includes(file.matterId));
        const fileObjects = await this.fileObjects(municipality, urls, files);
        return rows.map((row) => ({
          ...common(urls, 'paper', row),
          body: urls.body(),
          name: row.title,
          reference: row.case_number,
          date: dateOf(row.registered_on as string),
          paperType: 'Ärende',
          ...(row.organ_id ? { underDirectionOf: [urls.object('organization', row.organ_id as string)] } : {}),
          consultation: consultations.filter((consultation) => consultation.is_public && consultation.matter_id === row.id).map((consultation) => this.consultation(urls, consultation)),
          ...nonEmpty('auxiliaryFile', files.filter((file) => file.matterId === row.id).map((file) => fileObjects.get(file.id)!)),
          'namndrum:caseNumber': row.case_number,
          web: urls.page(publicPaths.matter(municipality.code, row.id)),
        }));
      }
    }
  }

  private organization(urls: OparlUrls, row: BaseRow): OparlObject {
    const languages = row.languages as string[];
    return {
      ...common(urls, 'organization', row),
      body: urls.body(),
      name: row.name,
      shortName: row.short_name,
      organizationType: 'Gremium',
      classification: ORGAN_CLASSIFICATIONS[row.kind as string] ?? 'Organ',
      'namndrum:organKind': row.kind,
      'namndrum:languages': languages,
      ...(row.parent_id ? { subOrganizationOf: urls.object('organization', row.parent_id as string) } : {}),
      membership: (row.membership_ids as string[]).map((id) => urls.object('membership', id)),
      meeting: urls.organizationMeetings(row.id),
      web: urls.page(publicPaths.organ(urls.code, row.id)),
    };
  }

  private membership(urls: OparlUrls, row: BaseRow): OparlObject {
    return {
      ...common(urls, 'membership', row),
      person: urls.object('person', row.person_id as string),
      organization: urls.object('organization', row.organ_id as string),
      role: membershipRole(row.role as string, row.position as string),
      votingRight: row.role === 'member',
      startDate: row.valid_from,
      endDate: row.valid_to,
      ...(row.party ? { 'namndrum:party': row.party } : {}),
    };
  }

  private legislativeTerms(urls: OparlUrls, rows: BaseRow[]): OparlObject[] {
    return rows.map((row) => ({ ...common(urls, 'legislativeTerm', row), body: urls.body(), name: row.name, startDate: row.start_date, endDate: row.end_date }));
  }

  private location(urls: OparlUrls, row: BaseRow): OparlObject {
    return {
      ...common(urls, 'location', { id: row.id, created_at: row.created_at, modified: row.updated_at }),
      description: row.place,
      meetings: [urls.object('meeting', row.id)],
    };
  }

  private consultation(urls: OparlUrls, row: BaseRow): OparlObject {
    return {
      ...common(urls, 'consultation', row),
      paper: urls.object('paper', row.matter_id as string),
      agendaItem: urls.object('agendaItem', row.id),
      meeting: urls.object('meeting', row.meeting_id as string),
      organization: [urls.object('organization', row.organ_id as string)],
      authoritative: row.outcome === 'decided',
      role: 'Behandling',
    };
  }

  /** Agenda items as the public sees them: a secret matter's as its case number and masked title, nothing more. */
  private async agendaItems(municipality: Municipality, urls: OparlUrls, rows: BaseRow[], read?: { files: PublicFile[]; fileObjects: Map<string, OparlObject> }): Promise<OparlObject[]> {
    if (rows.length === 0) return [];
    let files = read?.files;
    let fileObjects = read?.fileObjects;
    if (!files || !fileObjects) {
      files = await this.files.forMeetings(municipality.id, [...new Set(rows.map((row) => row.meeting_id as string))]);
      fileObjects = await this.fileObjects(municipality, urls, files);
    }
    const ctx = RequestContext.system(this.dataSource.manager, municipality.id, 'oparl');
    const readings: MatterReadings = await this.secrecy.readings(ctx, rows.map((row) => row.matter_id as string | null), this.secrecy.publicAccess);
    return rows.map((row) => {
      const reading = row.matter_id ? readings.get(row.matter_id as string) : undefined;
      const masked = !!reading?.masked || row.matter_secret === true;
      const contentReadable = !masked && (reading?.contentReadable ?? true);
      const title = masked ? (reading?.title ?? 'Sekretessärende') : (row.title as string);
      const decisionShown = row.paragraph_id !== null && contentReadable;
      const decision = (row.decision as string[] | null) ?? [];
      return {
        ...common(urls, 'agendaItem', row),
        meeting: urls.object('meeting', row.meeting_id as string),
        number: String(row.position),
        order: row.position as number,
        name: title,
        public: row.public,
        ...(row.matter_id && !masked ? { consultation: urls.object('consultation', row.id) } : {}),
        ...(row.case_number ? { 'namndrum:caseNumber': row.case_number } : {}),
        ...(row.finnish && !masked && row.title_fi ? { 'namndrum:nameFi': row.title_fi } : {}),
        ...(decisionShown ? { 'namndrum:paragraph': `§ ${row.paragraph_number}` } : {}),
        ...(decisionShown && row.outcome ? { result: OUTCOME_RESULTS[row.outcome as string] ?? String(row.outcome) } : {}),
        ...(decisionShown && !row.matter_personal_data && decision.length > 0 ? { resolutionText: decision.join('\n') } : {}),
        ...nonEmpty('auxiliaryFile', files.filter((file) => file.agendaItemId === row.id).map((file) => fileObjects.get(file.id)!)),
      };
    });
  }

  /**
   * One page of the body's files. With modified_since, files that were public and no longer are come too, as
   * deleted (PublicFilesService.withdrawnForMunicipality says which can be told).
   */
  private async fileList(municipality: Municipality, urls: OparlUrls, query: OparlListQuery): Promise<OparlAnswer> {
    const { filters } = query;
    const filter: PublicFileFilter = { createdSince: filters.created_since, createdUntil: filters.created_until, modifiedSince: filters.modified_since, modifiedUntil: filters.modified_until };
    const offset = (query.page - 1) * OPARL_PAGE_SIZE;
    let data: OparlObject[];
    let total: number;
    let modified: Date[];
    if (!filters.modified_since) {
      const page = await this.files.pageForMunicipality(municipality.id, filter, { limit: OPARL_PAGE_SIZE, offset });
      const objects = await this.fileObjects(municipality, urls, page.files);
      data = page.files.map((file) => objects.get(file.id)!);
      total = page.total;
      modified = page.files.map((file) => file.updatedAt);
    } else {
      // What changed since a client's last crawl: few files, merged in the list's order (created, id).
      const [live, withdrawn] = await Promise.all([this.files.listForMunicipality(municipality.id, filter), this.files.withdrawnForMunicipality(municipality.id, filter)]);
      const entries = [
        ...live.map((file) => ({ id: file.id, createdAt: file.createdAt, modified: file.updatedAt, file })),
        ...withdrawn.map((file) => ({ id: file.id, createdAt: file.createdAt, modified: file.modifiedAt, file: null })),
      ].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const page = entries.slice(offset, offset + OPARL_PAGE_SIZE);
      const objects = await this.fileObjects(municipality, urls, page.flatMap((entry) => (entry.file ? [entry.file] : [])));
      data = page.map((entry) => objects.get(entry.id) ?? deletedObject(urls, 'file', { id: entry.id, created_at: entry.createdAt, modified: entry.modified }));
      total = entries.length;
      modified = page.map((entry) => entry.modified);
    }
    return { body: { data, ...pageLinks(urls.list('file'), query, total) }, lastModified: newest(modified) };
  }

  /** One file by its id: public, or withdrawn as deleted, or not found. */
  private async fileObject(municipality: Municipality, urls: OparlUrls, id: string): Promise<OparlAnswer> {
    const file = await this.files.findInMunicipality(municipality.id, id);
    if (file) return { body: (await this.fileObjects(municipality, urls, [file])).get(file.id)!, lastModified: file.updatedAt };
    const [withdrawn] = await this.files.withdrawnForMunicipality(municipality.id, {}, [id]);
    if (!withdrawn) throw new NotFoundError('Objektet');
    return { body: deletedObject(urls, 'file', { id, created_at: withdrawn.createdAt, modified: withdrawn.modifiedAt }), lastModified: withdrawn.modifiedAt };
  }

  /**
   * The File objects of public files, by file id: the same object wherever it appears. Its meeting, agenda item and
   * paper are named when the public may see them (one query for the meetings, one for the papers).
   */
  private async fileObjects(municipality: Municipality, urls: OparlUrls, files: PublicFile[]): Promise<Map<string, OparlObject>> {
    if (files.length === 0) return new Map();
    const meetingIds = [...new Set(files.map((file) => file.meetingId))];
    const matterIds = [...new Set(files.flatMap((file) => (file.matterId ? [file.matterId] : [])))];
    const [{ rows: meetings }, { rows: papers }] = await Promise.all([
      this.rows(municipality.id, 'meeting', EVERYTHING, { scope: { column: 'id', values: meetingIds }, unpaged: true }),
      matterIds.length > 0 ? this.rows(municipality.id, 'paper', EVERYTHING, { scope: { column: 'id', values: matterIds }, unpaged: true }) : Promise.resolve({ rows: [] as BaseRow[] }),
    ]);
    const publicMeetings = new Set(meetings.filter((row) => row.is_public).map((row) => row.id));
    const publicPapers = new Set(papers.filter((row) => row.is_public).map((row) => row.id));
    return new Map(
      files.map((file) => {
        const url = urls.page(file.path);
        const meetingShown = publicMeetings.has(file.meetingId);
        const object: OparlObject = {
          ...common(urls, 'file', { id: file.id, created_at: file.createdAt, modified: file.updatedAt }),
          name: file.title,
          fileName: file.fileName,
          mimeType: file.mediaType,
          size: file.sizeBytes,
          date: oparlDate(file.createdAt),
          sha512Checksum: file.sha512,
          'namndrum:sha256': file.sha256,
          'namndrum:fileKind': file.kind,
          accessUrl: url,
          downloadUrl: url,
          fileLicense: OPARL_LICENSE,
          ...(meetingShown ? { meeting: [urls.object('meeting', file.meetingId)] } : {}),
          ...(meetingShown && file.agendaItemId ? { agendaItem: [urls.object('agendaItem', file.agendaItemId)] } : {}),
          ...(file.matterId && publicPapers.has(file.matterId) ? { paper: [urls.object('paper', file.matterId)] } : {}),
          web: urls.page(meetingShown ? publicPaths.meeting(file.meetingId) : publicPaths.noticeBoard(urls.code)),
        };
        return [file.id, object];
      }),
    );
  }

  /** A meeting's files: the kallelse as invitation, the protokoll as resultsProtocol, everything else auxiliary. */
  private meetingFiles(files: PublicFile[], objects: Map<string, OparlObject>): Record<string, unknown> {
    const invitation = files.find((file) => file.kind === 'notice');
    const protocol = files.find((file) => file.kind === 'minutes');
    const auxiliary = files.filter((file) => file !== invitation && file !== protocol);
    return {
      ...(invitation ? { invitation: objects.get(invitation.id) } : {}),
      ...(protocol ? { resultsProtocol: objects.get(protocol.id) } : {}),
      ...nonEmpty('auxiliaryFile', auxiliary.map((file) => objects.get(file.id)!)),
    };
  }

  private async municipality(code: string): Promise<Municipality> {
    const municipality = /^\d{4}$/.test(code) ? await this.dataSource.getRepository(Municipality).findOneBy({ code }) : null;
    if (!municipality) throw new NotFoundError('Kommunen');
    return municipality;
  }
}

const NO_FILTER: OparlListQuery = { page: 1, filters: {}, raw: {} };

/** Every row, public or not: for the inline objects of a page. */
const EVERYTHING: OparlListQuery = { page: 1, filters: { modified_since: new Date(0) }, raw: {} };

/**
 * Public records: decisions and other official documents are not protected by copyright (upphovsrättslagen
 * 9 §); the data is offered under CC0 so that re-users need not ask.
 */
export const OPARL_LICENSE = 'https://creativecommons.org/publicdomain/zero/1.0/';

const MEETING_STATES: Record<string, string> = {
  notice_sent: 'Kallelse skickad',
  held: 'Genomfört',
  minutes_verified: 'Protokoll justerat',
};

/** `{ [key]: values }`, or nothing when there are none. */
function nonEmpty(key: string, values: OparlObject[]): Record<string, OparlObject[]> {
  return values.length > 0 ? { [key]: values } : {};
}

function newest(dates: (Date | null | undefined)[]): Date | null {
  const times = dates.filter((date): date is Date => date instanceof Date).map((date) => date.getTime());
  return times.length > 0 ? new Date(Math.max(...times)) : null;
}
