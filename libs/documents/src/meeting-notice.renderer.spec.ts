import { layoutDocument } from 'docx/layout';
import { buildMeetingNoticeDocument, pageRangeText, renderMeetingNotice, renderNoticeItemDocument } from './meeting-notice.renderer';
import { renderOfficerReport } from './officer-report.renderer';
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
import { renderTextDocument } from './text-document.renderer';
import { MeetingNoticeItemView, MeetingNoticeView, NoticeItemDocument, PageRange, TextDocumentView } from './view-models';

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

/** The pages of Ludvika's bundle (../shared/seeds/ludvika-sun-kallelse-2023-01-11.txt) on items 3–7 of the seed's kallelse. */
const SEED_PAGES: Record<number, PageRange> = { 3: { first: 5, last: 6 }, 4: { first: 7, last: 8 }, 5: { first: 9, last: 34 }, 6: { first: 35, last: 35 }, 7: { first: 36, last: 76 } };

function sunNoticeWithPages(overrides: Partial<MeetingNoticeView> = {}): MeetingNoticeView {
  const view = sunNotice(overrides);
  return { ...view, items: view.items.map((shown) => ({ ...shown, pages: SEED_PAGES[shown.number] ?? null })) };
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
    buffer = await renderMeetingNotice(sunNoticeWithPages());
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

  it('lists the seven items in a table with number, title, dnr and the pages of their documents, whose first row is a header row', () => {
    expect(agendaRows(doc.html)).toEqual([
      ['Nr', 'Ärenden', 'Dnr', 'Sida'],
      ['1', 'Val av justerande', '', ''],
      ['2', 'Anmälan av extra ärenden', '', ''],
      ['3', ARBETSUTSKOTT_TITLE, 'SUN 2022/1', '5 - 6'],
      ['4', INDIVIDUTSKOTT_TITLE, 'SUN 2022/2', '7 - 8'],
      ['5', REPRESENTANTER_TITLE, 'SUN 2022/3', '9 - 34'],
      ['6', NARVARORATT_TITLE, 'SUN 2022/4', '35'],
      ['7', MALAKTIVITETER_TITLE, 'SUN 2022/5', '36 - 76'],
    ]);
    const agendaXml = doc.documentXml.slice(doc.documentXml.indexOf('<w:tbl>'), doc.documentXml.indexOf('</w:tbl>'));
    expect(count(agendaXml, '<w:tr>')).toBe(8);
    expect(count(agendaXml, '<w:tblHeader/>')).toBe(1);
  });

  it('prints the page numbers as plain text, with no field or bookmark a viewer would have to fill in', () => {
    const xml = doc.documentXml;
    expect(xml).toContain('<w:t xml:space="preserve">5 - 6</w:t>');
    expect(xml).toContain('<w:t xml:space="preserve">35</w:t>');
    for (const field of ['PAGEREF', 'fldChar', 'instrText', 'bookmarkStart', 'w:hyperlink']) expect(xml).not.toContain(field);
  });

  it('signs with the chair over "ordförande" and the secretary over "Nämndsekreterare" with e-mail and phone, closing the first page', () => {
    expect(doc.html).toContain(
      '</table><p>Håkan Frank<br />ordförande</p>' +
        '<p><strong>Rita Österholm</strong><br />Nämndsekreterare<br />rita.osterholm@ludvika.se<br />tfn 0240-861 74</p>',
    );
  });

  it('ends with the signatures: the items\' documents are no longer laid in, the bundle adds them as PDF', () => {
    expect(doc.html.endsWith('tfn 0240-861 74</p>')).toBe(true);
    for (const title of [ARBETSUTSKOTT_TITLE, INDIVIDUTSKOTT_TITLE, REPRESENTANTER_TITLE, NARVARORATT_TITLE, MALAKTIVITETER_TITLE]) {
      expect(doc.html).not.toContain(`<h1>${title}</h1>`);
    }
    for (const reportText of ['Förvaltningens förslag till beslut', 'Beskrivning av ärendet', 'Beslut skickas till']) expect(doc.text).not.toContain(reportText);
    expect(doc.documentXml).not.toContain('<w:pageBreakBefore/>');
  });

  it('fits the seed\'s kallelse on one page, numbered in the footer', () => {
    const layout = layoutDocument(buildMeetingNoticeDocument(sunNoticeWithPages()));
    expect(layout.stoppedAt).toBeUndefined();
    expect(layout.pages).toHaveLength(1);
    const lastBlock = layout.pages[0].body[layout.pages[0].body.length - 1];
    expect(lastBlock.type === 'paragraph' ? lastBlock.lines[lastBlock.lines.length - 1].text : null).toBe('tfn 0240-861 74');
    expect(doc.part('word/footer1.xml')).toContain('PAGE');
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

  it('prints the pages of an item whose documents are to follow with the note in both languages', async () => {
    const { html } = await render({ languages: ['sv', 'fi'], items: [item(3, { documentsLater: true, pages: { first: 2, last: 4 } })] });
    expect(html).toContain('<td><p>2 - 4<em><br />Handlingar delges senare / Asiakirjat toimitetaan myöhemmin</em></p></td>');
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
    const extra = item(8, { pages: null, title: 'Yttrande över remiss om skolskjuts', documents: [{ kind: 'officer_report', report: officerReport({ title: 'Yttrande över remiss om skolskjuts' }) }] });
    const { html } = await render({ kind: 'supplementary', items: [extra] });
    expect(html).toContain('<h1>Tilläggskallelse</h1>');
    expect(agendaRows(html)).toEqual([
      ['Nr', 'Ärenden', 'Dnr', 'Sida'],
      ['8', 'Yttrande över remiss om skolskjuts', 'SUN 2023/8', ''],
    ]);
    expect(html).not.toContain('Val av justerande');
    expect(html).not.toContain('<h1>Yttrande över remiss om skolskjuts</h1>');
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
      items: [item(3, { documentsLater: true, documents: [{ kind: 'officer_report', report: officerReport() }], pages: { first: 2, last: 3 } })],
    });
    expect(html).toContain('<td><p>2 - 3<em><br />Handlingar delges senare</em></p></td>');
  });

  it('prints a one-page item as its page alone and nothing for an item whose pages are not known', async () => {
    const { html } = await render({
      items: [item(3, { pages: { first: 2, last: 2 } }), item(4, { documents: [{ kind: 'officer_report', report: officerReport() }] }), item(5, { pages: null })],
    });
    expect(agendaRows(html).slice(1).map((row) => row[3])).toEqual(['2', '', '']);
  });
});

describe('pageRangeText', () => {
  it('prints one page alone, a range with spaced hyphen, and nothing without pages', () => {
    expect(pageRangeText({ first: 5, last: 5 })).toBe('5');
    expect(pageRangeText({ first: 5, last: 6 })).toBe('5 - 6');
    expect(pageRangeText({ first: 36, last: 76 })).toBe('36 - 76');
    expect(pageRangeText(null)).toBe('');
  });
});

describe('an item\'s document as a DOCX of its own', () => {
  const options = { municipalityName: 'Ludvika kommun', languages: ['sv'] as ('sv' | 'fi')[] };
  const instruction: TextDocumentView = {
    municipalityName: 'Ludvika kommun',
    title: 'Instruktion för Ludvika kommuns råd',
    blocks: [
      { kind: 'heading', level: 1, text: '1 Inledning' },
      { kind: 'paragraph', text: 'Fullmäktige antog den 7 oktober 2019 § 130 nomenklatur för politiska instanser.' },
    ],
  };

  it('renders a tjänsteskrivelse as it is rendered alone, with its decision points numbered from 1', async () => {
    const report = officerReport({ title: REPRESENTANTER_TITLE });
    const [alone, asItem] = await Promise.all([renderOfficerReport(report), renderNoticeItemDocument({ kind: 'officer_report', report }, options)]);
    const read = await readDocx(asItem);
    expect(read.html).toBe((await readDocx(alone)).html);
    expect(read.html).toContain(`<h1>${REPRESENTANTER_TITLE}</h1><h2>Förvaltningens förslag till beslut</h2><ol><li>`);
  });

  it('renders a text document with its headings', async () => {
    const [alone, asItem] = await Promise.all([renderTextDocument(instruction), renderNoticeItemDocument({ kind: 'text', document: instruction }, options)]);
    const read = await readDocx(asItem);
    expect(read.html).toBe((await readDocx(alone)).html);
    expect(read.html).toContain('<h1>Instruktion för Ludvika kommuns råd</h1><h1>1 Inledning</h1><p>Fullmäktige antog');
  });

  it('gives a file that is only named a page saying so, titled "Bilaga: …"', async () => {
    const read = await readDocx(await renderNoticeItemDocument({ kind: 'file', title: 'Karta över skolområdena', fileName: 'skolomraden.png' }, options));
    expect(read.html).toBe('<h1>Bilaga: Karta över skolområdena</h1><p>Handlingen finns som separat fil: skolomraden.png</p>');
    expect(read.part('docProps/core.xml')).toContain('<dc:title>Bilaga: Karta över skolområdena</dc:title>');
  });

  it('names a secret document on its page as the notice lists it', async () => {
    const secret: NoticeItemDocument = { kind: 'file', title: 'Bilaga 2 – delges separat', fileName: 'SUN 2022/00512-4' };
    const read = await readDocx(await renderNoticeItemDocument(secret, { ...options, languages: ['sv', 'fi'] }));
    expect(read.html).toBe('<h1>Bilaga / Liite: Bilaga 2 – delges separat</h1><p>Handlingen finns som separat fil / Asiakirja on erillisenä tiedostona: SUN 2022/00512-4</p>');
  });

  it('leaves a tjänsteskrivelse as it is written in an organ with Finnish', async () => {
    const read = await readDocx(await renderNoticeItemDocument({ kind: 'officer_report', report: officerReport() }, { ...options, languages: ['sv', 'fi'] }));
    expect(read.html).toContain('<h2>Förvaltningens förslag till beslut</h2>');
    expect(read.text).not.toContain(' / ');
  });

  it('refuses a stored file, which the bundle converts from what is stored', async () => {
    const stored: NoticeItemDocument = { kind: 'stored', title: 'Plan för målaktiviteter', fileName: 'plan.xlsx', mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', sha256: 'a'.repeat(64), documentId: '00000000-0000-4000-8000-000000000001' };
    await expect(renderNoticeItemDocument(stored, options)).rejects.toThrow('plan.xlsx');
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

  it('refuses two items with one number, as the bundle finds an item\'s pages and bookmarks by its number', () => {
    expect(() => buildMeetingNoticeDocument(sunNotice({ items: [item(3), item(3)] }))).toThrow(RangeError);
  });

  it('refuses a start time without a time zone', () => {
    expect(() => buildMeetingNoticeDocument(sunNotice({ startsAt: '2023-01-11T14:00:00' }))).toThrow(RangeError);
  });
});
