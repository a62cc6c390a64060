import { FILE_STORAGE, OUTBOX_KINDS } from '@namndrum/core';
import { DOCUMENT_CONVERTER } from '@namndrum/documents';
import { OfficerReportService } from '@namndrum/matters';
import { NoticeService } from '@namndrum/meetings';
import { DocumentArchiver, MinutesArchiveService, PostingService } from '@namndrum/minutes';
import { createTenant, Tenant } from './factories/tenant.factory';
import { binaryParser } from './support/files';
import { Api, MeetingWorld, meetingWorld, TestClock } from './support/meeting-fixture';
import { poppler } from './support/pdf-reading';
import { createTestApp, TestApp } from './support/test-app';

interface ParagraphBody {
  id: string;
  number: number;
  title: string;
  status: string;
  decision: string[];
  matterId: string | null;
}

/** What can be checked of a PDF/A without veraPDF: poppler's view of its encryption, XMP, fonts, text and document info. */
interface PdfFacts {
  info: string;
  xmp: string;
  fonts: { name: string; embedded: string }[];
  text: string;
}

/**
 * The archival PDF/A of what is signed or verified: a signed tjänsteskrivelse, verified minutes, a
 * verified paragraph's protokollsutdrag and the minutes published on the notice board, each made by
 * the archive job through the real LibreOffice, carrying who signed, when, and the sha256 of the
 * signed content in its text and its metadata.
 */
describe('archival PDF/A of signed and verified documents', () => {
  const clock = new TestClock();
  let testApp: TestApp;
  let tenant: Tenant;
  let world: MeetingWorld;
  let archiver: DocumentArchiver;

  const pdfFacts = async (pdf: Buffer): Promise<PdfFacts> => {
    const fontLines = (await poppler('pdffonts', pdf)).split('\n').slice(2).filter((line) => line.trim() !== '');
    // name, type (one or two words), encoding, emb, sub, uni, object id: read from the right.
    const fonts = fontLines.map((line) => {
      const columns = line.trim().split(/\s+/);
      return { name: columns[0], embedded: columns[columns.length - 5] };
    });
    return { info: await poppler('pdfinfo', pdf), xmp: await poppler('pdfinfo', pdf, ['-meta']), fonts, text: await poppler('pdftotext', pdf, ['-enc', 'UTF-8']) };
  };

  const expectPdfA2b = (facts: PdfFacts) => {
    expect(facts.info).toMatch(/^Encrypted:\s+no$/m);
    expect(facts.xmp).toMatch(/pdfaid:part(>|=")2/);
    expect(facts.xmp).toMatch(/pdfaid:conformance(>|=")B/);
    expect(facts.fonts.length).toBeGreaterThan(0);
    expect(facts.fonts.filter((font) => font.embedded !== 'yes')).toEqual([]);
  };

  /** Runs every pending archive job as the worker would, each twice: the second run finds it done. */
  const runArchiveJobs = async (): Promise<number> => {
    const jobs: { id: string }[] = await testApp.dataSource.query(`SELECT id FROM outbox_jobs WHERE kind = $1 AND status = 'pending' AND municipality_id = $2 ORDER BY created_at`, [
      OUTBOX_KINDS.documentArchive,
      tenant.municipalityId,
    ]);
    for (const job of jobs) {
      expect(await archiver.archive(job.id)).toEqual({ pdfSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(await archiver.archive(job.id)).toBeNull();
    }
    return jobs.length;
  };

  const download = (api: Api, path: string) => api.get(path).buffer(true).parse(binaryParser);

  beforeAll(async () => {
    testApp = await createTestApp([], { clock });
    tenant = await createTenant(testApp, 'Arkivkommun');
    world = await meetingWorld(testApp, tenant);
    archiver = new DocumentArchiver(testApp.dataSource, testApp.app.get(OfficerReportService), testApp.app.get(MinutesArchiveService), testApp.app.get(DOCUMENT_CONVERTER), testApp.app.get(FILE_STORAGE));
  }, 60_000);

  afterAll(async () => {
    clock.current = null;
    await testApp?.close();
  });

  it('stores a signed tjänsteskrivelse as PDF/A-2b with the signature printed and in its metadata', async () => {
    const { reportId } = await world.signedMatter('Bildande av arbetsutskott');
    const report = (await world.head.get(`/officer-reports/${reportId}`).expect(200)).body;
    expect(report.contentSha256).toMatch(/^[0-9a-f]{64}$/);
    const waiting = await world.head.get(`/officer-reports/${reportId}/archival-pdf`).expect(409);
    expect(waiting.body).toMatchObject({ error: 'NOT_ARCHIVED_YET', message: 'Arkivexemplaret (PDF/A) av tjänsteskrivelsen görs just nu; försök igen om en stund' });

    expect(await runArchiveJobs()).toBe(1);

    const response = await download(world.head, `/officer-reports/${reportId}/archival-pdf`).expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toContain('.pdf');
    const facts = await pdfFacts(response.body);
    expectPdfA2b(facts);
    expect(facts.text).toContain('Bildande av arbetsutskott');
    // Signed in with e-mail and password: the record says so (the line may wrap in the text).
    expect(report).toMatchObject({ signedAuthMethod: 'password', signedAuthProviderName: null });
    expect(facts.text).toMatch(/Elektroniskt signerad av Jonas Fors, Förvaltningschef, \d{1,2} \S+ \d{4} kl\. \d{2}:\d{2},\s+inloggad\s+med\s+e-post\s+och\s+lösenord/);
    expect(facts.text).toContain(report.contentSha256);
    expect(facts.info).toMatch(/^Subject:\s+Elektroniskt signerad av Jonas Fors, Förvaltningschef, .*, inloggad med e-post och lösenord$/m);
    expect(facts.info).toMatch(new RegExp(`^Keywords:\\s+${report.contentSha256}$`, 'm'));
    expect(facts.xmp).toContain(report.contentSha256);
    expect(facts.xmp).toContain('Elektroniskt signerad av Jonas Fors');

    // The signed row took its archival PDF once; it takes no other, and no other change.
    await expect(testApp.dataSource.query(`UPDATE officer_reports SET archival_pdf_sha256 = $2 WHERE id = $1`, [reportId, 'f'.repeat(64)])).rejects.toThrow(/is signed and cannot change/);
    await expect(testApp.dataSource.query(`UPDATE officer_reports SET return_comment = 'Ändrad' WHERE id = $1`, [reportId])).rejects.toThrow(/is signed and cannot change/);
  }, 120_000);

  it('refuses the PDF of a tjänsteskrivelse that is not signed', async () => {
    const { matterId } = await world.unsignedMatter('Ännu inte signerad');
    const draft = (
      await world.head
        .post(`/matters/${matterId}/officer-reports`, { organId: world.organId, title: 'Ännu inte signerad', proposedDecision: ['Nämnden beslutar.'], description: 'Beskrivning.' })
        .expect(201)
    ).body;
    expect((await world.head.get(`/officer-reports/${draft.id}/archival-pdf`).expect(409)).body).toMatchObject({
      error: 'REPORT_NOT_SIGNED',
      message: 'Tjänsteskrivelsen är inte signerad; bara en signerad tjänsteskrivelse arkiveras som PDF/A',
    });
  });

  describe('verified minutes', () => {
    let minutes: { id: string; paragraphs: ParagraphBody[] };
    let contentSha256: string;
    let chair: Api;
    let verifier: Api;

    beforeAll(async () => {
      chair = await world.user('hakan');
      verifier = await world.user('anna');
      const { matterId } = await world.signedMatter('Taxa för tillsyn 2026');
      await runArchiveJobs();
      clock.current = new Date('2026-03-20T10:00:00Z');
      const meetingId = await world.meeting('2026-03-30T14:00:00+02:00', '2026-03-30T16:00:00+02:00');
      await world.secretary.post(`/meetings/${meetingId}/agenda-items`, { kind: 'matter', matterId }).expect(201);
      await tenant.run((ctx) => testApp.app.get(NoticeService).recordSent(ctx, meetingId, { finalizedAt: clock.now(), dispatchedAt: clock.now() }));
      clock.current = new Date('2026-03-30T14:05:00Z');
      await world.secretary.post(`/meetings/${meetingId}/held`).expect(200);
      minutes = (await world.secretary.post(`/meetings/${meetingId}/minutes`).expect(201)).body;
      for (const item of minutes.paragraphs) {
        const current: ParagraphBody = (await world.secretary.get(`/paragraphs/${item.id}`).expect(200)).body;
        await world.secretary.post(`/paragraphs/${item.id}/decision`, current.decision.length ? {} : { decision: [`Nämnden beslutar i ${current.title}.`] }).expect(200);
      }
      await world.secretary.patch(`/minutes/${minutes.id}`, { verifierPersonIds: [world.people.anna.personId], verificationPlace: 'Socialförvaltningen', verificationAt: '2026-04-02T10:00:00+02:00' }).expect(200);
      clock.current = new Date('2026-04-02T08:00:00Z');
      contentSha256 = (await world.secretary.get(`/minutes/${minutes.id}`).expect(200)).body.currentContentSha256;
    }, 120_000);

    it('refuses the PDF/A of minutes not yet verified', async () => {
      expect((await world.secretary.get(`/minutes/${minutes.id}/archival-pdf`).expect(409)).body).toMatchObject({
        error: 'NOT_VERIFIED',
        message: 'Protokollet är inte justerat; bara ett justerat protokoll arkiveras som PDF/A',
      });
    });

    it('stores the verified minutes, each extract and the published version as PDF/A-2b with the justering printed and in the metadata', async () => {
      await chair.post(`/minutes/${minutes.id}/approvals`, { contentSha256 }).expect(201);
      clock.current = new Date('2026-04-02T08:30:00Z');
      expect((await verifier.post(`/minutes/${minutes.id}/approvals`, { contentSha256 }).expect(201)).body.status).toBe('verified');
      expect((await world.secretary.get(`/minutes/${minutes.id}/archival-pdf`).expect(409)).body.error).toBe('NOT_ARCHIVED_YET');

      // The minutes, one extract per paragraph and the published version on the notice board.
      expect(await runArchiveJobs()).toBe(1 + minutes.paragraphs.length + 1);

      const whole = await download(world.secretary, `/minutes/${minutes.id}/archival-pdf`).expect(200);
      expect(whole.headers['content-type']).toBe('application/pdf');
      const facts = await pdfFacts(whole.body);
      expectPdfA2b(facts);
      expect(facts.text).toContain('Taxa för tillsyn 2026');
      // Both signed in with e-mail and password: each line says so (and may wrap in the text).
      expect(facts.text).toMatch(/Elektroniskt signerad av Hakan Testsson, ordförande, 2 april 2026 kl\. 10:00,\s+inloggad\s+med\s+e-post\s+och\s+lösenord/);
      expect(facts.text).toMatch(/Elektroniskt signerad av Anna Testsson, justerare, 2 april 2026 kl\. 10:30,\s+inloggad\s+med\s+e-post\s+och\s+lösenord/);
      expect(facts.text).toContain(contentSha256);
      expect(facts.info).toMatch(new RegExp(`^Keywords:\\s+${contentSha256}$`, 'm'));
      expect(facts.xmp).toContain('Elektroniskt signerad av Hakan Testsson, ordförande, 2 april 2026 kl. 10:00, inloggad med e-post och lösenord');

      const matterParagraph = minutes.paragraphs.find((item) => item.matterId !== null)!;
      const extract = await download(world.secretary, `/paragraphs/${matterParagraph.id}/archival-pdf`).expect(200);
      expect(extract.headers['content-type']).toBe('application/pdf');
      const extractFacts = await pdfFacts(extract.body);
      expectPdfA2b(extractFacts);
      expect(extractFacts.text).toContain('Utdrag ur protokoll');
      expect(extractFacts.text).toContain('Elektroniskt signerad av Anna Testsson, justerare');
      expect(extractFacts.text).toContain(contentSha256);

      await expect(testApp.dataSource.query(`UPDATE minutes SET archival_pdf_sha256 = $2 WHERE id = $1`, [minutes.id, 'f'.repeat(64)])).rejects.toThrow(/verified and cannot change/);
      await expect(testApp.dataSource.query(`UPDATE minutes_paragraphs SET title = 'Förfalskad' WHERE id = $1`, [matterParagraph.id])).rejects.toThrow(/verified and cannot change/);
    }, 240_000);

    it('links the published minutes as PDF on the public notice board, downloaded as application/pdf', async () => {
      const posting = (await world.secretary.get(`/minutes/${minutes.id}/postings`).expect(200)).body.find((candidate: { paragraphId: string | null }) => candidate.paragraphId === null);
      const [publish]: { id: string }[] = await testApp.dataSource.query(`SELECT id FROM outbox_jobs WHERE kind = $1 AND payload->>'postingId' = $2`, [OUTBOX_KINDS.postingPublish, posting.id]);
      await testApp.app.get(PostingService).run(publish.id, 'publish');
      const [{ code }]: { code: string }[] = await testApp.dataSource.query(`SELECT code FROM municipalities WHERE id = $1`, [tenant.municipalityId]);
      const pdfPath = `/anslagstavla/${code}/anslag/${posting.id}/protokoll.pdf`;
      const board = await testApp.http().get(`/anslagstavla/${code}`).expect(200);
      expect(board.text).toContain(`<a href="${pdfPath}" type="application/pdf">Ladda ned protokollet (PDF)</a>`);
      const published = await testApp.http().get(pdfPath).buffer(true).parse(binaryParser).expect(200);
      expect(published.headers['content-type']).toBe('application/pdf');
      const facts = await pdfFacts(published.body);
      expectPdfA2b(facts);
      expect(facts.text).toContain('Elektroniskt signerad av Hakan Testsson, ordförande');
      expect(facts.text).toContain(contentSha256);
    }, 60_000);
  });
});
