import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FILE_STORAGE, FileStorage, S3FileStorage, sha256Hex } from '@namndrum/core';
import { NoticeService } from '@namndrum/meetings';
import { entityTag } from '@namndrum/publication';
import { createTenant, Tenant } from './factories/tenant.factory';
import { binaryParser, docxWithText, pdfWithText } from './support/files';
import { RunningS3Server, startS3Server } from './support/s3-server';
import { createTestApp, TestApp } from './support/test-app';

/**
 * Two API processes on two machines, each with a local folder of its own, share their files through the
 * bucket: what one stored, the other serves, streamed, with the same headers as from the local folder.
 */
describe('files in an S3 bucket shared by two API instances', () => {
  let s3: RunningS3Server;
  const folders: string[] = [];
  let first: TestApp;
  let second: TestApp;
  let tenant: Tenant;
  let admin: string;
  let matterId: string;

  /** An API instance with the bucket configured and an empty FILES_DIR of its own. */
  const instance = async (): Promise<TestApp> => {
    const folder = await mkdtemp(join(tmpdir(), 'namndrum-instance-'));
    folders.push(folder);
    const previous = { ...process.env };
    Object.assign(process.env, s3.settings, { FILES_DIR: folder, S3_PREFIX: 'delad/' });
    try {
      return await createTestApp();
    } finally {
      process.env = previous;
    }
  };

  beforeAll(async () => {
    s3 = await startS3Server();
    first = await instance();
    second = await instance();
    tenant = await createTenant(first, 'Bucketkommun');
    const organId = await tenant.organ({ name: 'Kommunstyrelsen', shortName: 'KS', responsibleDepartmentId: tenant.departmentId });
    admin = (await tenant.user([{ role: 'admin' }])).token;
    const registryId = (await first.http().post('/api/v1/registries').set('Authorization', `Bearer ${admin}`).send({ code: 'KS', name: 'Diariet', organId }).expect(201)).body.id;
    matterId = (await first.http().post('/api/v1/matters').set('Authorization', `Bearer ${admin}`).send({ registryId, title: 'Medborgarförslag om en badplats' }).expect(201)).body.id;
  });

  afterAll(async () => {
    await first?.close();
    await second?.close();
    await s3?.stop();
    for (const folder of folders) await rm(folder, { recursive: true, force: true });
  });

  it('stores an uploaded document in the bucket, and the other instance downloads it with the same headers', async () => {
    const content = await docxWithText('Medborgarförslag', 'Jag föreslår en badplats vid Väsman.');
    const uploaded = await first
      .http()
      .post(`/api/v1/matters/${matterId}/documents`)
      .set('Authorization', `Bearer ${admin}`)
      .field('direction', 'incoming')
      .field('documentDate', '2026-05-04')
      .field('counterparty', 'Anna Andersson')
      .field('description', 'Medborgarförslag om en badplats')
      .attach('file', content, 'förslag.docx')
      .expect(201);
    expect(uploaded.body.sha256).toBe(sha256Hex(content));
    expect(first.app.get(FILE_STORAGE)).toBeInstanceOf(S3FileStorage);
    for (const folder of folders) expect(await readdir(folder)).toEqual([]);

    for (const api of [second, first]) {
      const download = await api.http().get(`/api/v1/documents/${uploaded.body.id}/content`).set('Authorization', `Bearer ${admin}`).buffer(true).parse(binaryParser).expect(200);
      expect(download.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      expect(download.headers['content-length']).toBe(String(content.length));
      expect(download.headers['content-disposition']).toBe(`attachment; filename="f?rslag.docx"; filename*=UTF-8''f%C3%B6rslag.docx`);
      expect((download.body as Buffer).equals(content)).toBe(true);
    }
  });

  it('serves a published meeting document to the public from the other instance, streamed with its ETag', async () => {
    const organId = await tenant.organ({ name: 'Kultur- och fritidsnämnden', shortName: 'KFN', responsibleDepartmentId: tenant.departmentId });
    const meetingId = (
      await first.http().post('/api/v1/meetings').set('Authorization', `Bearer ${admin}`).send({ organId, startsAt: '2026-06-10T14:00:00+02:00', endsAt: '2026-06-10T16:00:00+02:00', place: 'Stadshuset' }).expect(201)
    ).body.id;
    const notice = await tenant.run((ctx) => first.app.get(NoticeService).recordSent(ctx, meetingId, { finalizedAt: new Date(), dispatchedAt: new Date() }));
    // The handling as the worker stores it when it renders the kallelse med handlingar.
    const pdf = pdfWithText('Kallelse till Kultur- och fritidsnämnden');
    const sha256 = await first.app.get<FileStorage>(FILE_STORAGE).put(pdf);
    const [{ id: fileId }] = await first.dataSource.query(
      `INSERT INTO notice_bundle_parts (municipality_id, notice_id, masked, position, item_id, item_number, title, pdf_sha256, first_page, page_count)
       VALUES ($1, $2, false, 0, NULL, NULL, 'Kallelse', $3, 1, 1) RETURNING id`,
      [tenant.municipalityId, notice.id, sha256],
    );
    await first.dataSource.query(`UPDATE meeting_notices SET bundle_status = 'ready' WHERE id = $1`, [notice.id]);

    const path = `/sammantraden/${meetingId}/handlingar/${fileId}`;
    const download = await second.http().get(path).buffer(true).parse(binaryParser).expect(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-length']).toBe(String(pdf.length));
    expect(download.headers['content-disposition']).toBe('attachment; filename=Kallelse.pdf');
    expect(download.headers.etag).toBe(entityTag(pdf));
    expect((download.body as Buffer).equals(pdf)).toBe(true);
    await second.http().get(path).set('If-None-Match', download.headers.etag).expect(304);
  });
});
