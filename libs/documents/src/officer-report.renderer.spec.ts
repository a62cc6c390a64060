import { renderOfficerReport } from './officer-report.renderer';
import { ARBETSUTSKOTT_TITLE, officerReport } from './testing/officer-report.factory';
import { readDocx, ReadDocx } from './testing/read-docx';
import { OfficerReportView } from './view-models';

async function render(overrides: Partial<OfficerReportView> = {}): Promise<ReadDocx> {
  return readDocx(await renderOfficerReport(officerReport(overrides)));
}

const count = (haystack: string, needle: string | RegExp) => haystack.split(needle).length - 1;

describe('the tjänsteskrivelse "Bildande av arbetsutskott"', () => {
  let buffer: Buffer;
  let doc: ReadDocx;

  beforeAll(async () => {
    buffer = await renderOfficerReport(officerReport());
    doc = await readDocx(buffer);
  });

  it('is a DOCX package that mammoth reads without complaint', async () => {
    expect(buffer.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(doc.part('[Content_Types].xml')).toContain('wordprocessingml.document.main+xml');
    expect(doc.messages).toEqual([]);
  });

  it('opens with the letterhead: the municipality in capitals, then the department', () => {
    expect(doc.html.startsWith('<p><strong>LUDVIKA KOMMUN</strong></p><p>Social- och utbildningsförvaltningen</p><table>')).toBe(true);
  });

  it('gives date, dnr and handläggare in a table whose first row is a header row', () => {
    expect(doc.html).toContain('<thead><tr><th><p><strong>Datum</strong></p></th><th><p><strong>Dnr</strong></p></th><th><p><strong>Handläggare</strong></p></th></tr></thead>');
    expect(doc.html).toContain(
      '<tbody><tr><td><p>14 december 2022</p></td><td><p>SUN 2022/00512</p></td>' +
        '<td><p>Jonas Fors<br />Förvaltningschef<br />Tfn 0240-861 73<br />jonas.fors@ludvika.se</p></td></tr></tbody>',
    );
    expect(count(doc.documentXml, '<w:tblHeader/>')).toBe(1);
  });

  it('leaves out the handläggare lines that are not known', async () => {
    const { html } = await render({ caseOfficer: { name: 'Rita Österholm', title: null, phone: null, email: 'rita.osterholm@ludvika.se' } });
    expect(html).toContain('<td><p>Rita Österholm<br />rita.osterholm@ludvika.se</p></td>');
  });

  it('names the organ, then has the title as the one Heading 1', () => {
    expect(doc.html).toContain(`<p>Social- och utbildningsnämnden</p><h1>${ARBETSUTSKOTT_TITLE}</h1>`);
    expect(count(doc.html, '<h1>')).toBe(1);
  });

  it('lists the three decision points as a numbered list, keeping the line breaks inside the second and third point', () => {
    expect(doc.html).toContain(
      '<h2>Förvaltningens förslag till beslut</h2><ol>' +
        '<li>Social- och utbildningsnämnden beslutar att arbetsutskottet ska bestå av 5 ledamöter och 5 ersättare.</li>' +
        '<li>Social- och utbildningsnämnden väljer:<br />Ledamöter (5 st)<br />Ersättare (5 st)</li>' +
        '<li>Social- och utbildningsnämnden väljer:<br />Ordförande<br />Vice ordförande</li>' +
        '</ol>',
    );
  });

  it('numbers the points with Word numbering, not typed digits', () => {
    expect(count(doc.documentXml, '<w:numPr>')).toBe(3);
    expect(doc.part('word/numbering.xml')).toMatch(/<w:numFmt w:val="decimal"\/><w:lvlText w:val="%1\."\/>/);
    expect(doc.text).not.toContain('1. Social');
  });

  it('has the sections in the order of the template, each under a Heading 2', () => {
    const headings = [...doc.html.matchAll(/<h2>(.*?)<\/h2>/g)].map((match) => match[1]);
    expect(headings).toEqual(['Förvaltningens förslag till beslut', 'Beskrivning av ärendet', 'Ekonomiska konsekvenser', 'Beslut skickas till']);
  });

  it('splits the description into its three paragraphs', () => {
    expect(doc.html).toMatch(
      /<h2>Beskrivning av ärendet<\/h2><p>Enligt det allmänna reglementet[^<]*<\/p><p>Beslut ska tas om antal[^<]*<\/p><p>Förvaltningen föreslår[^<]*<\/p><h2>Ekonomiska konsekvenser<\/h2><p>Förvaltningens förslag till beslut medför inte några kostnader.<\/p>/,
    );
  });

  it('signs with the förvaltningschef\'s name over the title, and when it was signed', () => {
    expect(doc.html).toContain(
      '<p>Förvaltningens förslag till beslut medför inte några kostnader.</p>' +
        '<p>Jonas Fors</p><p>Förvaltningschef</p><p>Elektroniskt signerad 14 december 2022 kl. 15:42</p><h2>Beslut skickas till</h2>',
    );
    expect(doc.text).not.toContain('Ej signerad');
  });

  it('sends the decision to each recipient on a line of its own', () => {
    expect(doc.html.endsWith('<h2>Beslut skickas till</h2><p>Ledamöter och ersättare i nämnden</p><p>Förvaltningsledning</p><p>Nämndsekreterare</p><p>Förtroendemannaregistret</p>')).toBe(
      true,
    );
  });

  it('leaves out Sammanfattning, Bilagor and the draft notice when there are none', () => {
    expect(doc.text).not.toContain('Sammanfattning');
    expect(doc.text).not.toContain('Bilagor');
    expect(doc.text).not.toContain('UTKAST');
    expect(doc.part('word/header1.xml')).toBeNull();
  });

  it('carries the title, the municipality as author and Swedish as the language', () => {
    const core = doc.part('docProps/core.xml') ?? '';
    expect(core).toContain(`<dc:title>${ARBETSUTSKOTT_TITLE}</dc:title>`);
    expect(core).toContain('<dc:creator>Ludvika kommun</dc:creator>');
    expect(doc.part('word/styles.xml')).toMatch(/<w:rPrDefault><w:rPr>.*<w:lang w:val="sv-SE"\/>.*<\/w:rPr><\/w:rPrDefault>/);
  });
});

describe('the optional parts of a tjänsteskrivelse', () => {
  it('prints the draft notice first and in the page header on a draft', async () => {
    const doc = await render({ draftNotice: 'UTKAST – ej färdigt för beslut', signature: null });
    expect(doc.html.startsWith('<p><strong>UTKAST – ej färdigt för beslut</strong></p><p><strong>LUDVIKA KOMMUN</strong></p>')).toBe(true);
    expect(doc.part('word/header1.xml')).toContain('UTKAST – ej färdigt för beslut');
  });

  it('says "Ej signerad" instead of a signature on an unsigned report', async () => {
    const { html } = await render({ signature: null });
    expect(html).toContain('<p><em>Ej signerad</em></p><h2>Beslut skickas till</h2>');
    expect(html).not.toContain('Elektroniskt signerad');
    expect(html).not.toContain('<p>Förvaltningschef</p>');
  });

  it('signs without the time when the signature has no time yet', async () => {
    const { html } = await render({ signature: { name: 'Jonas Fors', title: 'Förvaltningschef', signedAt: null } });
    expect(html).toContain('<p>Jonas Fors</p><p>Förvaltningschef</p><h2>Beslut skickas till</h2>');
    expect(html).not.toContain('Elektroniskt signerad');
  });

  it('writes a single decision point as a plain paragraph, not a one-item list', async () => {
    const point = 'Social- och utbildningsnämnden noterar informationen om förvaltningens plan för målaktiviteter 2023, enligt bilaga 2 daterad den 14 december 2022.';
    const doc = await render({ proposedDecision: [point] });
    expect(doc.html).toContain(`<h2>Förvaltningens förslag till beslut</h2><p>${point}</p><h2>`);
    expect(doc.html).not.toContain('<ol>');
    expect(doc.documentXml).not.toContain('<w:numPr>');
  });

  it('adds Sammanfattning before the description and further sections between it and Ekonomiska konsekvenser', async () => {
    const { html } = await render({
      summary: 'Förvaltningen informerar om sin plan för målaktiviteter 2023.',
      sections: [
        { heading: 'Övergripande verksamhetsmål', body: 'Vi finns till för Ludvikabon.' },
        { heading: 'Förvaltningens målaktiviteter 2023', body: 'Koncernens samtliga föreslagna aktiviteter redovisas i bilaga 3.' },
      ],
    });
    const headings = [...html.matchAll(/<h2>(.*?)<\/h2>/g)].map((match) => match[1]);
    expect(headings).toEqual([
      'Förvaltningens förslag till beslut',
      'Sammanfattning',
      'Beskrivning av ärendet',
      'Övergripande verksamhetsmål',
      'Förvaltningens målaktiviteter 2023',
      'Ekonomiska konsekvenser',
      'Beslut skickas till',
    ]);
    expect(html).toContain('<h2>Sammanfattning</h2><p>Förvaltningen informerar om sin plan för målaktiviteter 2023.</p>');
    expect(html).toContain('<h2>Övergripande verksamhetsmål</h2><p>Vi finns till för Ludvikabon.</p>');
  });

  it('leaves out Ekonomiska konsekvenser when there is no such text', async () => {
    const { html } = await render({ financialConsequences: null });
    expect(html).not.toContain('Ekonomiska konsekvenser');
    expect(html).toContain('väljas.</p><p>Jonas Fors</p>');
  });

  it('lists the attachments as Bilaga 1, 2, 3 after the signature', async () => {
    const doc = await render({
      attachments: [
        'Övergripande verksamhetsmål och resultatmått med målvärden för perioden 2021–2025',
        'Social- och utbildningsförvaltningens plan för målaktiviteter 2023',
        'Koncernens samtliga målaktiviteter 2023',
      ],
    });
    expect(doc.html).toContain(
      '<p>Förvaltningschef</p><p>Elektroniskt signerad 14 december 2022 kl. 15:42</p><h2>Bilagor</h2><ol>' +
        '<li>Övergripande verksamhetsmål och resultatmått med målvärden för perioden 2021–2025</li>' +
        '<li>Social- och utbildningsförvaltningens plan för målaktiviteter 2023</li>' +
        '<li>Koncernens samtliga målaktiviteter 2023</li></ol><h2>Beslut skickas till</h2>',
    );
    expect(doc.part('word/numbering.xml')).toContain('<w:lvlText w:val="Bilaga %1"/>');
  });

  it('counts the attachments in a list of their own, not on from the decision points', async () => {
    const { documentXml } = await render({ attachments: ['Bilaga A', 'Bilaga B'] });
    const numIds = [...documentXml.matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((match) => match[1]);
    expect(numIds).toHaveLength(5);
    expect(new Set(numIds.slice(0, 3)).size).toBe(1);
    expect(new Set(numIds.slice(3)).size).toBe(1);
    expect(numIds[3]).not.toBe(numIds[0]);
  });

  it('leaves out Beslut skickas till when nobody is to be sent the decision', async () => {
    const { html } = await render({ decisionRecipients: [] });
    expect(html).not.toContain('Beslut skickas till');
    expect(html.endsWith('<p>Elektroniskt signerad 14 december 2022 kl. 15:42</p>')).toBe(true);
  });
});

describe('body texts in a tjänsteskrivelse', () => {
  it('turns blank lines into paragraphs, single newlines into line breaks and "- " lines into a bullet list', async () => {
    const description = [
      'Verksamhetsmål för perioden 2021–2025:',
      '- En av landets bästa skolkommuner\n- En bra kommun att växa upp i\n- En hållbar kommun',
      'Vi prioriterar barn och unga,\narbete och näringsliv samt invånarnas livsmiljö.',
    ].join('\n\n');
    const doc = await render({ description });
    expect(doc.html).toContain(
      '<h2>Beskrivning av ärendet</h2><p>Verksamhetsmål för perioden 2021–2025:</p>' +
        '<ul><li>En av landets bästa skolkommuner</li><li>En bra kommun att växa upp i</li><li>En hållbar kommun</li></ul>' +
        '<p>Vi prioriterar barn och unga,<br />arbete och näringsliv samt invånarnas livsmiljö.</p>',
    );
    expect(count(doc.documentXml, '<w:numPr>')).toBe(3 + 3);
  });

  it('keeps a paragraph that only partly starts with "- " as text', async () => {
    const { html } = await render({ description: 'Ärendet gäller:\n- val av ledamöter' });
    expect(html).toContain('<p>Ärendet gäller:<br />- val av ledamöter</p>');
    expect(html).not.toContain('<ul>');
  });

  it('copes with Windows line ends, whitespace-only lines and characters XML does not allow', async () => {
    const { html } = await render({
      title: 'Val av ordförande & vice ordförande <2023>\u000b',
      description: 'Första stycket.\r\n \r\nAndra stycket\u0007.\rRad två.',
    });
    expect(html).toContain('<h1>Val av ordförande &amp; vice ordförande &lt;2023&gt;</h1>');
    expect(html).toContain('<h2>Beskrivning av ärendet</h2><p>Första stycket.</p><p>Andra stycket.<br />Rad två.</p>');
  });
});

describe('the archival copy of a signed tjänsteskrivelse', () => {
  const signingRecord = {
    signatures: [{ name: 'Jonas Fors', role: 'Förvaltningschef', signedAt: '2023-01-02T09:15:00Z', authentication: null }],
    contentSha256: 'c0ffee'.repeat(10) + 'c0de',
  };

  it('ends with the signing record, the checksum on a line of its own, and carries it in the core properties', async () => {
    const buffer = await renderOfficerReport(officerReport(), { signingRecord });
    const doc = await readDocx(buffer);
    expect(doc.text.trimEnd().endsWith(`Elektronisk signering\n\nElektroniskt signerad av Jonas Fors, Förvaltningschef, 2 januari 2023 kl. 10:15\n\nKontrollsumma (SHA-256) för det signerade innehållet:\n\n${signingRecord.contentSha256}`)).toBe(true);
    const core = doc.part('docProps/core.xml')!;
    expect(core).toContain('<dc:subject>Elektroniskt signerad av Jonas Fors, Förvaltningschef, 2 januari 2023 kl. 10:15</dc:subject>');
    expect(core).toContain(`<cp:keywords>${signingRecord.contentSha256}</cp:keywords>`);
  });

  it('has no signing record when rendered as registered', async () => {
    const doc = await readDocx(await renderOfficerReport(officerReport()));
    expect(doc.text).not.toContain('Elektroniskt signerad av');
    expect(doc.part('docProps/core.xml')).not.toContain('<cp:keywords>');
  });
});
