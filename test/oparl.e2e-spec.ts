import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { AppConfig, FILE_STORAGE, FileStorage, RequestContext } from '@namndrum/core';
import { NoticeService } from '@namndrum/meetings';
import { PublicFilesService } from '@namndrum/publication';
import { readSeed } from '../seeds/src/run-seed';
import { SeedModule } from '../seeds/src/seed.module';
import { SeedService } from '../seeds/src/seed.service';
import { binaryParser, docxWithText } from './support/files';
import { Api, apiAs, stockholmDaysFromNow } from './support/meeting-fixture';
import { PrivateDatabase } from './support/private-database';
import { createTestApp, TestApp } from './support/test-app';

const SCHEMA_DIR = join(__dirname, 'fixtures', 'oparl-1.1', 'schema');
const MARK = `hemligoparl${randomBytes(5).toString('hex')}`;

type OparlObject = Record<string, unknown> & { id: string; type: string };

/** The OParl schemas for ajv: `File.json` references resolved to the schemas' own ids, Body.mainOrganization's stray `$ref` (a URL, not an object) dropped. */
function oparlValidators(): Map<string, ValidateFunction> {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('url', { validate: (value: string) => /^https?:\/\/\S+$/.test(value) && URL.canParse(value) });
  const names = readdirSync(SCHEMA_DIR).filter((file) => file.endsWith('.json'));
  const fix = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(fix);
    if (node && typeof node === 'object') {
      const entries = Object.entries(node as Record<string, unknown>)
        .filter(([key, value]) => !(key === '$ref' && typeof value === 'string' && !value.endsWith('.json')))
        .map(([key, value]) => [key, key === '$ref' ? (value as string).replace(/\.json$/, '') : fix(value)]);
      return Object.fromEntries(entries);
    }
    return node;
  };
  for (const name of names) ajv.addSchema(fix(JSON.parse(readFileSync(join(SCHEMA_DIR, name), 'utf8'))) as object);
  return new Map(names.map((name) => [`https://schema.oparl.org/1.1/${name.replace('.json', '')}`, ajv.getSchema(`https://schema.oparl.org/1.1/${name.replace('.json', '')}`)!]));
}

/**
 * OParl 1.1 over Ludvika's seed, crawled as a client does: from the System through every list and every
 * page by links.next, every object (inline ones too) valid against its schema and the same when fetched by
 * its id; a secret matter on a meeting with verified, posted minutes never shows its title, decision or
 * document; modified_since lists exactly what changed, a cancelled meeting as deleted.
 */
describe('OParl 1.1 at /oparl/v1', () => {
  let database: PrivateDatabase;
  let testApp: TestApp;
  let base: string;
  let secretary: Api;
  let municipalityId: string;
  let code: string;
  let sunId: string;
  let seededMeetingId: string;
  let secretMatterId: string;
  let publicMatterId: string;
  let secretItemId: string;
  let publicItemId: string;
  const future: { renamed: string; cancelled: string; untouched: string } = { renamed: '', cancelled: '', untouched: '' };
  /** The seeded meeting's kallelse med handlingar as the worker stores it, by part: [masked, item, id]. */
  const parts: { id: string; masked: boolean; itemId: string | null }[] = [];
  let postingId: string;
  const bodies: string[] = [];

  /** GET an OParl URL (absolute, as the API gives them) and keep what it said. */
  const get = async (url: string, expected = 200) => {
    expect(url.startsWith(`${base}/oparl/v1`)).toBe(true);
    const response = await testApp.http().get(url.slice(base.length));
    if (response.status !== expected) throw new Error(`${url}: ${response.status} ${response.text}`);
    bodies.push(response.text);
    return response;
  };

  beforeAll(async () => {
    // A database of its own: the test changes Ludvika, which other files read from the shared one.
    database = await new PrivateDatabase().create('oparl');
    process.env.DATABASE_URL = database.url;
    testApp = await createTestApp([SeedModule]);
    base = testApp.app.get(AppConfig).PUBLIC_BASE_URL.replace(/\/+$/, '');
    await testApp.app.get(SeedService).load(readSeed('ludvika.json'), 'namndrum');
    [{ id: municipalityId, code }] = await testApp.dataSource.query(`SELECT id, code FROM municipalities WHERE name = 'Ludvika kommun'`);
    const login = await testApp.http().post('/api/v1/auth/login').send({ email: 'rita.osterholm@ludvika.example', password: 'namndrum' }).expect(200);
    secretary = apiAs(testApp, login.body.accessToken);
    [{ id: sunId }] = await testApp.dataSource.query(`SELECT id FROM organs WHERE municipality_id = $1 AND short_name = 'SUN'`, [municipalityId]);
    [{ id: seededMeetingId }] = await testApp.dataSource.query(`SELECT id FROM meetings WHERE organ_id = $1 AND status = 'notice_sent' ORDER BY starts_at LIMIT 1`, [sunId]);
    const [{ id: registryId }] = await testApp.dataSource.query(`SELECT id FROM registries WHERE municipality_id = $1 AND organ_id = $2 LIMIT 1`, [municipalityId, sunId]);

    // A secret matter with the marker in its title and description, and a public one, both on the seeded meeting's agenda.
    secretMatterId = (
      await secretary
        .post('/matters', { registryId, organId: sunId, title: `Placering av barn ${MARK}`, description: `Familjens situation ${MARK}`, secret: true, secrecyProvision: 'OSL 26 kap. 1 §' })
        .expect(201)
    ).body.id;
    publicMatterId = (await secretary.post('/matters', { registryId, organId: sunId, title: 'Lokalförsörjningsplan för förskolan' }).expect(201)).body.id;
    const uploaded = await secretary
      .upload('post', `/matters/${secretMatterId}/documents`, { content: await docxWithText(`Orosanmälan ${MARK}`, `Uppgifter om barnet ${MARK}.`), fileName: 'anmalan.docx' }, { direction: 'incoming', documentDate: '2023-01-02', title: `Orosanmälan ${MARK}`, description: `Anmälan om ${MARK}`, counterparty: `Anmälare ${MARK}` });
    if (uploaded.status !== 201) throw new Error(uploaded.text);
    // Put on the agenda as the secretary does (title and case number copied from the matter); the tjänsteskrivelser are beside the point here.
    const onAgenda = async (matterId: string) =>
      (
        await testApp.dataSource.query(
          `INSERT INTO agenda_items (municipality_id, meeting_id, position, kind, title, matter_id, case_number)
           SELECT m.municipality_id, $1, (SELECT coalesce(max(position), 0) + 1 FROM agenda_items WHERE meeting_id = $1), 'matter', m.title, m.id, m.case_number FROM matters m WHERE m.id = $2
           RETURNING id`,
          [seededMeetingId, matterId],
        )
      )[0].id as string;
    secretItemId = await onAgenda(secretMatterId);
    publicItemId = await onAgenda(publicMatterId);

    // The meeting held and its protokoll verified and posted: the decisions, the secret one with the marker, are published.
    await testApp.dataSource.transaction(async (em) => {
      await em.query(`UPDATE meetings SET status = 'minutes_verified' WHERE id = $1`, [seededMeetingId]);
      const [{ id: minutesId }] = await em.query(
        `INSERT INTO minutes (municipality_id, meeting_id, organ_id, kind, status, year, meeting_date, place, started_at, ended_at, verification_deadline, storage_place)
         VALUES ($1, $2, $3, 'minutes', 'draft', 2023, '2023-01-11', 'Sessionssalen, Stadshuset', '2023-01-11T13:00:00Z', '2023-01-11T16:00:00Z', '2023-01-25', 'Kommunkansliet') RETURNING id`,
        [municipalityId, seededMeetingId, sunId],
      );
      const paragraph = (number: number, itemId: string, matterId: string, title: string, decision: string) =>
        em.query(
          `INSERT INTO minutes_paragraphs (municipality_id, minutes_id, organ_id, year, number, position, agenda_item_id, matter_id, title, proposal_label, decision, status, outcome)
           VALUES ($1, $2, $3, 2023, $4, $4, $5, $6, $7, 'förvaltningens förslag', $8, 'decided', 'decided')`,
          [municipalityId, minutesId, sunId, number, itemId, matterId, title, [decision]],
        );
      await paragraph(901, secretItemId, secretMatterId, `Placering av barn ${MARK}`, `Nämnden beslutar om placering ${MARK}.`);
      await paragraph(902, publicItemId, publicMatterId, 'Lokalförsörjningsplan för förskolan', 'Nämnden antar lokalförsörjningsplanen.');
      await em.query(`UPDATE minutes SET status = 'verified' WHERE id = $1`, [minutesId]);
      await em.query(
        `INSERT INTO postings (municipality_id, kind, meeting_id, organ_id, minutes_id, document_type, organ_name, meeting_date, paragraphs, verified_on, posted_on, taken_down_on, last_appeal_day, storage_place, status)
         VALUES ($1, 'minutes', $2, $3, $4, 'Protokoll', 'Social- och utbildningsnämnden', '2023-01-11', '§§ 901–902', '2023-01-20', '2023-01-20', '2023-02-11', '2023-02-10', 'Kommunkansliet', 'up')
         RETURNING id`,
        [municipalityId, seededMeetingId, sunId, minutesId],
      );
    });
    [{ id: postingId }] = await testApp.dataSource.query(`SELECT id FROM postings WHERE meeting_id = $1 AND kind = 'minutes'`, [seededMeetingId]);

    // The files as the worker stores them: the published protokoll (DOCX and PDF/A) and the kallelse med handlingar, full and masked.
    const storage = testApp.app.get<FileStorage>(FILE_STORAGE);
    const pdf = (text: string) => storage.put(Buffer.from(`%PDF-1.7\n% ${text} ${randomBytes(4).toString('hex')}\n%%EOF\n`));
    await testApp.dataSource.query(`UPDATE postings SET file_sha256 = $2, archival_pdf_sha256 = $3 WHERE id = $1`, [postingId, await pdf('protokoll docx'), await pdf('protokoll SUN 2023-01-11')]);
    const [notice]: { id: string }[] = await testApp.dataSource.query(`SELECT id FROM meeting_notices WHERE meeting_id = $1 AND status = 'dispatched' ORDER BY version DESC LIMIT 1`, [seededMeetingId]);
    const [{ n: existingParts }] = await testApp.dataSource.query(`SELECT count(*)::int AS n FROM notice_bundle_parts WHERE notice_id = $1`, [notice.id]);
    expect(existingParts).toBe(0);
    for (const masked of [false, true]) {
      let position = 0;
      for (const [itemId, title] of [
        [null, 'Kallelse'],
        [publicItemId, 'Tjänsteskrivelse'],
        [secretItemId, masked ? 'Handlingarna i ärendet omfattas av sekretess' : `Tjänsteskrivelse ${MARK}`],
      ] as const) {
        const [{ id }] = await testApp.dataSource.query(
          `INSERT INTO notice_bundle_parts (municipality_id, notice_id, masked, position, item_id, item_number, title, pdf_sha256, first_page, page_count)
           VALUES ($1, $2, $3, $4, $5, (SELECT position FROM agenda_items WHERE id = $5), $6, $7, 1, 1) RETURNING id`,
          [municipalityId, notice.id, masked, position++, itemId, title, await pdf(`${masked ? 'maskerad' : 'full'} ${title}`)],
        );
        parts.push({ id, masked, itemId });
      }
    }
    await testApp.dataSource.query(`UPDATE meeting_notices SET bundle_status = 'ready', masked_bundle_sha256 = $2 WHERE id = $1`, [notice.id, await pdf('maskerad helhet')]);

    // A coming meeting whose notice has not gone out, and three whose notices have.
    await secretary.post('/meetings', { organId: sunId, startsAt: stockholmDaysFromNow(40, '14:00'), endsAt: stockholmDaysFromNow(40, '16:00'), place: 'Sessionssalen, Stadshuset' }).expect(201);
    const notices = testApp.app.get(NoticeService);
    for (const [key, days] of [['renamed', 20], ['cancelled', 27], ['untouched', 34]] as const) {
      future[key] = (await secretary.post('/meetings', { organId: sunId, startsAt: stockholmDaysFromNow(days, '14:00'), endsAt: stockholmDaysFromNow(days, '16:00'), place: 'Sessionssalen, Stadshuset' }).expect(201)).body.id;
      await testApp.dataSource.transaction((em) => notices.recordSent(RequestContext.system(em, municipalityId, 'test'), future[key], { finalizedAt: new Date(), dispatchedAt: new Date() }));
    }
  }, 180_000);

  afterAll(async () => {
    await testApp?.close();
    await database?.drop();
  });

  describe('the crawl', () => {
    const objects = new Map<string, OparlObject>();
    const fetched = new Set<string>();
    const invalid: string[] = [];
    const mismatched: string[] = [];
    const lists: string[] = [];
    const totals = new Map<string, number>();
    const pageCounts = new Map<string, number>();

    beforeAll(async () => {
      const validators = oparlValidators();
      const queue: string[] = [`${base}/oparl/v1`];
      const seen = new Set<string>(queue);
      const enqueue = (url: string) => {
        if (!seen.has(url)) {
          seen.add(url);
          queue.push(url);
        }
      };
      /** Every object in a value, inline ones too; every URL of the API it names is crawled. */
      const visit = (value: unknown, fetchedAs?: string) => {
        if (typeof value === 'string') {
          if (value.startsWith(`${base}/oparl/v1`)) enqueue(value);
          return;
        }
        if (Array.isArray(value)) return value.forEach((item) => visit(item));
        if (!value || typeof value !== 'object') return;
        const object = value as OparlObject;
        if (typeof object.id === 'string' && typeof object.type === 'string' && object.type.startsWith('https://schema.oparl.org/1.1/')) {
          enqueue(object.id);
          const validate = validators.get(object.type);
          if (!validate) invalid.push(`${object.id}: unknown type ${object.type}`);
          else if (!(validate as (data: unknown) => boolean)(object)) invalid.push(`${object.id}: ${JSON.stringify(validate.errors)}`);
          const known = objects.get(object.id);
          if (known && JSON.stringify(known) !== JSON.stringify(object)) mismatched.push(object.id);
          if (!known) objects.set(object.id, object);
          if (fetchedAs === object.id) fetched.add(object.id);
        }
        for (const [key, inner] of Object.entries(object)) if (key !== 'id') visit(inner);
      };
      while (queue.length > 0) {
        const url = queue.shift()!;
        const body = (await get(url)).body as Record<string, unknown>;
        if (Array.isArray(body.data)) {
          lists.push(url);
          const list = url.split('?')[0];
          totals.set(list, (body.pagination as { totalElements: number }).totalElements);
          pageCounts.set(list, (pageCounts.get(list) ?? 0) + (body.data as unknown[]).length);
          expect(body.pagination).toEqual(expect.objectContaining({ totalElements: expect.any(Number), currentPage: expect.any(Number) }));
          visit(body.data);
          visit(body.links);
        } else {
          visit(body, url);
        }
      }
    }, 300_000);

    it('reaches every kind of object and every list of the body', () => {
      const types = new Set([...objects.values()].map((object) => object.type.replace('https://schema.oparl.org/1.1/', '')));
      expect([...types].sort()).toEqual(['AgendaItem', 'Body', 'Consultation', 'File', 'LegislativeTerm', 'Location', 'Meeting', 'Membership', 'Organization', 'Paper', 'Person', 'System']);
      for (const list of ['organization', 'person', 'membership', 'meeting', 'agendaItem', 'paper', 'consultation', 'location', 'legislativeTerm', 'file']) {
        expect(lists).toContain(`${base}/oparl/v1/body/${code}/${list}`);
      }
      // Every page of every list was read: as many objects as the lists say they hold.
      for (const [list, total] of totals) expect([list, pageCounts.get(list)]).toEqual([list, total]);
    });

    it('finds every object valid against its OParl 1.1 schema', () => {
      expect(invalid).toEqual([]);
    });

    it('gives every object, fetched by its id, exactly as it appears in lists and inline', () => {
      expect(mismatched).toEqual([]);
      const notFetched = [...objects.keys()].filter((id) => !fetched.has(id));
      expect(notFetched).toEqual([]);
    });

    it('never shows the secret matter: not its title, decision, description or document, and no Paper for it', async () => {
      expect(bodies.filter((body) => body.toLowerCase().includes(MARK))).toEqual([]);
      expect(objects.has(`${base}/oparl/v1/body/${code}/paper/${secretMatterId}`)).toBe(false);
      const item = objects.get(`${base}/oparl/v1/body/${code}/agendaItem/${secretItemId}`)!;
      expect(item).toMatchObject({ name: 'Sekretessärende', 'namndrum:caseNumber': expect.stringMatching(/\d{4}\//) });
      expect(item).not.toHaveProperty('resolutionText');
      expect(item).not.toHaveProperty('consultation');
    });

    it("offers the meeting's kallelse, handlingar of public matters and protokoll as File objects, in their places", () => {
      const fileId = (id: string) => `${base}/oparl/v1/body/${code}/file/${id}`;
      const files = [...objects.values()].filter((object) => object.type.endsWith('/File'));
      const published = parts.filter((part) => part.masked && part.itemId !== secretItemId);
      expect(files.map((file) => file.id).sort()).toEqual([...published.map((part) => fileId(part.id)), fileId(postingId)].sort());
      // Nothing of the secret matter, nor of the full (unmasked) bundle.
      for (const part of parts.filter((part) => !published.includes(part))) expect(bodies.filter((body) => body.includes(part.id))).toEqual([]);

      const meeting = objects.get(`${base}/oparl/v1/body/${code}/meeting/${seededMeetingId}`)!;
      const kallelse = published.find((part) => part.itemId === null)!;
      const handling = published.find((part) => part.itemId === publicItemId)!;
      expect(meeting.invitation).toMatchObject({ id: fileId(kallelse.id), name: 'Kallelse', mimeType: 'application/pdf', 'namndrum:fileKind': 'notice', meeting: [meeting.id] });
      expect(meeting.resultsProtocol).toMatchObject({ id: fileId(postingId), name: 'Protokoll Social- och utbildningsnämnden 2023-01-11', 'namndrum:fileKind': 'minutes', meeting: [meeting.id] });
      expect((meeting.auxiliaryFile as OparlObject[]).map((file) => file.id)).toEqual([fileId(handling.id)]);
      const item = objects.get(`${base}/oparl/v1/body/${code}/agendaItem/${publicItemId}`)!;
      expect((item.auxiliaryFile as OparlObject[]).map((file) => file.id)).toEqual([fileId(handling.id)]);
      expect(objects.get(fileId(handling.id))).toMatchObject({
        name: expect.stringMatching(/^Ärende \d+: Tjänsteskrivelse$/),
        agendaItem: [item.id],
        paper: [`${base}/oparl/v1/body/${code}/paper/${publicMatterId}`],
        web: `${base}/sammantraden/${seededMeetingId}`,
      });
      const paper = objects.get(`${base}/oparl/v1/body/${code}/paper/${publicMatterId}`)!;
      expect((paper.auxiliaryFile as OparlObject[]).map((file) => file.id)).toEqual([fileId(handling.id)]);
      const secretItem = objects.get(`${base}/oparl/v1/body/${code}/agendaItem/${secretItemId}`)!;
      expect(secretItem).not.toHaveProperty('auxiliaryFile');
    });

    it('gives every file at its accessUrl and downloadUrl with its media type, size and checksums', async () => {
      const files = [...objects.values()].filter((object) => object.type.endsWith('/File'));
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) {
        for (const url of [file.accessUrl, file.downloadUrl] as string[]) {
          expect(url.startsWith(`${base}/`)).toBe(true);
          const response = await testApp.http().get(url.slice(base.length)).buffer(true).parse(binaryParser);
          expect({ url, status: response.status }).toEqual({ url, status: 200 });
          expect(response.headers['content-type']).toBe(file.mimeType);
          const content = response.body as Buffer;
          expect(content.length).toBe(file.size);
          expect(createHash('sha256').update(content).digest('hex')).toBe(file['namndrum:sha256']);
          expect(createHash('sha512').update(content).digest('hex')).toBe(file.sha512Checksum);
        }
      }
    });

    it("pages the body's files in the order and number of the whole list, one query for a page's ids", async () => {
      const service = testApp.app.get(PublicFilesService);
      const all = await service.listForMunicipality(municipalityId);
      expect(all.length).toBe(3);
      const paged = [];
      for (let offset = 0; offset < all.length + 1; offset += 1) {
        const page = await service.pageForMunicipality(municipalityId, {}, { limit: 1, offset });
        expect(page.total).toBe(all.length);
        paged.push(...page.files);
      }
      expect(paged).toEqual(all);
      const listed = (await get(`${base}/oparl/v1/body/${code}/file`)).body;
      expect(listed.data.map((file: OparlObject) => file.id)).toEqual(all.map((file) => `${base}/oparl/v1/body/${code}/file/${file.id}`));
      expect((await service.pageForMunicipality(municipalityId, { createdSince: new Date(Date.now() + 60_000) }, { limit: 10, offset: 0 })).total).toBe(0);
    });

    it('publishes the decision of a public matter once the protokoll is verified and posted', () => {
      const item = objects.get(`${base}/oparl/v1/body/${code}/agendaItem/${publicItemId}`)!;
      expect(item).toMatchObject({ name: 'Lokalförsörjningsplan för förskolan', result: 'Beslutat', resolutionText: 'Nämnden antar lokalförsörjningsplanen.', 'namndrum:paragraph': '§ 902' });
      const paper = objects.get(`${base}/oparl/v1/body/${code}/paper/${publicMatterId}`)!;
      expect(paper).toMatchObject({ name: 'Lokalförsörjningsplan för förskolan', paperType: 'Ärende' });
      expect((paper.consultation as OparlObject[]).map((consultation) => consultation.agendaItem)).toEqual([item.id]);
    });

    it('shows only organs whose rules publish, with their members, and no meeting before its notice', async () => {
      const organizations = [...objects.values()].filter((object) => object.type.endsWith('/Organization'));
      const unpublished: { id: string }[] = await testApp.dataSource.query(`SELECT id FROM organs WHERE municipality_id = $1 AND NOT rules_publish_notices AND NOT rules_publish_minutes`, [municipalityId]);
      expect(unpublished.length).toBeGreaterThan(0);
      expect(organizations.map((organization) => organization.id)).not.toEqual(expect.arrayContaining([expect.stringContaining(unpublished[0].id)]));
      const sun = objects.get(`${base}/oparl/v1/body/${code}/organization/${sunId}`)!;
      expect(sun).toMatchObject({ name: 'Social- och utbildningsnämnden', organizationType: 'Gremium', classification: 'Nämnd' });
      const planned: { id: string }[] = await testApp.dataSource.query(`SELECT id FROM meetings WHERE municipality_id = $1 AND status IN ('planned', 'notice_finalized')`, [municipalityId]);
      expect(planned.length).toBeGreaterThan(0);
      for (const meeting of planned) expect(objects.has(`${base}/oparl/v1/body/${code}/meeting/${meeting.id}`)).toBe(false);
      await get(`${base}/oparl/v1/body/${code}/meeting/${planned[0].id}`, 404);
      const chair = [...objects.values()].find((object) => object.type.endsWith('/Membership') && object.organization === sun.id && object.role === 'Ordförande');
      expect(chair).toMatchObject({ votingRight: true, 'namndrum:party': 'M' });
    });
  });

  describe('what changed since', () => {
    it('lists exactly the meetings changed after modified_since, the cancelled one as deleted, and keeps the filter in its links', async () => {
      const since = new Date().toISOString();
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const before = new Date().toISOString();
      await secretary.patch(`/meetings/${future.renamed}`, { place: 'Nya salen, Stadshuset' }).expect(200);
      await secretary.post(`/meetings/${future.cancelled}/cancellation`, { reason: 'Inga ärenden att behandla' }).expect(201);

      const normal = (await get(`${base}/oparl/v1/body/${code}/meeting`)).body;
      const normalIds = normal.data.map((meeting: OparlObject) => meeting.id);
      expect(normalIds).not.toContain(`${base}/oparl/v1/body/${code}/meeting/${future.cancelled}`);
      expect(normalIds).toContain(`${base}/oparl/v1/body/${code}/meeting/${future.untouched}`);

      const changed = (await get(`${base}/oparl/v1/body/${code}/meeting?modified_since=${encodeURIComponent(before)}`)).body;
      expect(changed.data.map((meeting: OparlObject) => meeting.id).sort()).toEqual(
        [`${base}/oparl/v1/body/${code}/meeting/${future.renamed}`, `${base}/oparl/v1/body/${code}/meeting/${future.cancelled}`].sort(),
      );
      const renamed = changed.data.find((meeting: OparlObject) => meeting.id.endsWith(future.renamed));
      expect(renamed.location).toMatchObject({ description: 'Nya salen, Stadshuset' });
      const cancelled = changed.data.find((meeting: OparlObject) => meeting.id.endsWith(future.cancelled));
      expect(cancelled).toMatchObject({ deleted: true, cancelled: true, type: 'https://schema.oparl.org/1.1/Meeting' });
      expect(cancelled).not.toHaveProperty('name');
      expect(changed.links.first).toBe(`${base}/oparl/v1/body/${code}/meeting?modified_since=${encodeURIComponent(before)}`);

      const places = (await get(`${base}/oparl/v1/body/${code}/location?modified_since=${encodeURIComponent(before)}`)).body;
      expect(places.data.map((place: OparlObject) => [place.id.split('/').pop(), place.deleted ?? false, place.description ?? null]).sort()).toEqual(
        [
          [future.renamed, false, 'Nya salen, Stadshuset'],
          [future.cancelled, true, null],
        ].sort(),
      );
      // The deleted meeting stays at its address, as deleted.
      expect((await get(`${base}/oparl/v1/body/${code}/meeting/${future.cancelled}`)).body).toMatchObject({ deleted: true });
      // Nothing changed in what the earlier window sees after the changes but the two meetings and their places.
      const window = (await get(`${base}/oparl/v1/body/${code}/meeting?modified_since=${encodeURIComponent(since)}&modified_until=${encodeURIComponent(before)}`)).body;
      expect(window.data).toEqual([]);
    });

    it('makes a matter turned secret disappear from the papers and lists it as deleted to modified_since', async () => {
      const before = new Date().toISOString();
      const paperId = `${base}/oparl/v1/body/${code}/paper/${publicMatterId}`;
      await secretary.patch(`/matters/${publicMatterId}`, { secret: true, secrecyProvision: 'OSL 26 kap. 1 §' }).expect(200);
      const papers = (await get(`${base}/oparl/v1/body/${code}/paper`)).body;
      expect(papers.data.map((paper: OparlObject) => paper.id)).not.toContain(paperId);
      const changed = (await get(`${base}/oparl/v1/body/${code}/paper?modified_since=${encodeURIComponent(before)}`)).body;
      expect(changed.data).toEqual([expect.objectContaining({ id: paperId, deleted: true })]);
      const item = (await get(`${base}/oparl/v1/body/${code}/agendaItem/${publicItemId}`)).body;
      expect(item.name).toBe('Sekretessärende');
      expect(item).not.toHaveProperty('resolutionText');
      expect(item).not.toHaveProperty('auxiliaryFile');

      // Its tjänsteskrivelse is no longer a public file: gone from the list, deleted to modified_since and at its id.
      const handling = parts.find((part) => part.masked && part.itemId === publicItemId)!;
      const fileId = `${base}/oparl/v1/body/${code}/file/${handling.id}`;
      const files = (await get(`${base}/oparl/v1/body/${code}/file`)).body;
      expect(files.data.map((file: OparlObject) => file.id)).not.toContain(fileId);
      expect(files.data.length).toBeGreaterThan(0);
      const changedFiles = (await get(`${base}/oparl/v1/body/${code}/file?modified_since=${encodeURIComponent(before)}`)).body;
      expect(changedFiles.data).toEqual([{ id: fileId, type: 'https://schema.oparl.org/1.1/File', created: expect.any(String), modified: expect.any(String), deleted: true }]);
      expect(changedFiles.links.first).toBe(`${base}/oparl/v1/body/${code}/file?modified_since=${encodeURIComponent(before)}`);
      expect((await get(fileId)).body).toMatchObject({ id: fileId, deleted: true });
      await testApp.http().get(`/sammantraden/${seededMeetingId}/handlingar/${handling.id}`).expect(404);
    });
  });

  describe('the protocol', () => {
    it('refuses a filter that is no date with 400 in the error shape of the API', async () => {
      const response = await get(`${base}/oparl/v1/body/${code}/meeting?modified_since=igår`, 400);
      expect(response.body).toMatchObject({ statusCode: 400, error: 'INVALID_QUERY', details: [{ field: 'modified_since' }] });
    });

    it('answers 404 for an unknown body, list or object', async () => {
      await get(`${base}/oparl/v1/body/9999`, 404);
      await get(`${base}/oparl/v1/body/${code}/kommunalrad`, 404);
      await get(`${base}/oparl/v1/body/${code}/meeting/not-an-id`, 404);
      await get(`${base}/oparl/v1/body/${code}/meeting/00000000-0000-4000-8000-000000000000`, 404);
    });

    it('answers 304 to a client that has the current version, with ETag and Last-Modified', async () => {
      const path = `/oparl/v1/body/${code}/meeting`;
      const first = await testApp.http().get(path).expect(200);
      expect(first.headers['cache-control']).toBe('public, no-cache');
      expect(first.headers['last-modified']).toEqual(expect.any(String));
      expect(first.headers['content-type']).toBe('application/json; charset=utf-8');
      await testApp.http().get(path).set('If-None-Match', first.headers.etag).expect(304);
    });
  });
});
