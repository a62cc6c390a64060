import { ReportedDecisionView } from './delegation-report';
import { renderMinutes, renderMinutesExtract } from './minutes.renderer';
import { MinutesView } from './minutes.view-model';
import { plainParagraph, radNotes, sunExtract, sunMinutes } from './testing/minutes-views';
import { readDocx } from './testing/read-docx';

const REPORT_TITLE = 'Anmälan av delegationsbeslut';

const DECISIONS: ReportedDecisionView[] = [
  { kind: 'delegated', decidedOn: '2023-01-02', delegationPoint: '3.2', delegateName: 'Anna Berg', delegateTitle: 'enhetschef', decisionText: 'Beviljad skolskjuts', caseNumber: 'SUN 2023/4', masked: false },
  { kind: 'delegated', decidedOn: '2023-01-03', delegationPoint: '5.1', delegateName: 'Olle Ek', delegateTitle: null, decisionText: 'Beslut i sekretessärende', caseNumber: 'SUN 2023/7', masked: true },
  { kind: 'urgent_chair', decidedOn: '2023-01-04', delegationPoint: null, delegateName: 'Håkan Frank', delegateTitle: null, decisionText: 'Yttrande till länsstyrelsen', caseNumber: null, masked: false },
];

/** The SUN minutes with § 8 reporting the decisions. */
function withReport(decisions: ReportedDecisionView[], overrides: Partial<MinutesView> = {}): MinutesView {
  const view = sunMinutes(overrides);
  const report = plainParagraph(8, { title: REPORT_TITLE, decision: ['Nämnden lägger anmälan till handlingarna.'], reportedDecisions: decisions });
  return { ...view, paragraphs: [...view.paragraphs, report], paragraphRange: '§§ 1–8' };
}

function reportHtml(html: string): string {
  const start = html.search(/<h1>§ 8(?!\d)/);
  if (start < 0) throw new Error('§ 8 saknas');
  const end = html.indexOf('<h1>', start + 4);
  return html.slice(start, end < 0 ? undefined : end);
}

const headerRow = (labels: string[]) => `<thead><tr>${labels.map((label) => `<th><p><strong>${label}</strong></p></th>`).join('')}</tr></thead>`;
const bodyRow = (values: string[]) => `<tr>${values.map((value) => (value === '' ? '<td></td>' : `<td><p>${value}</p></td>`)).join('')}</tr>`;

describe('Anmälan av delegationsbeslut in the protokoll', () => {
  it('gives the reported decisions their own headings and tables, delegationsbeslut first, not a description', async () => {
    const { html } = await readDocx(await renderMinutes(withReport(DECISIONS)));
    const paragraph = reportHtml(html);
    expect([...paragraph.matchAll(/<h2>(.*?)<\/h2>/g)].map((match) => match[1])).toEqual(['Beslut', 'Anmälda delegationsbeslut', 'Ordförandebeslut i brådskande ärenden (KL 6 kap. 39 §)']);
    expect(paragraph).not.toContain('Beskrivning av ärendet');
    const header = headerRow(['Datum', 'Punkt', 'Delegat', 'Beslut', 'Dnr']);
    expect(paragraph).toContain(
      `<h2>Anmälda delegationsbeslut</h2><table>${header}<tbody>${bodyRow(['2023-01-02', '3.2', 'Anna Berg, enhetschef', 'Beviljad skolskjuts', 'SUN 2023/4'])}` +
        `${bodyRow(['2023-01-03', '5.1', 'Olle Ek', 'Beslut i sekretessärende', 'SUN 2023/7'])}</tbody></table>`,
    );
    expect(paragraph).toContain(`<h2>Ordförandebeslut i brådskande ärenden (KL 6 kap. 39 §)</h2><table>${header}<tbody>${bodyRow(['2023-01-04', '', 'Håkan Frank', 'Yttrande till länsstyrelsen', ''])}</tbody></table>`);
  });

  it('says so when there was nothing to report, and prints no table', async () => {
    const paragraph = reportHtml((await readDocx(await renderMinutes(withReport([])))).html);
    expect(paragraph).toContain('<h2>Anmälda delegationsbeslut</h2><p>Inga delegationsbeslut eller ordförandebeslut har anmälts sedan föregående sammanträde.</p>');
    expect(paragraph).not.toContain('<table>');
  });

  it('gives the headings and the table labels in Swedish and Finnish for an organ with Finnish', async () => {
    const paragraph = reportHtml((await readDocx(await renderMinutes(withReport(DECISIONS, { languages: ['sv', 'fi'] })))).html);
    expect(paragraph).toContain('<h2>Anmälda delegationsbeslut / Ilmoitetut viranhaltijapäätökset</h2>');
    expect(paragraph).toContain('<h2>Ordförandebeslut i brådskande ärenden (KL 6 kap. 39 §) / Puheenjohtajan päätökset kiireellisissä asioissa</h2>');
    expect(paragraph).toContain(headerRow(['Datum / Päivämäärä', 'Punkt / Kohta', 'Delegat / Päätöksentekijä', 'Beslut / Päätös', 'Dnr / Dnro']));
    expect(paragraph).toContain(bodyRow(['2023-01-03', '5.1', 'Olle Ek', 'Beslut i sekretessärende / Päätös salassa pidettävässä asiassa', 'SUN 2023/7']));
  });

  it('prints the tables in an extract of the paragraph and in minnesanteckningar', async () => {
    const extract = sunExtract();
    const { html } = await readDocx(await renderMinutesExtract({ ...extract, paragraph: { ...extract.paragraph, reportedDecisions: DECISIONS } }));
    expect(html).toContain(`<h2>Anmälda delegationsbeslut</h2><table>${headerRow(['Datum', 'Punkt', 'Delegat', 'Beslut', 'Dnr'])}`);
    const notes = radNotes();
    const notesHtml = (await readDocx(await renderMinutes({ ...notes, paragraphs: [...notes.paragraphs.slice(0, -1), { ...notes.paragraphs[notes.paragraphs.length - 1], reportedDecisions: DECISIONS }] }))).html;
    expect(notesHtml).toContain('<h2>Ordförandebeslut i brådskande ärenden (KL 6 kap. 39 §)</h2><table>');
  });

  it('prints nothing of the kind on other paragraphs', async () => {
    const { text } = await readDocx(await renderMinutes(sunMinutes()));
    expect(text).not.toContain('Anmälda delegationsbeslut');
  });
});
