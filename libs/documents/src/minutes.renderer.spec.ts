import { layoutDocument } from 'docx/layout';
import { buildMinutesDocument, renderMinutes, renderMinutesExtract } from './minutes.renderer';
import { MinutesExtractView, MinutesView } from './minutes.view-model';
import { INDIVIDUTSKOTT_TITLE, NARVARORATT_TITLE } from './testing/meeting-notice.factory';
import {
  CASTING_VOTE_6,
  CONTENT_SHA256,
  DISSENT_REASONS_4,
  individutskottParagraph,
  largeMinutesView,
  plainParagraph,
  radNotes,
  sunExtract,
  sunMinutes,
  VOTE_RESULT_4,
} from './testing/minutes-views';
import { ARBETSUTSKOTT_TITLE } from './testing/officer-report.factory';
import { readDocx, ReadDocx } from './testing/read-docx';

const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;
const stripTags = (html: string) => html.replace(/<br \/>/g, '\n').replace(/<[^>]+>/g, '');

/** The needles that occur in the haystack one after the other; equal to the needles when all are there, in that order. */
function inOrder(haystack: string, needles: string[]): string[] {
  const found: string[] = [];
  let from = 0;
  for (const needle of needles) {
    const at = haystack.indexOf(needle, from);
    if (at < 0) break;
    found.push(needle);
    from = at + needle.length;
  }
  return found;
}

/** The HTML of one paragraph of the protocol: from its "§ n" Heading 1 to the next Heading 1, or to the end. */
function paragraphHtml(html: string, number: number): string {
  const start = html.search(new RegExp(`<h1>§ ${number}(?!\\d)`));
  if (start < 0) throw new Error(`§ ${number} saknas`);
  const end = html.indexOf('<h1>', start + 4);
  return html.slice(start, end < 0 ? undefined : end);
}

const headings2 = (html: string) => [...html.matchAll(/<h2>(.*?)<\/h2>/g)].map((match) => match[1]);

/** The rows of the first table in the HTML, as cell texts, the header row first. */
function tableRows(html: string): string[][] {
  const table = /<table>(.*?)<\/table>/.exec(html)?.[1] ?? '';
  return [...table.matchAll(/<tr>(.*?)<\/tr>/g)].map((row) => [...row[1].matchAll(/<t[hd](?: colspan="\d+")?>(.*?)<\/t[hd]>/g)].map((cell) => stripTags(cell[1])));
}

/** The rows of the ANSLAG/BEVIS box, whose header row spans both columns. */
function postingBox(html: string): string[][] {
  const start = html.indexOf('<table><thead><tr><th colspan="2"><p><strong>ANSLAG/BEVIS</strong>');
  if (start < 0) throw new Error('ANSLAG/BEVIS saknas');
  return tableRows(html.slice(start));
}

const SUN_MEMBER_LINES = [
  'Håkan Frank (M), ordförande',
  'Anna Exempelsson (S)',
  'Erik Testberg (S)',
  'Maria Fiktivsson (S)',
  'Lars Påhittad (S)',
  'Karin Låtsasson (SD)',
  'Johan Provström (SD)',
  'Eva Exempeldal (SD)',
  'Per Testlund (M)',
  'Ingrid Fiktivberg (KD), ej § 5',
  'Nils Påhittsson (V)',
  'Birgitta Låtsasberg (C)',
  'Mats Provholm (L)',
  'Ulla Fiktivlund (KD), tjänstgörande ersättare § 5',
];

async function renderView(view: MinutesView): Promise<ReadDocx> {
  return readDocx(await renderMinutes(view));
}

describe('the protokoll of Social- och utbildningsnämnden 11 January 2023', () => {
  let buffer: Buffer;
  let doc: ReadDocx;

  beforeAll(async () => {
    buffer = await renderMinutes(sunMinutes());
    doc = await readDocx(buffer);
  });

  it('is a DOCX package that mammoth reads without complaint', () => {
    expect(buffer.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(doc.messages).toEqual([]);
  });

  it('heads every page with the municipality, SAMMANTRÄDESPROTOKOLL, the organ, the meeting date and "Sida X(Y)" as page fields', () => {
    const header = doc.part('word/header1.xml') ?? '';
    const texts = stripTags(header.replace(/<w:instrText[^>]*>([^<]*)<\/w:instrText>/g, '{$1}'));
    expect(texts).toBe('LUDVIKA KOMMUNSida {PAGE}({NUMPAGES})SAMMANTRÄDESPROTOKOLLSocial- och utbildningsnämndenSammanträdesdatum 11 januari 2023');
    // One section with the header as its default: every page shows it, the first included.
    expect(count(doc.documentXml, '<w:headerReference w:type="default"')).toBe(1);
    expect(doc.documentXml).not.toContain('<w:titlePg/>');
  });

  it('opens the signature page with the organ, "Sammanträdesprotokoll" as the Heading 1 and the date, then Plats och tid with the adjournment', () => {
    expect(
      doc.html.startsWith(
        '<p><strong>Social- och utbildningsnämnden</strong></p><h1>Sammanträdesprotokoll</h1><p>11 januari 2023</p>' +
          '<h2>Plats och tid</h2><p>Sessionssalen, Stadshuset<br />kl. 14:00–16:40, ajournering kl. 15:15–15:30</p><h2>Beslutande</h2>',
      ),
    ).toBe(true);
  });

  it('lists the members under Beslutande as "Name (Party)", with the serving substitute and the partial attendance', () => {
    const beslutande = doc.html.slice(doc.html.indexOf('<h2>Beslutande</h2>'), doc.html.indexOf('<h2>Övriga närvarande</h2>'));
    expect([...beslutande.matchAll(/<p>(.*?)<\/p>/g)].map((match) => match[1])).toEqual(SUN_MEMBER_LINES);
  });

  it('gives Övriga närvarande in its groups: ej tjänstgörande ersättare, tjänstemän with title, övriga', () => {
    expect(doc.html).toContain(
      '<h2>Övriga närvarande</h2>' +
        '<h3>Ej tjänstgörande ersättare</h3><p>Kerstin Exempelgren (S)</p><p>Mikael Påhittström (SD)</p><p>Linnea Exempelholm (M), §§ 1–4</p>' +
        '<h3>Tjänstemän</h3><p>Jonas Fors, Förvaltningschef</p><p>Sara Utredarsson, Utredare, § 7</p><p>Rita Österholm, Nämndsekreterare</p>' +
        '<h3>Övriga</h3><p>Gunnar Revisorsson, Förtroendevald revisor</p>' +
        '<h2>Utses att justera</h2><p>Anna Exempelsson (S)</p>' +
        '<h2>Justeringens plats och tid</h2><p>Social- och utbildningsförvaltningen, 16 januari 2023 kl. 10:00</p>',
    );
  });

  it('signs with the secretary beside "Paragrafer 1–7", the chair and the verifier, each name under a line to sign on', () => {
    expect(doc.html).toContain(
      '<h2>Underskrifter</h2><p><strong>Sekreterare</strong>\t\t\tParagrafer 1–7</p><p>Rita Österholm</p>' +
        '<p><strong>Ordförande</strong>\t\t</p><p>Håkan Frank</p><p><strong>Justerande</strong>\t\t</p><p>Anna Exempelsson</p>',
    );
    // The line is a tab leader, not typed underscores a screen reader would read out.
    expect(doc.documentXml).toContain('<w:tab w:val="left" w:pos="6237" w:leader="underscore"/>');
    expect(doc.text).not.toContain('___');
  });

  it('prints the electronic justering with role, name, Swedish time and how each signed in, and the content\'s SHA-256, before the ANSLAG/BEVIS box', () => {
    expect(
      inOrder(doc.html, [
        '<p>Anna Exempelsson</p><h3>Elektroniskt justerat</h3>',
        '<p>Sekreterare: Rita Österholm, 16 januari 2023 kl. 09:58</p>',
        '<p>Ordförande: Håkan Frank, 16 januari 2023 kl. 10:12, inloggad med Ludvika kommuns konto</p>',
        '<p>Justerande: Anna Exempelsson, 16 januari 2023 kl. 10:40, inloggad med e-post och lösenord</p>',
        `<p>Kontrollsumma (SHA-256): ${CONTENT_SHA256}</p>`,
        '<strong>ANSLAG/BEVIS</strong>',
      ]),
    ).toHaveLength(6);
  });

  it('fills the ANSLAG/BEVIS box from the posting, its statement in the header row', () => {
    expect(postingBox(doc.html)).toEqual([
      ['ANSLAG/BEVIS\nProtokollet är justerat. Justeringen har tillkännagivits genom anslag.'],
      ['Organ', 'Social- och utbildningsnämnden'],
      ['Sammanträdesdatum', '11 januari 2023'],
      ['Paragrafer', '1–7'],
      ['Datum då anslaget sätts upp', '17 januari 2023'],
      ['Datum då anslaget tas ned', '8 februari 2023'],
      ['Sista dag för överklagande', '7 februari 2023'],
      ['Förvaringsplats för protokollet', 'Social- och utbildningsförvaltningens kansli'],
      ['Underskrift', 'Rita Österholm'],
    ]);
  });

  it('lists the paragraphs after the box in an Ärendelista with §, title and dnr, whose first row is a header row', () => {
    const list = doc.html.slice(doc.html.indexOf('<h1>Ärendelista</h1>'));
    expect(doc.html.indexOf('<h1>Ärendelista</h1>')).toBeGreaterThan(doc.html.indexOf('ANSLAG/BEVIS'));
    expect(tableRows(list)).toEqual([
      ['§', 'Ärende', 'Dnr'],
      ['§ 1', 'Val av justerande', ''],
      ['§ 2', 'Anmälan av extra ärenden', ''],
      ['§ 3', ARBETSUTSKOTT_TITLE, 'SUN 2022/1'],
      ['§ 4', INDIVIDUTSKOTT_TITLE, 'SUN 2022/2'],
      ['§ 5', 'Val av representanter i råd och grupper m m för tiden 2023–2026', 'SUN 2022/3'],
      ['§ 6', NARVARORATT_TITLE, 'SUN 2022/4'],
      ['§ 7', 'Information om förvaltningens plan för målaktiviteter 2023', 'SUN 2022/5'],
    ]);
  });

  it('heads each paragraph with a Heading 1 of its number, the preparing utskott\'s paragraph, the dnr and the title, in order', () => {
    const paragraphHeadings = [...doc.html.matchAll(/<h1>(§ .*?)<\/h1>/g)].map((match) => match[1]);
    expect(paragraphHeadings).toEqual([
      '§ 1<br />Val av justerande',
      '§ 2<br />Anmälan av extra ärenden',
      `§ 3\tDnr SUN 2022/1<br />${ARBETSUTSKOTT_TITLE}`,
      `§ 4 (Au § 2)\tDnr SUN 2022/2<br />${INDIVIDUTSKOTT_TITLE}`,
      '§ 5\tDnr SUN 2022/3<br />Val av representanter i råd och grupper m m för tiden 2023–2026',
      `§ 6\tDnr SUN 2022/4<br />${NARVARORATT_TITLE}`,
      '§ 7\tDnr SUN 2022/5<br />Information om förvaltningens plan för målaktiviteter 2023',
    ]);
  });

  it('prints only the subsections a paragraph has, in the order of the protocol', () => {
    expect(headings2(paragraphHtml(doc.html, 1))).toEqual(['Beslut']);
    expect(headings2(paragraphHtml(doc.html, 3))).toEqual(['Beslut', 'Beskrivning av ärendet', 'Beslutsunderlag', 'Beslut skickas till']);
    expect(headings2(paragraphHtml(doc.html, 4))).toEqual([
      'Beslut',
      'Yrkanden',
      'Beslutsgång',
      'Omröstning',
      'Reservation',
      'Beskrivning av ärendet',
      'Beslutsunderlag',
      'Beslut skickas till',
    ]);
    expect(headings2(paragraphHtml(doc.html, 5))).toEqual(['Beslut', 'Jäv', 'Beslutsunderlag']);
    expect(headings2(paragraphHtml(doc.html, 6))).toEqual(['Beslut', 'Yrkanden', 'Beslutsgång', 'Omröstning', 'Protokollsanteckning']);
  });

  it('gives a single decision as a paragraph and several as a numbered list that starts from 1 in each paragraph', () => {
    expect(paragraphHtml(doc.html, 1)).toContain('<h2>Beslut</h2><p>Social- och utbildningsnämnden utser Anna Exempelsson (S) att jämte ordföranden justera dagens protokoll.</p>');
    expect(paragraphHtml(doc.html, 1)).not.toContain('<ol>');
    expect(paragraphHtml(doc.html, 4)).toContain(
      '<h2>Beslut</h2><ol><li>Social- och utbildningsnämnden beslutar att individutskottet ska bestå av 5 ledamöter och 5 ersättare.</li>' +
        '<li>Social- och utbildningsnämnden väljer:<br />Ledamöter: Håkan Frank (M), Karin Låtsasson (SD), Anna Exempelsson (S), Per Testlund (M), Nils Påhittsson (V)</li>',
    );
    const xml = doc.documentXml;
    const numIds = (from: string, to: string) => [...xml.slice(xml.indexOf(from), xml.indexOf(to)).matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((match) => match[1]);
    const third = numIds('Dnr SUN 2022/1', 'Dnr SUN 2022/2').slice(0, 3);
    const fourth = numIds('Dnr SUN 2022/2', 'Dnr SUN 2022/3').slice(0, 3);
    expect(new Set(third).size).toBe(1);
    expect(new Set(fourth).size).toBe(1);
    expect(fourth[0]).not.toBe(third[0]);
    expect(doc.part('word/numbering.xml')).toMatch(new RegExp(`<w:num w:numId="${fourth[0]}"><w:abstractNumId w:val="\\d+"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/>`));
  });

  it('prints the 7–6 vote of § 4: what Ja and Nej stood for, an X per member, the totals, and the result without a casting vote', () => {
    const section = paragraphHtml(doc.html, 4);
    const vote = section.slice(section.indexOf('<h2>Omröstning</h2>'), section.indexOf('<h2>Reservation</h2>'));
    expect(vote.startsWith('<h2>Omröstning</h2><p>Ja-röst för bifall till förvaltningens förslag, Nej-röst för bifall till Anna Exempelssons (S) yrkande.</p><table>')).toBe(true);
    expect(tableRows(vote)).toEqual([
      ['Ledamot', 'Ja', 'Nej', 'Avstår'],
      ['Håkan Frank (M)', 'X', '', ''],
      ['Anna Exempelsson (S)', '', 'X', ''],
      ['Erik Testberg (S)', '', 'X', ''],
      ['Maria Fiktivsson (S)', '', 'X', ''],
      ['Lars Påhittad (S)', '', 'X', ''],
      ['Karin Låtsasson (SD)', 'X', '', ''],
      ['Johan Provström (SD)', 'X', '', ''],
      ['Eva Exempeldal (SD)', 'X', '', ''],
      ['Per Testlund (M)', 'X', '', ''],
      ['Ingrid Fiktivberg (KD)', 'X', '', ''],
      ['Nils Påhittsson (V)', '', 'X', ''],
      ['Birgitta Låtsasberg (C)', '', 'X', ''],
      ['Mats Provholm (L)', 'X', '', ''],
      ['Summa', '7', '6', '0'],
    ]);
    expect(vote).toContain(`</table><p>${VOTE_RESULT_4}</p>`);
    expect(vote).not.toContain('utslagsröst');
    expect(vote).toContain('<thead><tr><th><p><strong>Ledamot</strong></p></th>');
  });

  it('prints the chair\'s casting vote on the 6–6 tie of § 6 between the totals and the result', () => {
    const section = paragraphHtml(doc.html, 6);
    expect(tableRows(section).slice(-2)).toEqual([
      ['Mats Provholm (L)', '', 'X', ''],
      ['Summa', '6', '6', '1'],
    ]);
    expect(tableRows(section)).toContainEqual(['Birgitta Låtsasberg (C)', '', '', 'X']);
    expect(section).toContain(`</table><p>${CASTING_VOTE_6}</p><p>Nämnden har beslutat att avgöra ärendet i dag.</p><h2>Protokollsanteckning</h2>`);
    expect(count(doc.html, 'utslagsröst')).toBe(1);
  });

  it('marks the header row of each table, and no other row', () => {
    // Box, Ärendelista and the two votes.
    expect(count(doc.documentXml, '<w:tblHeader/>')).toBe(4);
    expect(count(doc.documentXml, '<w:tbl>')).toBe(4);
  });

  it('enters each reservation, with its written reasons when given', () => {
    expect(paragraphHtml(doc.html, 4)).toContain(
      '<h2>Reservation</h2><p>Anna Exempelsson (S) reserverar sig mot beslutet.</p>' +
        `<p>Skriftlig reservation: ${DISSENT_REASONS_4}</p>` +
        '<p>Erik Testberg (S) reserverar sig mot beslutet.</p><h2>Beskrivning av ärendet</h2>',
    );
    expect(count(doc.html, 'Skriftlig reservation')).toBe(1);
  });

  it('records the jäv and who served in the member\'s place, without saying his or her', () => {
    expect(paragraphHtml(doc.html, 5)).toContain(
      '<h2>Jäv</h2><p>Ingrid Fiktivberg (KD) anmäler jäv och deltar inte i handläggningen. Ulla Fiktivlund (KD) tjänstgör i ledamotens ställe.</p>',
    );
    expect(doc.text).not.toMatch(/\b(hans|hennes)\b/);
  });

  it('enters the protokollsanteckning under the name of the member who made it', () => {
    expect(paragraphHtml(doc.html, 6)).toContain(
      '<h2>Protokollsanteckning</h2><p>Nils Påhittsson (V) lämnar följande protokollsanteckning:</p><p>Vänsterpartiet vill att närvarorätten följs upp efter ett år.</p>',
    );
  });

  it('says "Omedelbart justerad" last under § 3, the one paragraph verified at the meeting', () => {
    expect(paragraphHtml(doc.html, 3).endsWith('<li>Förtroendemannaregistret</li></ul><p><strong><em>Omedelbart justerad</em></strong></p>')).toBe(true);
    expect(count(doc.html, 'Omedelbart justerad')).toBe(1);
  });

  it('carries the protocol as its title and the municipality as author', () => {
    const core = doc.part('docProps/core.xml') ?? '';
    expect(core).toContain('<dc:title>Sammanträdesprotokoll – Social- och utbildningsnämnden – 11 januari 2023</dc:title>');
    expect(core).toContain('<dc:creator>Ludvika kommun</dc:creator>');
  });

  it('lays out the signatures with the ANSLAG/BEVIS box on one page, and the Ärendelista and each paragraph from a page of their own', () => {
    const layout = layoutDocument(buildMinutesDocument(sunMinutes()));
    expect(layout.stoppedAt).toBeUndefined();
    const firstLine = (page: (typeof layout.pages)[number]) => (page.body[0]?.type === 'paragraph' ? page.body[0].lines[0]?.text : undefined);
    const firstLines = layout.pages.map(firstLine);
    const pageOf = (text: string) => layout.pages.findIndex((page) => page.body.some((block) => block.type === 'paragraph' && block.lines.some((line) => line.text === text)));
    const signaturePage = pageOf('Underskrifter');
    expect(signaturePage).toBeGreaterThanOrEqual(0);
    expect(layout.pages[signaturePage].body.filter((block) => block.type === 'table')).toHaveLength(1);
    expect(firstLines[signaturePage + 1]).toBe('Ärendelista');
    const paragraphStarts = firstLines.filter((line) => line?.startsWith('§ '));
    expect(paragraphStarts.map((line) => line?.split(/\s/)[1])).toEqual(['1', '2', '3', '4', '5', '6', '7']);
  });
});

describe('the layout of a protokoll', () => {
  it('keeps the ANSLAG/BEVIS box whole, on the page of the signatures, where the page would have ended inside it', () => {
    // Attendance on a Närvarolista and six lines under Utses att justera put the end of the first page inside the box.
    const view = sunMinutes({
      paragraphs: sunMinutes().paragraphs.slice(0, 1),
      verifiers: Array.from({ length: 6 }, (_, index) => `Justerare ${index + 1} (S)`),
      others: Array.from({ length: 12 }, (_, index) => ({ name: `Åhörare ${index + 1}`, party: null, title: null, note: null })),
    });
    const layout = layoutDocument(buildMinutesDocument(view));
    expect(layout.stoppedAt).toBeUndefined();
    const boxIndex = Math.min(...layout.pages.flatMap((page) => page.body.filter((block) => block.type === 'table').map((block) => block.index)));
    const pagesWithBox = layout.pages.filter((page) => page.body.some((block) => block.type === 'table' && block.index === boxIndex));
    expect(pagesWithBox).toHaveLength(1);
    const rows = pagesWithBox[0].body.find((block) => block.type === 'table' && block.index === boxIndex);
    expect(rows?.type === 'table' ? rows.rows.map((row) => row.index) : []).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(pagesWithBox[0].body.some((block) => block.type === 'paragraph' && block.lines[0]?.text === 'Underskrifter')).toBe(true);
  });
});

describe('a paragraph with every subsection', () => {
  it('prints them in the order of the protocol, "Omedelbart justerad" last', async () => {
    const full = individutskottParagraph({
      notes: [{ name: 'Nils Påhittsson', party: 'V', text: 'Vänsterpartiet vill att utskottets arbete följs upp.' }],
      disqualifications: [{ name: 'Mats Provholm', party: 'L', substitute: null }],
      approvedAtMeeting: true,
    });
    const { html } = await renderView(sunMinutes({ paragraphs: [full] }));
    const section = paragraphHtml(html, 4);
    expect(headings2(section)).toEqual([
      'Beslut',
      'Yrkanden',
      'Beslutsgång',
      'Omröstning',
      'Reservation',
      'Protokollsanteckning',
      'Jäv',
      'Beskrivning av ärendet',
      'Beslutsunderlag',
      'Beslut skickas till',
    ]);
    // Without a substitute, the jäv says only who left.
    expect(section).toContain('<h2>Jäv</h2><p>Mats Provholm (L) anmäler jäv och deltar inte i handläggningen.</p><h2>');
    expect(section.endsWith('<li>Förtroendemannaregistret</li></ul><p><strong><em>Omedelbart justerad</em></strong></p>')).toBe(true);
  });
});

describe('a protokoll holding personal data', () => {
  it('says so under the date', async () => {
    const doc = await renderView(sunMinutes({ personalDataNotice: 'Protokollet innehåller personuppgifter.' }));
    expect(doc.html).toContain('<h1>Sammanträdesprotokoll</h1><p>11 januari 2023</p><p>Protokollet innehåller personuppgifter.</p><h2>Plats och tid</h2>');
  });

  it('says nothing of it otherwise', async () => {
    expect((await renderView(sunMinutes())).text).not.toContain('personuppgifter');
  });
});

describe('a protokoll before it is verified', () => {
  let doc: ReadDocx;

  beforeAll(async () => {
    doc = await renderView(
      sunMinutes({ draftNotice: 'UTKAST – ej justerat', approvals: [], contentSha256: null, posting: null, verificationPlaceAndTime: null }),
    );
  });

  it('says it is a draft first on the first page and in the header of every page', () => {
    expect(doc.html.startsWith('<p><strong>UTKAST – ej justerat</strong></p><p><strong>Social- och utbildningsnämnden</strong></p><h1>Sammanträdesprotokoll</h1>')).toBe(true);
    expect(doc.part('word/header1.xml')).toContain('UTKAST – ej justerat');
  });

  it('prints no electronic justering and no checksum', () => {
    expect(doc.text).not.toContain('Elektroniskt justerat');
    expect(doc.text).not.toContain('Kontrollsumma');
  });

  it('prints the ANSLAG/BEVIS box with what the protocol says and the posting dates left blank', () => {
    expect(postingBox(doc.html)).toEqual([
      ['ANSLAG/BEVIS\nProtokollet är justerat. Justeringen har tillkännagivits genom anslag.'],
      ['Organ', 'Social- och utbildningsnämnden'],
      ['Sammanträdesdatum', '11 januari 2023'],
      ['Paragrafer', '1–7'],
      ['Datum då anslaget sätts upp', ''],
      ['Datum då anslaget tas ned', ''],
      ['Sista dag för överklagande', ''],
      ['Förvaringsplats för protokollet', ''],
      ['Underskrift', ''],
    ]);
  });

  it('keeps the heading Justeringens plats och tid with nothing under it yet', () => {
    expect(doc.html).toContain('<h2>Utses att justera</h2><p>Anna Exempelsson (S)</p><h2>Justeringens plats och tid</h2><h2>Underskrifter</h2>');
  });
});

describe('what a protokoll refuses', () => {
  it('refuses two paragraphs with one number', async () => {
    await expect(renderMinutes(sunMinutes({ paragraphs: [plainParagraph(3), plainParagraph(3)] }))).rejects.toThrow('§ 3 förekommer två gånger');
  });

  it('refuses a vote whose totals are not what the members\' votes add up to', async () => {
    const paragraph = individutskottParagraph();
    const vote = { ...paragraph.vote!, yes: 8, no: 5 };
    await expect(renderMinutes(sunMinutes({ paragraphs: [{ ...paragraph, vote }] }))).rejects.toThrow(RangeError);
    await expect(renderMinutesExtract(sunExtract({ paragraph: { ...paragraph, vote } }))).rejects.toThrow('Omröstningen i § 4');
  });

  it('accepts a secret ballot: totals without rows', async () => {
    const paragraph = individutskottParagraph();
    const { html } = await renderView(sunMinutes({ paragraphs: [{ ...paragraph, vote: { ...paragraph.vote!, rows: [] } }] }));
    expect(tableRows(paragraphHtml(html, 4))).toEqual([
      ['Ledamot', 'Ja', 'Nej', 'Avstår'],
      ['Summa', '7', '6', '0'],
    ]);
  });

  it('refuses a time that is not HH:MM', () => {
    expect(() => buildMinutesDocument(sunMinutes({ endTime: '16.40' }))).toThrow(RangeError);
    expect(() => buildMinutesDocument(sunMinutes({ adjournments: [{ from: '15:15', to: '25:00' }] }))).toThrow('Ajournering');
  });
});

describe('the protokoll of a fullmäktige of 45 members', () => {
  let doc: ReadDocx;
  const view = largeMinutesView({ paragraphs: 60, votes: 10, members: 45 });

  beforeAll(async () => {
    doc = await renderView(view);
  });

  it('refers to a Närvarolista page from the signature page, and lists the attendance there, after the ANSLAG/BEVIS box', () => {
    expect(doc.html).toContain('<h2>Beslutande</h2><p>Se närvarolista, sidan </p><h2>Utses att justera</h2>');
    expect(doc.documentXml).toContain('<w:instrText xml:space="preserve">PAGEREF narvarolista \\h</w:instrText>');
    expect(
      inOrder(doc.html, ['ANSLAG/BEVIS', '<h1><a id="narvarolista"></a>Närvarolista</h1><h2>Beslutande</h2>', `<p>${view.deciding[44].name} (${view.deciding[44].party})</p>`, '<h1>Ärendelista</h1>']),
    ).toHaveLength(4);
    const signaturePage = doc.html.slice(0, doc.html.indexOf('ANSLAG/BEVIS'));
    expect(signaturePage).not.toContain(`<p>${view.deciding[10].name} (${view.deciding[10].party})</p>`);
    const attendancePage = doc.html.slice(doc.html.indexOf('Närvarolista</h1>'), doc.html.indexOf('<h1>Ärendelista</h1>'));
    expect(count(attendancePage, `<p>${view.deciding[10].name} (${view.deciding[10].party})</p>`)).toBe(1);
  });

  it('has its 60 paragraphs, 10 votes of 45 members each and the two justerande', () => {
    expect(count(doc.html, '<h1>§ ')).toBe(60);
    expect(count(doc.html, '<h2>Omröstning</h2>')).toBe(10);
    expect(count(doc.html, '<tr><td><p><strong>Summa</strong></p></td>')).toBe(10);
    // 45 members and the header and totals rows, in each of the 10 votes; the box and the Ärendelista besides.
    expect(count(doc.documentXml, '<w:tr>')).toBe(10 * 47 + 9 + 61);
    expect(count(doc.html, '<p><strong>Justerande</strong>\t\t</p>')).toBe(2);
  });
});

describe('minnesanteckningar of Kommunala pensionärsrådet', () => {
  let doc: ReadDocx;

  beforeAll(async () => {
    doc = await renderView(radNotes());
  });

  it('opens with the organ, "Minnesanteckningar", the date, Plats och tid and who was there', () => {
    expect(
      doc.html.startsWith(
        '<p><strong>Kommunala pensionärsrådet</strong></p><h1>Minnesanteckningar</h1><p>11 januari 2023</p>' +
          '<h2>Plats och tid</h2><p>Sammanträdesrum Säfsen, Stadshuset<br />kl. 09:00–11:15</p>' +
          '<h2>Närvarande</h2><p>Håkan Frank (M), ordförande</p><p>Britt Seniorsson, PRO Ludvika</p><p>Sven Äldresson, SPF Seniorerna</p>' +
          '<h2>Övriga närvarande</h2><h3>Tjänstemän</h3><p>Jonas Fors, Förvaltningschef</p><h1>Punkt 1<br />Trygghetsboenden i Ludvika</h1>',
      ),
    ).toBe(true);
    expect(doc.part('word/header1.xml')).toContain('MINNESANTECKNINGAR');
  });

  it('gives each point what was raised and what the group recommends, and ends "Vid anteckningarna" with the secretary', () => {
    expect(doc.html).toContain(
      '<h1>Punkt 1<br />Trygghetsboenden i Ludvika</h1>' +
        '<h2>Beskrivning</h2><p>Förvaltningen informerar om kön till trygghetsboenden.</p>' +
        '<h2>Förslag</h2><p>PRO föreslår att kön redovisas varje kvartal.</p>' +
        '<h2>Gruppens rekommendation</h2><p>Rådet rekommenderar att nämnden redovisar kön varje kvartal.</p>' +
        '<h2>Noteringar</h2><p>Frågan tas upp igen i maj.</p>' +
        '<h1>Punkt 2<br />Övriga frågor</h1><h2>Vid anteckningarna</h2><p>Rita Österholm</p>',
    );
    expect(doc.html.endsWith('<h2>Vid anteckningarna</h2><p>Rita Österholm</p>')).toBe(true);
  });

  it('has no justering, anslag, votes or signatures', () => {
    for (const absent of ['ANSLAG', 'Omröstning', 'Summa', 'justera', 'Underskrifter', 'Sekreterare', 'Ordförande', 'Kontrollsumma', 'Ärendelista', '§']) {
      expect(doc.text).not.toContain(absent);
    }
    expect(doc.part('word/header1.xml')).not.toContain('SAMMANTRÄDESPROTOKOLL');
    expect(doc.documentXml).not.toContain('<w:tbl>');
  });
});

describe('the protokollsutdrag of § 4', () => {
  let doc: ReadDocx;
  let minutes: ReadDocx;

  beforeAll(async () => {
    [doc, minutes] = await Promise.all([renderMinutesExtract(sunExtract()).then(readDocx), renderView(sunMinutes())]);
  });

  it('has the protocol\'s header on every page', () => {
    expect(doc.messages).toEqual([]);
    expect(doc.part('word/header1.xml')).toBe(minutes.part('word/header1.xml'));
  });

  it('says "Utdrag ur protokoll", then gives the paragraph exactly as the protocol does', () => {
    const paragraph = paragraphHtml(minutes.html, 4);
    expect(doc.html.startsWith(`<h1>Utdrag ur protokoll</h1><p>Social- och utbildningsnämnden, sammanträde 11 januari 2023</p>${paragraph}<h2>Justering</h2>`)).toBe(true);
  });

  it('ends with the justering, the posting dates and the Utdragsbestyrkande with the certifier\'s name', () => {
    expect(
      doc.html.endsWith(
        '<h2>Justering</h2><p>Justerat 16 januari 2023 av Håkan Frank och Anna Exempelsson</p>' +
          '<p>Datum då anslaget sätts upp: 17 januari 2023</p><p>Datum då anslaget tas ned: 8 februari 2023</p>' +
          '<p>Sista dag för överklagande: 7 februari 2023</p><p>Förvaringsplats för protokollet: Social- och utbildningsförvaltningens kansli</p>' +
          '<h2>Utdragsbestyrkande</h2><p>Utdraget överensstämmer med originalet.</p><p>\t\t</p><p>Rita Österholm</p>',
      ),
    ).toBe(true);
  });

  it('carries the paragraph in its title', () => {
    expect(doc.part('docProps/core.xml')).toContain('<dc:title>Protokollsutdrag § 4 – Social- och utbildningsnämnden – 11 januari 2023</dc:title>');
  });

  it('leaves out the posting when it is not known yet, and prints an omedelbart justerad paragraph as such', async () => {
    const view: MinutesExtractView = sunExtract({
      paragraph: { ...sunMinutes().paragraphs[2] },
      verification: 'Omedelbart justerat 11 januari 2023 av Håkan Frank och Anna Exempelsson',
      posting: null,
      certifiedBy: null,
    });
    const { html, text } = await readDocx(await renderMinutesExtract(view));
    expect(text).not.toContain('anslaget');
    expect(html).toContain(
      '<p><strong><em>Omedelbart justerad</em></strong></p><h2>Justering</h2><p>Omedelbart justerat 11 januari 2023 av Håkan Frank och Anna Exempelsson</p><h2>Utdragsbestyrkande</h2>',
    );
    // The certifier's line is left for a name to be written under it.
    expect(html.endsWith('<p>Utdraget överensstämmer med originalet.</p><p>\t\t</p>')).toBe(true);
  });
});

describe('§ and its number', () => {
  it('stay on one line in the protokoll and the extract: a no-break space, in headings, lists, notes and decision texts', async () => {
    const minutes = await readDocx(await renderMinutes(sunMinutes()));
    expect(minutes.text).not.toMatch(/§§? \d/);
    expect(minutes.text).toContain('Ingrid Fiktivberg (KD), ej §\u00a05');
    expect(minutes.html).toContain('<h1>§\u00a04 (Au §\u00a02)');
    const extract = await readDocx(await renderMinutesExtract(sunExtract()));
    expect(extract.text).not.toMatch(/§§? \d/);
    expect(extract.text).toContain('Arbetsutskottets protokoll 4 januari 2023, §\u00a02');
  });
});

describe('the archival copy of verified minutes and of an extract', () => {
  const signingRecord = {
    signatures: [
      { name: 'Håkan Frank', role: 'ordförande', signedAt: '2023-01-18T13:05:00Z', authentication: null },
      { name: 'Anna Exempelsson', role: 'justerare', signedAt: '2023-01-19T07:30:00Z', authentication: null },
    ],
    contentSha256: CONTENT_SHA256,
  };
  const justering = 'Elektroniskt signerad av Håkan Frank, ordförande, 18 januari 2023 kl. 14:05\n\nElektroniskt signerad av Anna Exempelsson, justerare, 19 januari 2023 kl. 08:30';

  it('ends the protokoll with the justering and the checksum, and carries them in the core properties', async () => {
    const doc = await readDocx(await renderMinutes(sunMinutes(), { signingRecord }));
    expect(doc.text.trimEnd().endsWith(`Elektronisk signering\n\n${justering}\n\nKontrollsumma (SHA-256) för det signerade innehållet:\n\n${CONTENT_SHA256}`)).toBe(true);
    expect(doc.part('docProps/core.xml')).toContain(`<cp:keywords>${CONTENT_SHA256}</cp:keywords>`);
  });

  it('ends the protokollsutdrag with the justering after the Utdragsbestyrkande', async () => {
    const doc = await readDocx(await renderMinutesExtract(sunExtract(), { signingRecord }));
    expect(doc.text.indexOf('Elektronisk signering')).toBeGreaterThan(doc.text.indexOf('Utdragsbestyrkande'));
    expect(doc.text).toContain(justering);
    expect(doc.part('docProps/core.xml')).toContain('<dc:subject>Elektroniskt signerad av Håkan Frank, ordförande');
  });
});
