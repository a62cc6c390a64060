import { Resvg } from '@resvg/resvg-js';
import { Tenant, createTenant } from './factories/tenant.factory';
import { xlsxDocument } from '../libs/documents/src/testing/office-documents';
import { binaryParser, docxWithText, pdfWithText } from './support/files';
import { MailSink } from './support/mail-sink';
import { MeetingWorld, meetingWorld, stockholmDaysFromNow } from './support/meeting-fixture';
import { expectAgendaPages } from './support/notice-bundles';
import { poppler, readOutline, squash } from './support/pdf-reading';
import { PrivateDatabase } from './support/private-database';
import { PrivateRedis } from './support/private-redis';
import { createTestApp, TestApp } from './support/test-app';
import { WorkerProcess } from './support/worker-process';
import { truncatedDocx } from './support/zip-archives';

/** A map of the school yard as a PNG: a bilaga with no text of its own. */
function schoolYardPng(): Buffer {
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300"><rect width="400" height="300" fill="#dfe"/><rect x="50" y="50" width="120" height="80" fill="#468"/></svg>';
  return new Resvg(svg).render().asPng();
}

/** The worker starts LibreOffice at its first conversion, and a bundle is converted twice (the kallelse's pages, numbered). */
jest.setTimeout(180_000);

interface Attachment {
  fileName: string;
  content: Buffer;
  description: string;
}

/**
 * The handlingar PDF through the whole path: the API finalizes, the real worker renders the bundle with the real
 * LibreOffice before the dispatch, nodemailer delivers to an SMTP server in this process, and poppler and pdf.js read
 * the PDF as a member's reader would.
 */
describe('sammanträdeshandlingar: the kallelse with all its documents in one PDF', () => {
  let database: PrivateDatabase;
  let redis: PrivateRedis;
  let sink: MailSink;
  let testApp: TestApp;
  let tenant: Tenant;
  let world: MeetingWorld;
  let worker: WorkerProcess;

  const download = async (path: string) => (await world.secretary.get(path).buffer(true).parse(binaryParser).expect(200)).body as Buffer;

  /** A matter whose signed tjänsteskrivelse carries the given bilagor, registered in the diarium first. */
  const matterWithAttachments = async (title: string, attachments: Attachment[]) => {
    const { matterId, caseNumber } = await world.unsignedMatter(title);
    const documentIds: string[] = [];
    for (const attachment of attachments) {
      const fields = { direction: 'drawn_up', documentDate: '2026-11-20', description: attachment.description, title: attachment.description };
      documentIds.push((await world.secretary.upload('post', `/matters/${matterId}/documents`, attachment, fields).expect(201)).body.id);
    }
    const draft = (
      await world.head
        .post(`/matters/${matterId}/officer-reports`, {
          organId: world.organId,
          title,
          proposedDecision: [`Nämnden beslutar enligt förvaltningens förslag i ärendet ${title}.`],
          description: `Beskrivning av ärendet ${title}.`,
          decisionRecipients: ['Akten'],
          attachmentDocumentIds: documentIds,
        })
        .expect(201)
    ).body;
    await world.head.post(`/officer-reports/${draft.id}/submission`).expect(201);
    await world.head.post(`/officer-reports/${draft.id}/approval`).expect(201);
    return { matterId, caseNumber, documentIds };
  };

  const notice = async (noticeId: string) => (await world.secretary.get(`/meeting-notices/${noticeId}`).expect(200)).body;

  const waitForNotice = async (noticeId: string, done: (notice: { bundleStatus: string; bundleError: { fileName: string | null } | null; status: string }) => boolean, what: string) => {
    const deadline = Date.now() + 120_000;
    for (;;) {
      const current = await notice(noticeId);
      if (done(current)) return current;
      if (Date.now() > deadline) throw new Error(`Waited in vain for ${what}: ${JSON.stringify(current)}\n${worker.output.slice(-3000)}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };

  beforeAll(async () => {
    database = await new PrivateDatabase().create('bundle');
    redis = await new PrivateRedis().start();
    sink = await new MailSink().start();
    process.env.DATABASE_URL = database.url;
    process.env.REDIS_URL = redis.url;
    testApp = await createTestApp();
    tenant = await createTenant(testApp, 'Handlingskommun');
    world = await meetingWorld(testApp, tenant);
    worker = await new WorkerProcess({ DATABASE_URL: database.url, REDIS_URL: redis.url, SMTP_URL: sink.url, MAIL_FROM: 'Handlingskommun <namndrum@test.example>' }).start();
  }, 60_000);

  afterAll(async () => {
    await worker?.stop();
    await testApp?.close();
    await sink?.stop();
    await redis?.stop();
    await database?.drop();
  });

  it('e-mails the notice with one bookmarked PDF whose agenda prints the pages where each item starts', async () => {
    const meetingId = await world.meeting(stockholmDaysFromNow(3, '14:00'), stockholmDaysFromNow(3, '17:00'));
    const school = await matterWithAttachments('Skolskjutsar läsåret 2027/28', [
      { fileName: 'Skolskjutsplan.docx', content: await docxWithText('Skolskjutsplan', 'Skolskjutsen körs av Dala Buss från och med augusti.', 'Hållplatserna ligger vid Marnäs och Säfsen.'), description: 'Skolskjutsplan' },
      { fileName: 'Yttrande.pdf', content: pdfWithText('Yttrande fran elevradet om skolskjutsen'), description: 'Yttrande från elevrådet' },
      { fileName: 'Karta.png', content: schoolYardPng(), description: 'Karta över skolgården' },
      { fileName: 'Kostnader.xlsx', content: xlsxDocument('Kostnader.xlsx', [['Linje', 'Kostnad'], ['Kvarnbo', 120000]]).content, description: 'Kostnader per linje' },
    ]);
    const fees = await matterWithAttachments('Avgifter för kulturskolan', []);
    for (const matterId of [school.matterId, fees.matterId]) await world.secretary.post(`/meetings/${meetingId}/agenda-items`, { kind: 'matter', matterId }).expect(201);
    await world.secretary.post(`/meetings/${meetingId}/agenda-items`, { kind: 'information', title: 'Information om lokalförsörjningen' }).expect(201);
    const items: { id: string; position: number; title: string }[] = (await world.secretary.get(`/meetings/${meetingId}/agenda-items`).expect(200)).body;

    const finalized = (await world.secretary.post(`/meetings/${meetingId}/notices`).expect(201)).body;
    expect(finalized.bundleStatus).toBe('pending');
    const member = world.people[Object.keys(world.people)[0]].email;
    await sink.waitFor((received) => received.some((mail) => mail.recipients.includes(member)), 120_000, `the notice to ${member}`);
    const mail = await sink.parse(sink.to(member)[0]);
    const attached = mail.attachments.filter((attachment) => attachment.contentType === 'application/pdf');
    expect(attached.map((attachment) => attachment.filename)).toEqual([expect.stringMatching(/^Kallelse .* v1 med handlingar\.pdf$/)]);
    expect(mail.attachments.some((attachment) => attachment.contentType.includes('wordprocessingml'))).toBe(false);
    const pdf = attached[0].content;

    const text = squash(await poppler('pdftotext', pdf));
    for (const item of items) expect(text).toContain(item.title);
    expect(text).toContain('Skolskjutsen körs av Dala Buss');
    expect(text).toContain('Yttrande fran elevradet om skolskjutsen');
    expect(text).toContain('Kvarnbo');

    const stored = await notice(finalized.id);
    expect(stored).toMatchObject({ bundleStatus: 'ready', bundleError: null });
    expect(await poppler('pdfinfo', pdf)).toMatch(new RegExp(`Pages:\\s+${stored.bundlePageCount}\\n`));
    expect(await download(`/meeting-notices/${finalized.id}/pdf`)).toEqual(pdf);
    expect(await download(`/meetings/${meetingId}/handlingar.pdf`)).toEqual(pdf);

    // One part per document, in agenda order, the kallelse first; each downloads on its own with its own pages.
    const parts: { position: number; itemNumber: number | null; title: string; firstPage: number; pageCount: number }[] = (
      await world.secretary.get(`/meeting-notices/${finalized.id}/parts`).expect(200)
    ).body.items;
    const schoolNumber = items.find((item) => item.title === 'Skolskjutsar läsåret 2027/28')!.position;
    expect(parts.map((part) => [part.itemNumber, part.title])).toEqual([
      [null, 'Kallelse'],
      [schoolNumber, 'Tjänsteskrivelse'],
      [schoolNumber, 'Bilaga 1: Skolskjutsplan'],
      [schoolNumber, 'Bilaga 2: Yttrande från elevrådet'],
      [schoolNumber, 'Bilaga 3: Karta över skolgården'],
      [schoolNumber, 'Bilaga 4: Kostnader per linje'],
      [schoolNumber + 1, 'Tjänsteskrivelse'],
      // The organ's standard item lists the delegated decisions: a document of its own.
      ...items.filter((item) => item.title === 'Anmälan av delegationsbeslut').map((item) => [item.position, item.title]),
    ]);
    for (const [index, part] of parts.entries()) {
      if (index > 0) expect(part.firstPage).toBe(parts[index - 1].firstPage + parts[index - 1].pageCount);
      const alone = await download(`/meeting-notices/${finalized.id}/parts/${part.position}/pdf`);
      expect(await poppler('pdfinfo', alone)).toMatch(new RegExp(`Pages:\\s+${part.pageCount}\\n`));
    }

    // The outline: the kallelse, then each item with a bookmark per document, each opening the page where it starts.
    const outline = await readOutline(pdf);
    expect(outline.map((entry) => entry.title)).toEqual(['Kallelse', ...items.map((item) => `${item.position}. ${item.title}`)]);
    const schoolEntry = outline.find((entry) => entry.title === `${schoolNumber}. Skolskjutsar läsåret 2027/28`)!;
    expect(schoolEntry.children.map((child) => [child.title, child.page])).toEqual(parts.filter((part) => part.itemNumber === schoolNumber).map((part) => [part.title, part.firstPage]));

    // The spreadsheet had no text of its own for search; its PDF gave it some.
    const found = (await world.secretary.get(`/matters?q=${encodeURIComponent('Kvarnbo')}`).expect(200)).body;
    expect(found.items.map((matter: { id: string }) => matter.id)).toEqual([school.matterId]);

    // Page 1's agenda prints each item's range as plain numbers, in the DOCX too, where the item's documents start.
    await expectAgendaPages(pdf, await download(`/meeting-notices/${finalized.id}/docx`), items, parts);
  });

  it('holds a notice whose bilaga cannot be converted, tells the secretary which file, and sends it once the file is replaced', async () => {
    const meetingId = await world.meeting(stockholmDaysFromNow(4, '14:00'), stockholmDaysFromNow(4, '17:00'));
    const { matterId, documentIds } = await matterWithAttachments('Upphandling av skolmat', [{ fileName: 'Anbud.docx', content: await truncatedDocx(), description: 'Anbudssammanställning' }]);
    await world.secretary.post(`/meetings/${meetingId}/agenda-items`, { kind: 'matter', matterId }).expect(201);
    const finalized = (await world.secretary.post(`/meetings/${meetingId}/notices`).expect(201)).body;

    const held = await waitForNotice(finalized.id, (current) => current.bundleError !== null, 'the failed conversion to be recorded');
    expect(held).toMatchObject({ status: 'scheduled', bundleError: { fileName: 'Anbud.docx' } });
    const report = (await world.secretary.get(`/meeting-notices/${finalized.id}/deliveries`).expect(200)).body;
    expect(report).toMatchObject({ bundleError: { fileName: 'Anbud.docx' }, counts: { queued: 0, sent: 0, failed: 0, noAddress: 0 } });
    expect(sink.received.some((mail) => mail.raw.toString('utf8').includes('Upphandling av skolmat'))).toBe(false);
    const refused = await world.secretary.get(`/meeting-notices/${finalized.id}/pdf`).expect(409);
    expect(refused.body.message).toContain('Anbud.docx');

    const replacement = await docxWithText('Anbudssammanställning', 'Tre anbud kom in; Skolmat i Dalarna AB har lägst pris.');
    const before = (await world.secretary.get(`/documents/${documentIds[0]}`).expect(200)).body;
    const replaced = (await world.secretary.upload('put', `/documents/${documentIds[0]}/file`, { content: replacement, fileName: 'Anbud.docx' }).expect(200)).body;
    expect(replaced).toMatchObject({ id: before.id, documentNumber: before.documentNumber, description: before.description });
    expect(replaced.sha256).not.toBe(before.sha256);
    const history = (await world.secretary.get(`/matters/${matterId}/events`).expect(200)).body;
    expect(JSON.stringify(history)).toContain('ersattes med en läsbar kopia');

    // The worker's next attempt converts the readable copy, and the held notice goes out.
    await waitForNotice(finalized.id, (current) => current.status === 'dispatched', 'the notice to go out');
    const member = world.people[Object.keys(world.people)[0]].email;
    await sink.waitFor((received) => received.filter((mail) => mail.recipients.includes(member)).length === 2, 60_000, 'the held notice');
    const pdf = await download(`/meeting-notices/${finalized.id}/pdf`);
    expect(squash(await poppler('pdftotext', pdf))).toContain('Skolmat i Dalarna AB har lägst pris');
  });
});
