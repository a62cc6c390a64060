import { layoutDocument } from 'docx/layout';
import { buildMeetingNoticeDocument, renderMeetingNotice } from './meeting-notice.renderer';
import { ARBETSUTSKOTT_TITLE, officerReport } from './testing/officer-report.factory';
import {
  GROUP_MEETING_LINE,
  INDIVIDUTSKOTT_TITLE,
  MALAKTIVITETER_TITLE,
  NARVARORATT_TITLE,
  REPRESENTANTER_TITLE,
  sunNotice,
} from './testing/meeting-notice.factory';
import { readDocx, ReadDocx } from './testing/read-docx';
import { MeetingNoticeItemView, MeetingNoticeView } from './view-models';

async function render(overrides: Partial<MeetingNoticeView> = {}): Promise<ReadDocx> {
  return readDocx(await renderMeetingNotice(sunNotice(overrides)));
}

const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;
const stripTags = (html: string) => html.replace(/<br \/>/g, '\n').replace(/<[^>]+>/g, '');

/** The first table of mammoth's HTML, the agenda, as rows of cell texts; the header row first. */
function agendaRows(html: string): string[][] {
  const table = /<table>(.*?)<\/table>/.exec(html)?.[1] ?? '';
  return [...table.matchAll(/<tr>(.*?)<\/tr>/g)].map((row) => [...row[1].matchAll(/<t[hd]>(.*?)<\/t[hd]>/g)].map((cell) => stripTags(cell[1])));
}

/** What comes after the first page: the signature block closes it. */
function afterFirstPage(html: string): string {
  const end = html.indexOf('tfn 0240-861 74</p>');
  if (end < 0) throw new Error('Kallelsen saknar sekreterarens telefonnummer');
  return html.slice(end);
}

const item = (number: number, overrides: Partial<MeetingNoticeItemView> = {}): MeetingNoticeItemView => ({
  number,
  title: `Ärende ${number}`,
  caseNumber: `SUN 2023/${number}`,
  documentsLater: false,
  closed: false,
  documents: [],
  ...overrides,
});

describe('the kallelse to Social- och utbildningsnämnden 11 January 2023', () => {
  let buffer: Buffer;
  let doc: ReadDocx;

  beforeAll(async () => {
    buffer = await renderMeetingNotice(sunNotice());
    doc = await readDocx(buffer);
  });

  it('is a DOCX package that mammoth reads without complaint', () => {
    expect(buffer.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(doc.messages).toEqual([]);
  });

  it('opens as the seed\'s first page: municipality, organ, addressees, title, Tid, Gruppmöte and Plats in order', () => {
    expect(
      doc.html.startsWith(
        '<p><strong>LUDVIKA KOMMUN</strong></p><p>Social- och utbildningsnämnden</p>' +
          '<p>Social- och utbildningsnämndens ledamöter</p><p>Ersättare för kännedom</p>' +
          '<h1>Kallelse</h1>' +
          '<p><strong>Tid:</strong> Onsdag 11 januari 2023, kl. 14:00</p>' +
          `<p><strong>Gruppmöte:</strong> ${GROUP_MEETING_LINE}</p>` +
          '<p><strong>Plats:</strong> Sessionssalen, Stadshuset</p><table>',
      ),
    ).toBe(true);
  });

  it('lists the seven items in a table with number, title and dnr, whose first row is a header row', () => {
    expect(agendaRows(doc.html)).toEqual([
      ['Nr', 'Ärenden', 'Dnr', 'Sida'],
      ['1', 'Val av justerande', '', ''],
      ['2', 'Anmälan av extra ärenden', '', ''],
      ['3', ARBETSUTSKOTT_TITLE, 'SUN 2022/1', ' - '],
      ['4', INDIVIDUTSKOTT_TITLE, 'SUN 2022/2', ' - '],
      ['5', REPRESENTANTER_TITLE, 'SUN 2022/3', ' - '],
      ['6', NARVARORATT_TITLE, 'SUN 2022/4', ' - '],
      ['7', MALAKTIVITETER_TITLE, 'SUN 2022/5', ' - '],
    ]);
    const agendaXml = doc.documentXml.slice(doc.documentXml.indexOf('<w:tbl>'), doc.documentXml.indexOf('</w:tbl>'));
    expect(count(agendaXml, '<w:tr>')).toBe(8);
    expect(count(agendaXml, '<w:tblHeader/>')).toBe(1);
  });

  it('gives each item with documents its page range as PAGEREF fields to bookmarks at its first and last paragraph', () => {
    const xml = doc.documentXml;
    for (const number of [3, 4, 5, 6, 7]) {
      expect(xml).toContain(`<w:instrText xml:space="preserve">PAGEREF arende_${number}_start \\h</w:instrText>`);
      expect(xml).toContain(`<w:instrText xml:space="preserve">PAGEREF arende_${number}_slut \\h</w:instrText>`);
      expect(count(xml, `<w:bookmarkStart w:name="arende_${number}_start"`)).toBe(1);
      expect(count(xml, `<w:bookmarkStart w:name="arende_${number}_slut"`)).toBe(1);
    }
    expect(xml).not.toContain('arende_1_');
    expect(xml).not.toContain('arende_2_');
    // Dirty, so that Word works the page numbers out when it opens the document.
    expect(count(xml, '<w:fldChar w:fldCharType="begin" w:dirty="true"/><w:instrText xml:space="preserve">PAGEREF')).toBe(10);
  });

  it('puts the start bookmark in the page-breaking first paragraph of the item and the end bookmark in its last paragraph', () => {
    const xml = doc.documentXml;
    expect(xml).toMatch(/<w:p><w:pPr><w:pageBreakBefore\/>(?:(?!<\/w:p>).)*<\/w:pPr><w:bookmarkStart w:name="arende_3_start" w:id="\d+"\/>/);
    expect(xml).toMatch(/Förtroendemannaregistret<\/w:t><\/w:r><w:bookmarkStart w:name="arende_3_slut" w:id="\d+"\/><w:bookmarkEnd w:id="\d+"\/><\/w:p>/);
    const positions = [3, 4, 5, 6, 7].flatMap((number) => [xml.indexOf(`w:name="arende_${number}_start"`), xml.indexOf(`w:name="arende_${number}_slut"`)]);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(positions[0]).toBeGreaterThan(xml.indexOf('</w:tbl>'));
  });

  it('signs with the chair over "ordförande" and the secretary over "Nämndsekreterare" with e-mail and phone, closing the first page', () => {
    expect(doc.html).toContain(
      '</table><p>Håkan Frank<br />ordförande</p>' +
        '<p><strong>Rita Österholm</strong><br />Nämndsekreterare<br />rita.osterholm@ludvika.se<br />tfn 0240-861 74</p>' +
        '<p><a id="arende_3_start"></a><strong>LUDVIKA KOMMUN</strong></p>',
    );
  });

  it('lays in every item\'s tjänsteskrivelse after the first page, in agenda order', () => {
    const rest = afterFirstPage(doc.html);
    const positions = [ARBETSUTSKOTT_TITLE, INDIVIDUTSKOTT_TITLE, REPRESENTANTER_TITLE, NARVARORATT_TITLE, MALAKTIVITETER_TITLE].map((title) => rest.indexOf(`<h1>${title}</h1>`));
    expect(positions.every((position) => position > 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(count(rest, '<td><p>SUN 2022/3</p></td>')).toBe(1);
    expect(rest).toContain('<h2>Bilagor</h2><ol><li>Övergripande verksamhetsmål och resultatmått med målvärden för perioden 2021–2025</li>');
  });

  it('starts each tjänsteskrivelse on a page of its own', () => {
    const layout = layoutDocument(buildMeetingNoticeDocument(sunNotice()));
    expect(layout.stoppedAt).toBeUndefined();
    const firstLines = layout.pages.map((page) => (page.body[0]?.type === 'paragraph' ? page.body[0].lines[0]?.text : undefined));
    expect(firstLines).toEqual(['LUDVIKA KOMMUN', 'LUDVIKA KOMMUN', 'LUDVIKA KOMMUN', 'LUDVIKA KOMMUN', 'LUDVIKA KOMMUN', 'LUDVIKA KOMMUN']);
    const lastBlock = layout.pages[0].body[layout.pages[0].body.length - 1];
    expect(lastBlock.type === 'paragraph' ? lastBlock.lines[lastBlock.lines.length - 1].text : null).toBe('tfn 0240-861 74');
    expect(doc.part('word/footer1.xml')).toContain('PAGE');
  });

  it('numbers each report\'s decision points from 1 again, in a list of its own', () => {
    const xml = doc.documentXml;
    const numIdsBetween = (from: string, to: string) =>
      [...xml.slice(xml.indexOf(from), xml.indexOf(to)).matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((match) => match[1]);
    const third = numIdsBetween('w:name="arende_3_start"', 'w:name="arende_4_start"');
    const fourth = numIdsBetween('w:name="arende_4_start"', 'w:name="arende_5_start"');
    expect(third).toHaveLength(3);
    expect(fourth).toHaveLength(3);
    expect(new Set(third).size).toBe(1);
    expect(new Set(fourth).size).toBe(1);
    expect(fourth[0]).not.toBe(third[0]);
    const numbering = doc.part('word/numbering.xml') ?? '';
    for (const numId of [third[0], fourth[0]]) {
      expect(numbering).toMatch(new RegExp(`<w:num w:numId="${numId}"><w:abstractNumId w:val="\\d+"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/>`));
    }
  });

  it('is in Swedish only when Finnish is not among the languages', () => {
    for (const finnish of ['Kokouskutsu', 'Aika', 'Paikka', 'Ryhmäkokous', 'Asiat', 'Dnro', 'Sivu', 'puheenjohtaja', 'Sihteeri', 'keskiviikko', 'klo']) {
      expect(doc.text).not.toContain(finnish);
    }
  });

  it('carries the kallelse as its title and the municipality as author', () => {
    const core = doc.part('docProps/core.xml') ?? '';
    expect(core).toContain('<dc:title>Kallelse – Social- och utbildningsnämnden – 11 januari 2023 kl. 14:00</dc:title>');
    expect(core).toContain('<dc:creator>Ludvika kommun</dc:creator>');
  });
});

describe('a kallelse in Swedish and Finnish', () => {
  let doc: ReadDocx;

  beforeAll(async () => {
    doc = await render({ languages: ['sv', 'fi'], items: [item(1, { documentsLater: true }), ...sunNotice().items.slice(2, 3)] });
  });

  it('gives every label in both languages and the time also in Finnish', () => {
    expect(doc.html).toContain(
      '<h1>Kallelse / Kokouskutsu</h1>' +
        '<p><strong>Tid / Aika:</strong> Onsdag 11 januari 2023, kl. 14:00<br />keskiviikko 11. tammikuuta 2023 klo 14.00</p>' +
        `<p><strong>Gruppmöte / Ryhmäkokous:</strong> ${GROUP_MEETING_LINE}</p>` +
        '<p><strong>Plats / Paikka:</strong> Sessionssalen, Stadshuset</p>',
    );
    expect(agendaRows(doc.html).slice(0, 2)).toEqual([
      ['Nr / Nro', 'Ärenden / Asiat', 'Dnr / Dnro', 'Sida / Sivu'],
      ['1', 'Ärende 1', 'SUN 2023/1', 'Handlingar delges senare / Asiakirjat toimitetaan myöhemmin'],
    ]);
    expect(doc.html).toContain('<p>Håkan Frank<br />ordförande / puheenjohtaja</p><p><strong>Rita Österholm</strong><br />Nämndsekreterare / Sihteeri<br />');
  });

  it('leaves the documents themselves as they are written', () => {
    expect(afterFirstPage(doc.html)).toContain('<h2>Förvaltningens förslag till beslut</h2>');
    expect(afterFirstPage(doc.html)).not.toContain(' / ');
  });
});

describe('kinds of kallelse', () => {
  it('titles a revised notice "Reviderad kallelse" and lists what changed before the time', async () => {
    const { html } = await render({
      kind: 'revised',
      changes: ['Sammanträdet börjar kl. 15:00 i stället för kl. 14:00.', 'Ärende 7 har tillkommit.'],
      startsAt: '2023-01-11T14:00:00Z',
    });
    expect(html).toContain(
      '<h1>Reviderad kallelse</h1><h2>Ändringar</h2><ul><li>Sammanträdet börjar kl. 15:00 i stället för kl. 14:00.</li><li>Ärende 7 har tillkommit.</li></ul>' +
        '<p><strong>Tid:</strong> Onsdag 11 januari 2023, kl. 15:00</p>',
    );
  });

  it('prints no changes on a first notice', async () => {
    const { html } = await render({ changes: ['Ärende 7 har tillkommit.'] });
    expect(html).not.toContain('Ändringar');
    expect(html).not.toContain('Ärende 7 har tillkommit.');
  });

  it('titles a supplementary notice "Tilläggskallelse" and lists only the items it is given', async () => {
    const extra = item(8, { title: 'Yttrande över remiss om skolskjuts', documents: [{ kind: 'officer_report', report: officerReport({ title: 'Yttrande över remiss om skolskjuts' }) }] });
    const { html } = await render({ kind: 'supplementary', items: [extra] });
    expect(html).toContain('<h1>Tilläggskallelse</h1>');
    expect(agendaRows(html)).toEqual([
      ['Nr', 'Ärenden', 'Dnr', 'Sida'],
      ['8', 'Yttrande över remiss om skolskjuts', 'SUN 2023/8', ' - '],
    ]);
    expect(html).not.toContain('Val av justerande');
    expect(afterFirstPage(html)).toContain('<h1>Yttrande över remiss om skolskjuts</h1>');
  });
});

describe('the agenda rows', () => {
  it('marks a closed item "(Ej offentligt)" and prints the chair\'s note for documents to come', async () => {
    const { html } = await render({ items: [item(1, { closed: true }), item(2, { documentsLater: true })] });
    expect(agendaRows(html).slice(1)).toEqual([
      ['1', 'Ärende 1 (Ej offentligt)', 'SUN 2023/1', ''],
      ['2', 'Ärende 2', 'SUN 2023/2', 'Handlingar delges senare'],
    ]);
    expect(html).toContain('<td><p><em>Handlingar delges senare</em></p></td>');
  });

  it('gives the page range and the note when some documents are there and more are to come', async () => {
    const { html } = await render({
      items: [item(3, { documentsLater: true, documents: [{ kind: 'officer_report', report: officerReport() }] })],
    });
    expect(html).toContain('<td><p> - <em><br />Handlingar delges senare</em></p></td>');
  });
});

describe('the documents of an item', () => {
  let doc: ReadDocx;

  beforeAll(async () => {
    doc = await render({
      items: [
        item(5, {
          documents: [
            { kind: 'officer_report', report: officerReport({ title: REPRESENTANTER_TITLE, proposedDecision: [] }) },
            {
              kind: 'text',
              document: {
                municipalityName: 'Ludvika kommun',
                title: 'Instruktion för Ludvika kommuns råd',
                blocks: [
                  { kind: 'heading', level: 1, text: '1 Inledning' },
                  { kind: 'paragraph', text: 'Fullmäktige antog den 7 oktober 2019 § 130 nomenklatur för politiska instanser.' },
                ],
              },
            },
            { kind: 'file', title: 'Karta över skolområdena', fileName: 'skolomraden.png' },
          ],
        }),
      ],
    });
  });

  it('lays them in in order, the text document with its headings and the file as a page naming it', () => {
    const rest = afterFirstPage(doc.html);
    const report = rest.indexOf(`<h1>${REPRESENTANTER_TITLE}</h1>`);
    const instruction = rest.indexOf('<h1>Instruktion för Ludvika kommuns råd</h1><h1>1 Inledning</h1><p>Fullmäktige antog');
    const file = rest.indexOf('<h1>Bilaga: Karta över skolområdena</h1><p>Handlingen finns som separat fil: skolomraden.png<a id="arende_5_slut"></a></p>');
    expect(report).toBeGreaterThan(0);
    expect(instruction).toBeGreaterThan(report);
    expect(file).toBeGreaterThan(instruction);
  });

  it('starts each document on a new page, the item\'s range running from the first to the last', () => {
    expect(count(doc.documentXml, '<w:pageBreakBefore/>')).toBe(3);
    expect(count(doc.documentXml, 'w:name="arende_5_start"')).toBe(1);
    expect(count(doc.documentXml, 'w:name="arende_5_slut"')).toBe(1);
    expect(doc.documentXml.indexOf('w:name="arende_5_slut"')).toBeGreaterThan(doc.documentXml.indexOf('skolomraden.png'));
  });
});

describe('the time of the meeting', () => {
  it('is Stockholm summer time in July: 12:00 UTC is kl. 14:00', async () => {
    const { html } = await render({ startsAt: '2023-07-05T12:00:00Z' });
    expect(html).toContain('<p><strong>Tid:</strong> Onsdag 5 juli 2023, kl. 14:00</p>');
  });

  it('gives the end when it is known', async () => {
    const { html } = await render({ endsAt: '2023-01-11T15:30:00Z' });
    expect(html).toContain('<p><strong>Tid:</strong> Onsdag 11 januari 2023, kl. 14:00–16:30</p>');
  });

  it('leaves out Gruppmöte when no group meets before', async () => {
    const { html } = await render({ groupMeetingLines: [] });
    expect(html).not.toContain('Gruppmöte');
  });
});

describe('what a kallelse refuses', () => {
  it('refuses a notice without items', async () => {
    expect(() => buildMeetingNoticeDocument(sunNotice({ items: [] }))).toThrow(RangeError);
    await expect(renderMeetingNotice(sunNotice({ items: [] }))).rejects.toThrow('minst ett ärende');
  });

  it('refuses two items with one number, as their page ranges would point at one place', () => {
    expect(() => buildMeetingNoticeDocument(sunNotice({ items: [item(3), item(3)] }))).toThrow(RangeError);
  });

  it('refuses a start time without a time zone', () => {
    expect(() => buildMeetingNoticeDocument(sunNotice({ startsAt: '2023-01-11T14:00:00' }))).toThrow(RangeError);
  });
});
