import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDocx, ReadDocx } from '../libs/documents/src/testing/read-docx';
import { createTenant, Tenant } from './factories/tenant.factory';
import { binaryParser } from './support/files';
import { apiAs } from './support/meeting-fixture';
import { createTestApp, TestApp } from './support/test-app';

/**
 * A framework shaped unlike Ludvika's: perspectives over strategic goals, indicators with sub-measures (delmått), an
 * ordinal scale of five steps and one of one step, one year, values as bounds and targets not set yet.
 */
const FIXTURE = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'goals', 'report-fixture.json'), 'utf8')) as object;
const STATE_KEYS = ['sammanstallt', 'mer-an-delvis', 'ej-klart', 'ej-uppfyllt', 'paborjat'];

describe('the goal report of a framework unlike Ludvika\'s', () => {
  let testApp: TestApp;
  let tenant: Tenant;
  let admin: ReturnType<typeof apiAs>;
  let title: string;
  let report: ReadDocx;

  beforeAll(async () => {
    testApp = await createTestApp();
    tenant = await createTenant(testApp, 'Exempelby');
    admin = apiAs(testApp, (await tenant.user([{ role: 'admin' }])).token);
    const frameworkId = (await admin.post('/goal-frameworks/import', FIXTURE).expect(200)).body.framework.id as string;
    const organId = await tenant.organ({ name: 'Kommunstyrelsen' });
    const registry = (await admin.post('/registries', { code: 'KS', name: 'Kommunstyrelsens diarium', organId }).expect(201)).body;
    const matterId = (await admin.post('/matters', { registryId: registry.id, title: 'Uppföljning av de strategiska målen 2024', organId }).expect(201)).body.id as string;
    const nodes = (await admin.get(`/goal-frameworks/${frameworkId}/nodes`).expect(200)).body as { id: string; key: string }[];
    await admin.post(`/matters/${matterId}/goal-links`, { nodeId: nodes.find((node) => node.key === 'ekonomi')!.id, reportKind: 'follow_up' }).expect(201);
    const [document] = (await admin.post(`/matters/${matterId}/goal-reports`).expect(201)).body as { id: string; title: string }[];
    title = document.title;
    const content = await admin.get(`/documents/${document.id}/content`).buffer(true).parse(binaryParser).expect(200);
    report = await readDocx(content.body);
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('is titled with the framework\'s own level and tier names, and its one year as one year', () => {
    expect(title).toBe('Övergripande perspektiv och indikatorer med målvärden för 2024');
    expect(report.text).toContain(title);
    expect(report.text).not.toContain('2024–2024');
    expect(report.text).not.toMatch(/verksamhetsmål/i);
  });

  it('heads the goals one level down, the tables and their first column with the level and tier names', () => {
    expect(report.html).toContain('<h1>Ekonomi och hållbarhet</h1><h2>Strategiska mål</h2><ul><li>Budget i balans för alla nämnder</li><li>Välfärden ska digitaliseras</li></ul><h2>Indikatorer och målvärden</h2>');
    expect(report.html).toContain('<th rowspan="2"><p><strong>Indikator</strong></p></th>');
    expect(report.text).not.toContain('Resultatmått');
    expect(report.text).not.toContain('Det här jobbar vi särskilt för');
  });

  it('prints the states by their labels, never their keys, the implied "Ej uppfyllt" and a state target with a comparator too', () => {
    for (const label of ['Mer än delvis', 'bättre än Delvis', 'Ej påbörjat', 'Sammanställt', 'Ej uppfyllt', 'Uppfyllt']) expect(report.text).toContain(label);
    for (const key of STATE_KEYS) expect(report.text).not.toContain(key);
  });

  it('prints bounds, targets without a comparator and targets not set yet as the framework writes them', () => {
    const rows = [...report.html.matchAll(/<tr>(.*?)<\/tr>/g)].map((row) => [...row[1].matchAll(/<td[^>]*>(.*?)<\/td>|<td[^>]*\/>/g)].map((cell) => (cell[1] ?? '').replace(/<[^>]+>/g, '').replace(/&gt;/g, '>')));
    const row = (name: string) => rows.find((cells) => cells[0]?.endsWith(name));
    expect(row('Resultat i procent av skatteintäkterna')).toEqual(['Resultat i procent av skatteintäkterna', '≥ 18', '20']);
    expect(row('Nöjd medborgar-index')).toEqual(['Nöjd medborgar-index', '', '>Xx st']);
    expect(row('Soliditet')).toEqual(['Soliditet', '', 'ej fastställt']);
  });

  it('lists the sub-measures under their parent, named with their tier, though only the parent names the goal', () => {
    const text = report.text.replace(/\s+/g, ' ');
    expect(text).toContain('Nöjd medborgar-index >Xx st Delmått: Nöjdhet bland kvinnor 61 65 Delmått: Nöjdhet bland män 58 65');
  });

  it('draws a chart of each indicator with something to draw, the states as steps, the parent by its sub-measures, and none of nothing', () => {
    // Digital mognad and Sammanställning (states), Nöjd medborgar-index (by its two delmått), Budgeten beslutad (one-state
    // scale), Resultat (a bound); Soliditet has nothing to draw and its delmått are drawn in their parent's chart.
    expect(report.documentXml.match(/<w:drawing>/g)).toHaveLength(5);
    expect(report.documentXml).toContain('Diagram över Nöjd medborgar-index (index), ett delmått per linje.');
    expect(report.documentXml).not.toContain('Diagram: Soliditet');
    expect(report.text).not.toContain('Uppgifter saknas');
  });
});
