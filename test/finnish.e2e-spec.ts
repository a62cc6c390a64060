import { MatterSecrecyService } from '@namndrum/matters';
import { AppConfig, FILE_STORAGE, RequestContext } from '@namndrum/core';
import { DelegationReportService, MailDelivery, NoticeService } from '@namndrum/meetings';
import { PostingService } from '@namndrum/minutes';
import { OrganService, PersonService } from '@namndrum/organisation';
import { NoticeMailMaterial } from '../libs/meetings/src/jobs/notice-mail-material';
import { readDocx } from '../libs/documents/src/testing/read-docx';
import { createTenant, Tenant } from './factories/tenant.factory';
import { binaryParser } from './support/files';
import { Api, MeetingWorld, meetingWorld, TestClock } from './support/meeting-fixture';
import { createTestApp, TestApp } from './support/test-app';
import { renderNoticeBundle } from './support/notice-bundles';
import { poppler, squash } from './support/pdf-reading';

const TITLE = 'Tvåspråkig skyltning vid stadshuset';
const TITLE_FI = 'Kaksikielinen opastus kaupungintalolla';
const VERIFIERS_FI = 'Pöytäkirjantarkastajan valinta';
const SECRET_TITLE = 'Stöd till enskild familj';
const SECRET_TITLE_FI = 'Tuki yksittäiselle perheelle';

/**
 * An organ in the Finnish administrative area (lag 2009:724), like Ludvika's råd för finskt förvaltningsområde: the
 * secretary enters Finnish titles on the agenda, and the notice, its e-mail, the public meeting page, the protokoll
 * and the anslag on the notice board carry Finnish beside the Swedish; a secret matter's Finnish title goes nowhere.
 */
describe('Finnish for an organ with Finnish among its languages', () => {
  const clock = new TestClock();
  let testApp: TestApp;
  let tenant: Tenant;
  let world: MeetingWorld;
  let chair: Api;
  /** A user of the municipality with no seat in the råd: a secret matter is masked to them. */
  let outsider: Api;
  let verifier: Api;
  let meetingId: string;
  let municipalityCode: string;
  let items: { id: string; title: string; titleFi: string | null; kind: string }[];

  beforeAll(async () => {
    testApp = await createTestApp([], { clock });
    tenant = await createTenant(testApp, 'Finska kommunen');
    world = await meetingWorld(testApp, tenant, { organName: 'Råd för finskt förvaltningsområde' });
    chair = await world.user('hakan');
    verifier = await world.user('anna');
    outsider = world.as((await tenant.user([])).token);
    municipalityCode = (await testApp.dataSource.query(`SELECT code FROM municipalities WHERE id = $1`, [tenant.municipalityId]))[0].code;
    clock.current = new Date('2026-05-04T08:00:00Z');
    const matter = await world.signedMatter(TITLE);
    const secret = await world.signedMatter(SECRET_TITLE, world.organId, { secret: true, secrecyProvision: 'OSL 26 kap. 1 §' });
    meetingId = await world.meeting('2026-05-20T14:00:00+02:00', '2026-05-20T16:00:00+02:00');
    await world.secretary.post(`/meetings/${meetingId}/agenda-items`, { kind: 'matter', matterId: matter.matterId }).expect(201);
    await world.secretary.post(`/meetings/${meetingId}/agenda-items`, { kind: 'matter', matterId: secret.matterId }).expect(201);
    items = (await world.secretary.get(`/meetings/${meetingId}/agenda-items`).expect(200)).body;
  }, 60_000);

  afterAll(async () => {
    clock.current = null;
    await testApp?.close();
  });

  const item = (title: string) => items.find((candidate) => candidate.title === title)!;

  it('refuses a Finnish title while the organ has no Finnish, and changes nothing', async () => {
    const refused = (await world.secretary.patch(`/agenda-items/${item(TITLE).id}`, { titleFi: TITLE_FI, documentsLater: true }).expect(400)).body;
    expect(refused).toMatchObject({ error: 'ORGAN_WITHOUT_FINNISH', details: [{ field: 'titleFi' }] });
    expect(refused.message).toContain('använder inte finska');
    const added = (await world.secretary.post(`/meetings/${meetingId}/agenda-items`, { kind: 'information', title: 'Information', titleFi: 'Tiedotus' }).expect(400)).body;
    expect(added.error).toBe('ORGAN_WITHOUT_FINNISH');
    const after = (await world.secretary.get(`/meetings/${meetingId}/agenda-items`).expect(200)).body;
    expect(after).toHaveLength(items.length);
    expect(after.find((row: { id: string }) => row.id === item(TITLE).id)).toMatchObject({ titleFi: null, documentsLater: false });
  });

  it('takes the Finnish titles the secretary enters once the organ has Finnish, and refuses a blank one', async () => {
    await world.admin.patch(`/organs/${world.organId}`, { rules: { languages: ['sv', 'fi'] } }).expect(200);
    expect((await world.secretary.patch(`/agenda-items/${item(TITLE).id}`, { titleFi: `  ${TITLE_FI} ` }).expect(200)).body).toMatchObject({ title: TITLE, titleFi: TITLE_FI });
    await world.secretary.patch(`/agenda-items/${item('Val av justerande').id}`, { titleFi: VERIFIERS_FI }).expect(200);
    await world.secretary.patch(`/agenda-items/${item(SECRET_TITLE).id}`, { titleFi: SECRET_TITLE_FI }).expect(200);
    expect((await world.secretary.patch(`/agenda-items/${item(TITLE).id}`, { titleFi: ' ' }).expect(400)).body.details[0].field).toBe('titleFi');
    const extra = (await world.secretary.post(`/meetings/${meetingId}/agenda-items`, { kind: 'information', title: 'Information om Finlands självständighetsdag', titleFi: 'Tiedotus' }).expect(201)).body;
    expect(extra.titleFi).toBe('Tiedotus');
    expect((await world.secretary.patch(`/agenda-items/${extra.id}`, { titleFi: null }).expect(200)).body.titleFi).toBeNull();
    await world.secretary.delete(`/agenda-items/${extra.id}`).expect(204);
  });

  it('prints the Finnish titles in the kallelse and lists them in the Finnish part of its e-mail, a secret matter\'s only to readers with access', async () => {
    const notice = await tenant.run((ctx) => testApp.app.get(NoticeService).recordSent(ctx, meetingId, { finalizedAt: clock.now(), dispatchedAt: clock.now() }));
    const docx = await world.secretary.get(`/meeting-notices/${notice.id}/docx`).buffer(true).parse(binaryParser).expect(200);
    const { html, text } = await readDocx(docx.body);
    expect(html).toContain('<h1>Kallelse / Kokouskutsu</h1>');
    expect(html).toContain(`${TITLE}<br />${TITLE_FI}`);
    expect(html).toContain(`Val av justerande<br />${VERIFIERS_FI}`);
    // The secret matter's titles follow the one secrecy rule: the secretary reads them, an outsider gets the masked notice.
    expect(html).toContain(`${SECRET_TITLE}<br />${SECRET_TITLE_FI}`);
    const masked = await readDocx((await outsider.get(`/meeting-notices/${notice.id}/docx`).buffer(true).parse(binaryParser).expect(200)).body);
    expect(masked.html).toContain(`${TITLE}<br />${TITLE_FI}`);
    expect(masked.text).not.toContain(SECRET_TITLE);
    expect(masked.text).not.toContain(SECRET_TITLE_FI);

    const material = new NoticeMailMaterial(testApp.app.get(AppConfig), testApp.app.get(OrganService), testApp.app.get(PersonService), testApp.app.get(DelegationReportService), testApp.app.get(MatterSecrecyService), testApp.app.get(FILE_STORAGE));
    const delivery = { purpose: 'notice', noticeId: notice.id, recipientName: 'Sverigefinska föreningen', email: 'forening@finska.example', messageId: '<test@finska.example>' } as MailDelivery;
    const mail = await tenant.run((ctx: RequestContext) => material.compose(ctx, delivery));
    expect(mail.subject).toMatch(/^Kallelse för kännedom \/ Kokouskutsu tiedoksi: Råd för finskt förvaltningsområde /);
    const finnishPart = mail.text.slice(mail.text.indexOf('Suomeksi'));
    expect(finnishPart).toContain(`1. ${VERIFIERS_FI}\n`);
    expect(finnishPart).toContain(`${TITLE_FI} (dnro `);
    expect(mail.text).not.toContain(SECRET_TITLE_FI);
    expect(mail.html).not.toContain(SECRET_TITLE_FI);
  });

  it('shows the public meeting page in Swedish and Finnish, with the Finnish titles', async () => {
    const page = (await testApp.http().get(`/sammantraden/${meetingId}`).expect(200)).text;
    expect(page).toContain('<p>Sammanträde / Kokous</p>');
    expect(page).toContain('<dt>Tid / Aika</dt><dd>Onsdag 20 maj 2026, kl. 14:00–16:00<br><span lang="fi">keskiviikko 20. toukokuuta 2026 klo 14.00–16.00</span></dd>');
    expect(page).toContain('<dt>Plats / Paikka</dt>');
    expect(page).toContain('<h2>Ärenden / Asiat</h2>');
    expect(page).toContain('<th>Nr / Nro</th><th>Ärende / Asia</th><th>Dnr / Dnro</th>');
    expect(page).toContain(`${TITLE}<br><span lang="fi">${TITLE_FI}</span>`);
    expect(page).not.toContain(SECRET_TITLE_FI);
  });

  it('gives the protokoll and the anslag on the notice board in Swedish and Finnish, with the Finnish titles', async () => {
    clock.current = new Date('2026-05-20T14:05:00Z');
    await world.secretary.post(`/meetings/${meetingId}/held`).expect(200);
    const minutes = (await world.secretary.post(`/meetings/${meetingId}/minutes`).expect(201)).body;
    const paragraph = (title: string) => minutes.paragraphs.find((candidate: { title: string }) => candidate.title === title);
    expect(paragraph(TITLE).titleFi).toBe(TITLE_FI);
    expect(paragraph(SECRET_TITLE).titleFi).toBe(SECRET_TITLE_FI);
    const secretAsRead = (await outsider.get(`/paragraphs/${paragraph(SECRET_TITLE).id}`).expect(200)).body;
    expect(secretAsRead).toMatchObject({ title: 'Sekretessärende', titleFi: null });
    // A Finnish title can also be entered in the minutes, for a paragraph the agenda did not give one.
    const extra = minutes.paragraphs.find((candidate: { title: string }) => candidate.title === 'Anmälan av extra ärenden');
    expect((await world.secretary.patch(`/paragraphs/${extra.id}`, { titleFi: 'Ylimääräiset asiat' }).expect(200)).body.titleFi).toBe('Ylimääräiset asiat');

    await world.secretary.patch(`/minutes/${minutes.id}`, { verifierPersonIds: [world.people.anna.personId], verificationPlace: 'Kommunkansliet', verificationAt: '2026-05-22T10:00:00+02:00' }).expect(200);
    for (const row of minutes.paragraphs as { id: string; title: string; decision: string[] }[]) {
      await world.secretary.post(`/paragraphs/${row.id}/decision`, row.decision.length ? {} : { decision: [`Rådet beslutar i ${row.title}.`] }).expect(200);
    }
    const draft = await world.secretary.get(`/minutes/${minutes.id}/docx`).buffer(true).parse(binaryParser).expect(200);
    expect((await readDocx(draft.body)).html).toContain('UTKAST – ej justerat / LUONNOS – ei tarkastettu');

    clock.current = new Date('2026-05-22T08:00:00Z');
    const { currentContentSha256 } = (await world.secretary.get(`/minutes/${minutes.id}`).expect(200)).body;
    await verifier.post(`/minutes/${minutes.id}/approvals`, { contentSha256: currentContentSha256 }).expect(201);
    expect((await chair.post(`/minutes/${minutes.id}/approvals`, { contentSha256: currentContentSha256 }).expect(201)).body.status).toBe('verified');

    const file = await world.secretary.get(`/minutes/${minutes.id}/docx`).buffer(true).parse(binaryParser).expect(200);
    const { html } = await readDocx(file.body);
    expect(html).toContain('<h1>Sammanträdesprotokoll / Kokouspöytäkirja</h1>');
    expect(html).toContain(`${TITLE}<br />${TITLE_FI}`);
    expect(html).toContain('Anmälan av extra ärenden<br />Ylimääräiset asiat');
    expect(html).toContain('<h2>Beslut / Päätös</h2>');
    expect(html).toContain('ANSLAG/BEVIS / ILMOITUS/TODISTUS');
    expect(html).toContain(`${SECRET_TITLE}<br />${SECRET_TITLE_FI}`);
    const maskedMinutes = await readDocx((await outsider.get(`/minutes/${minutes.id}/docx`).buffer(true).parse(binaryParser).expect(200)).body);
    expect(maskedMinutes.html).toContain(`${TITLE}<br />${TITLE_FI}`);
    expect(maskedMinutes.text).not.toContain(SECRET_TITLE_FI);

    const [posting] = (await world.secretary.get(`/minutes/${minutes.id}/postings`).expect(200)).body;
    const [job]: { id: string }[] = await testApp.dataSource.query(`SELECT id FROM outbox_jobs WHERE kind = 'posting.publish' AND payload->>'postingId' = $1`, [posting.id]);
    await testApp.app.get(PostingService).run(job.id, 'publish');
    const board = (await testApp.http().get(`/anslagstavla/${municipalityCode}`).expect(200)).text;
    expect(board).toContain('<h1>Anslagstavla / <span lang="fi">Ilmoitustaulu</span></h1>');
    expect(board).toContain('<span lang="fi">Pöytäkirja – Råd för finskt förvaltningsområde, kokous 20. toukokuuta 2026</span>');
    expect(board).toContain('<dt>Protokollet justerat / Pöytäkirja tarkastettu</dt><dd>22 maj 2026 / 22. toukokuuta 2026</dd>');
    expect(board).toContain('<dt>Sista dag att överklaga / Valitusajan viimeinen päivä</dt>');
    expect(board).toContain('<dt>Förvaringsplats för protokollet / Pöytäkirjan säilytyspaikka</dt>');
    expect(board).toContain('<h2 lang="fi">Näin haet muutosta</h2>');
    expect(board).toContain('Lataa pöytäkirja (Word)');
    const published = await testApp.http().get(`/anslagstavla/${municipalityCode}/anslag/${posting.id}/protokoll.docx`).buffer(true).parse(binaryParser).expect(200);
    const publishedDocx = await readDocx(published.body);
    expect(publishedDocx.html).toContain('<h1>Sammanträdesprotokoll / Kokouspöytäkirja</h1>');
    expect(publishedDocx.text).not.toContain(SECRET_TITLE_FI);
  });

  it('gives the kungörelse of a council with Finnish on the notice board in Finnish as well, a secret matter without its Finnish title', async () => {
    const council = await tenant.organ({ name: 'Kommunfullmäktige', shortName: 'KF', kind: 'council', responsibleDepartmentId: tenant.departmentId, rules: { languages: ['sv', 'fi'] } });
    await tenant.seat({ personId: world.people.hakan.personId, organId: council, role: 'member', position: 'chair', party: 'M' });
    const kf = world.as((await tenant.user([{ role: 'secretary', organId: council }])).token);
    const budget = await world.signedMatter('Budget 2027', council, { organId: council });
    const secret = await world.signedMatter('Ansvarsfrihet i skyddat ärende', council, { organId: council, secret: true, secrecyProvision: 'OSL 21 kap. 1 §' });
    const councilMeeting = (await kf.post('/meetings', { organId: council, startsAt: '2026-09-21T18:00:00+02:00', endsAt: '2026-09-21T22:00:00+02:00', place: 'Fullmäktigesalen' }).expect(201)).body.id;
    for (const [matterId, titleFi] of [
      [budget.matterId, 'Talousarvio 2027'],
      [secret.matterId, 'Vastuuvapaus suojatussa asiassa'],
    ]) {
      const added = (await kf.post(`/meetings/${councilMeeting}/agenda-items`, { kind: 'matter', matterId }).expect(201)).body;
      await kf.patch(`/agenda-items/${added.id}`, { titleFi }).expect(200);
    }
    await tenant.run((ctx) => testApp.app.get(NoticeService).recordSent(ctx, councilMeeting, { finalizedAt: clock.now(), dispatchedAt: clock.now() }));
    const [job]: { id: string }[] = await testApp.dataSource.query(
      `SELECT j.id FROM outbox_jobs j JOIN postings p ON p.id::text = j.payload->>'postingId' WHERE p.meeting_id = $1 AND j.kind = 'posting.publish'`,
      [councilMeeting],
    );
    await testApp.app.get(PostingService).run(job.id, 'publish');
    const board = (await testApp.http().get(`/anslagstavla/${municipalityCode}`).expect(200)).text;
    expect(board).toContain('Kungörelse – Kommunfullmäktige sammanträder 21 september 2026<br><span lang="fi">Kuulutus – Kommunfullmäktige, kokous 21. syyskuuta 2026</span>');
    expect(board).toContain('<dt>Tid / Aika</dt><dd>Måndag 21 september 2026, kl. 18:00–22:00<br><span lang="fi">maanantai 21. syyskuuta 2026 klo 18.00–22.00</span></dd>');
    expect(board).toContain('<h3>Ärenden / Asiat</h3>');
    expect(board).toMatch(/Budget 2027 \([^)]+\)<br><span lang="fi">Talousarvio 2027<\/span>/);
    expect(board).not.toContain('Vastuuvapaus');
  });

  it('reports delegationsbeslut under bilingual headings and table labels in the kallelse, its e-mail, the public page and the protokoll', async () => {
    clock.current = new Date('2026-10-01T08:00:00Z');
    await world.secretary
      .post('/delegated-decisions', { organId: world.organId, kind: 'delegated', decisionText: 'Bidrag till finska föreningen', delegationPoint: '4.1', decidedOn: '2026-09-30', delegateName: 'Anna Berg', delegateTitle: 'enhetschef' })
      .expect(201);
    const reportMeeting = await world.meeting('2026-10-14T14:00:00+02:00', '2026-10-14T16:00:00+02:00');
    // The organ's standard items include "Anmälan av delegationsbeslut".
    const notice = await tenant.run((ctx) => testApp.app.get(NoticeService).recordSent(ctx, reportMeeting, { finalizedAt: clock.now(), dispatchedAt: clock.now() }));

    const header = '<th><p><strong>Datum / Päivämäärä</strong></p></th><th><p><strong>Punkt / Kohta</strong></p></th><th><p><strong>Delegat / Päätöksentekijä</strong></p></th>';
    await renderNoticeBundle(testApp, notice.id);
    const handlingar = squash(await poppler('pdftotext', (await world.secretary.get(`/meeting-notices/${notice.id}/pdf`).buffer(true).parse(binaryParser).expect(200)).body));
    expect(handlingar).toContain('Delegationsbeslut / Viranhaltijapäätökset');
    for (const label of ['Datum / Päivämäärä', 'Punkt / Kohta', 'Delegat / Päätöksentekijä']) expect(handlingar).toContain(label);

    const material = new NoticeMailMaterial(testApp.app.get(AppConfig), testApp.app.get(OrganService), testApp.app.get(PersonService), testApp.app.get(DelegationReportService), testApp.app.get(MatterSecrecyService), testApp.app.get(FILE_STORAGE));
    const delivery = { purpose: 'notice', noticeId: notice.id, recipientName: 'Sverigefinska föreningen', email: 'forening@finska.example', messageId: '<delegering@finska.example>' } as MailDelivery;
    const mail = await tenant.run((ctx: RequestContext) => material.compose(ctx, delivery));
    expect(mail.text).toContain('Delegationsbeslut / Viranhaltijapäätökset:');
    expect(mail.text).toContain('Punkt / Kohta 4.1, 2026-09-30, Anna Berg, enhetschef: Bidrag till finska föreningen');

    const page = (await testApp.http().get(`/sammantraden/${reportMeeting}`).expect(200)).text;
    expect(page).toContain('<h3>Delegationsbeslut / Viranhaltijapäätökset</h3>');
    expect(page).toContain('<th>Datum / Päivämäärä</th><th>Punkt / Kohta</th><th>Delegat / Päätöksentekijä</th><th>Beslut / Päätös</th><th>Dnr / Dnro</th>');

    clock.current = new Date('2026-10-14T14:30:00Z');
    await world.secretary.post(`/meetings/${reportMeeting}/held`).expect(200);
    const minutes = (await world.secretary.post(`/meetings/${reportMeeting}/minutes`).expect(201)).body;
    const minutesDocx = await readDocx((await world.secretary.get(`/minutes/${minutes.id}/docx`).buffer(true).parse(binaryParser).expect(200)).body);
    expect(minutesDocx.html).toContain('<h2>Anmälda delegationsbeslut / Ilmoitetut viranhaltijapäätökset</h2><table>');
    expect(minutesDocx.html).toContain(header);
    expect(minutesDocx.html).toContain('<td><p>Bidrag till finska föreningen</p></td>');
  });

  it('keeps the pages of an organ without Finnish in Swedish only', async () => {
    const swedishOrgan = await tenant.organ({ name: 'Kultur- och fritidsnämnden', responsibleDepartmentId: tenant.departmentId });
    const secretary = world.as((await tenant.user([{ role: 'secretary', organId: swedishOrgan }])).token);
    const swedishMeeting = (await secretary.post('/meetings', { organId: swedishOrgan, startsAt: '2026-06-10T14:00:00+02:00', endsAt: '2026-06-10T16:00:00+02:00', place: 'Stadshuset' }).expect(201)).body.id;
    await tenant.run((ctx) => testApp.app.get(NoticeService).recordSent(ctx, swedishMeeting, { finalizedAt: clock.now(), dispatchedAt: clock.now() }));
    const page = (await testApp.http().get(`/sammantraden/${swedishMeeting}`).expect(200)).text;
    expect(page).toContain('<p>Sammanträde</p>');
    expect(page).toContain('<dt>Tid</dt>');
    expect(page).not.toContain('lang="fi"');
    expect(page).not.toContain('Aika');
  });
});
