import { layoutDocument } from 'docx/layout';
import {
  buildActivityPlanDocument,
  buildActivitySummaryDocument,
  buildGoalsOverviewDocument,
  renderActivityPlan,
  renderActivitySummary,
  renderGoalsOverview,
} from './goal-reports.renderer';
import {
  activityPlan,
  activitySummary,
  actual,
  BEHORIGHET,
  behorighet,
  GENOMFORANDE,
  genomforande,
  BETYGSPOANG,
  betygspoang,
  BISTAND,
  bistand,
  FORSKOLLARARE,
  forskollarare,
  goalsOverview,
  OVERVIEW_TITLE,
  PLAN_TITLE,
  SUMMARY_TITLE,
  target,
} from './testing/goal-report.factory';
import { readDocx, ReadDocx, zipEntries } from './testing/read-docx';
import { indicatorChartDescription } from './indicator-chart';
import { GoalsOverviewView } from './view-models';

const count = (haystack: string, needle: string | RegExp) => haystack.split(needle).length - 1;
const stripTags = (html: string) => html.replace(/<br \/>/g, '\n').replace(/<[^>]+>/g, '');

/** The tables of mammoth's HTML, each as its header rows and body rows of cell texts. */
function tables(html: string): { head: string[][]; body: string[][] }[] {
  const rows = (part: string) => [...part.matchAll(/<tr>(.*?)<\/tr>/g)].map((row) => [...row[1].matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>|<t[hd][^>]*\/>/g)].map((cell) => stripTags(cell[1] ?? '')));
  return [...html.matchAll(/<table>(.*?)<\/table>/g)].map((table) => ({
    head: rows(/<thead>(.*?)<\/thead>/.exec(table[1])?.[1] ?? ''),
    body: rows(/<tbody>(.*?)<\/tbody>/.exec(table[1])?.[1] ?? ''),
  }));
}

/** The media files of the package. */
function media(buffer: Buffer): Map<string, Buffer> {
  return new Map([...zipEntries(buffer)].filter(([name]) => name.startsWith('word/media/')));
}

/** The rows of the table in document.xml that contains `text`. */
function tableXmlContaining(xml: string, text: string): string {
  const tablesXml = [...xml.matchAll(/<w:tbl>(.*?)<\/w:tbl>/g)].map((match) => match[1]);
  const table = tablesXml.find((candidate) => candidate.includes(text));
  if (table === undefined) throw new Error(`No table contains ${text}`);
  return table;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const YEAR_HEADER = ['2018', '2019', '2020', '2021', '2022', '2021', '2022', '2023', '2024', '2025'];

describe('the overview "Övergripande verksamhetsmål och resultatmått med målvärden"', () => {
  let buffer: Buffer;
  let doc: ReadDocx;

  beforeAll(async () => {
    buffer = await renderGoalsOverview(goalsOverview());
    doc = await readDocx(buffer);
  });

  it('is a DOCX package that mammoth reads without complaint', () => {
    expect(buffer.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(doc.messages).toEqual([]);
  });

  it('opens with the municipality, the date, the title and the introduction, then the first goal\'s texts', () => {
    expect(
      doc.html.startsWith(
        '<p><strong>LUDVIKA KOMMUN</strong></p><p>14 december 2022</p>' +
          `<h1>${OVERVIEW_TITLE}</h1>` +
          '<p>Vi har fem övergripande mål. Det finns en kort beskrivning av vad vart och ett står för.</p>' +
          '<p>Det finns också konkreta resultatmått (målindikatorer) som visar vad vi särskilt vill ska förbättras och uppnås, för att man ska kunna säga att målen är på väg att nås.</p>' +
          '<h1>En av landets bästa skolkommuner</h1>' +
          '<h2>Det här menar vi med målet</h2><p>Vi prioriterar barn och unga.</p>' +
          '<p>För att kunna trivas och prestera behöver barn och unga känna sig trygga.</p>' +
          '<p>Vi satsar på skolan – från förskolan för de allra minsta till grundskolan och gymnasiet.</p>' +
          '<h2>Det här jobbar vi särskilt för</h2><ul><li>Elevernas studieresultat ska förbättras.</li><li>Eleverna ska känna sig trygga i skolan.</li><li>Utbildningen i förskolan ska stärkas.</li></ul>' +
          '<h2>Resultatmått och målvärden</h2><table>',
      ),
    ).toBe(true);
  });

  it('gives each goal a Heading 1 and its texts, in order', () => {
    const order = ['<h1>En av landets bästa skolkommuner</h1>', '<h1>En bra kommun att växa upp i</h1>', '<p>Våra barn och unga ska växa upp i trygga miljöer', '<li>Färre barn ska leva i familjer med ekonomiskt bistånd.</li>'].map(
      (text) => doc.html.indexOf(text),
    );
    expect(order.every((position) => position > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(count(doc.html, '<h1>')).toBe(3);
  });

  it('has a table per goal with the header rows Resultatmått | Utfall | Målvärde over the years', () => {
    const [first, second] = tables(doc.html);
    for (const table of [first, second]) expect(table.head).toEqual([['Resultatmått', 'Utfall', 'Målvärde'], YEAR_HEADER]);
    expect(doc.html).toContain('<th rowspan="2"><p><strong>Resultatmått</strong></p></th><th colspan="5"><p><strong>Utfall</strong></p></th><th colspan="5"><p><strong>Målvärde</strong></p></th>');
    // Both header rows repeat on each page.
    expect(count(doc.documentXml, '<w:tblHeader/>')).toBe(4);
  });

  it('prints the values as given, a year without a value empty, footnote numbers in superscript after their values', () => {
    const [first, second] = tables(doc.html);
    expect(first.body).toEqual([
      [`${BETYGSPOANG}\nKälla: Kolada`, '14,2', '13,1', '13,8', '14,3', '14,0', '13,5', '13,7', '13,9', '', '14,2'],
      [FORSKOLLARARE, '35%', '34%', '37%', '37%', '41% 1)', '40%', '40%', '42%', '', '50%'],
    ]);
    expect(second.body).toEqual([[BISTAND, '602', '628', '572', '431', '397 2)', '580', '480', '410', '', '375']]);
    expect(doc.html).toContain('<td><p>41% <sup>1)</sup></p></td>');
    expect(doc.html).toContain('<td><p>397 <sup>2)</sup></p></td>');
  });

  it('right-aligns the values and the years, and leaves the names to the left', () => {
    const table = tableXmlContaining(doc.documentXml, '14,2');
    const cell = (text: string) => new RegExp(`<w:tc>(?:(?!</w:tc>).)*<w:t[^>]*>${text}</w:t>(?:(?!</w:tc>).)*</w:tc>`).exec(table)?.[0] ?? '';
    expect(cell('14,2')).toContain('<w:jc w:val="right"/>');
    expect(cell('2018')).toContain('<w:jc w:val="right"/>');
    expect(cell('Utfall')).toContain('<w:jc w:val="center"/>');
    expect(cell(BETYGSPOANG.replace(/[()]/g, '\\$&'))).toContain('<w:jc w:val="left"/>');
  });

  it('lists each table\'s footnotes with their numbers below it, numbered in the order they are referred to', () => {
    expect(doc.html).toContain('</table><p>1) Preliminärt</p><p><img');
    expect(doc.html).toContain('</table><p>2) Avser november 2022</p><p><img');
    expect(doc.html.indexOf('1) Preliminärt')).toBeLessThan(doc.html.indexOf('2) Avser november 2022'));
  });

  it('embeds a chart of each indicator as a PNG below its goal\'s table, with the values as alternative text', () => {
    const images = media(buffer);
    expect(images.size).toBe(3);
    for (const [name, png] of images) {
      expect(name).toMatch(/^word\/media\/.+\.png$/);
      expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
      expect({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) }).toEqual({ width: 1152, height: 576 });
    }
    expect(doc.part('[Content_Types].xml')).toContain('Extension="png"');
    const alts = [...doc.html.matchAll(/<img alt="([^"]*)"/g)].map((match) => match[1]);
    expect(alts).toHaveLength(3);
    expect(alts[0].startsWith(`Diagram över ${BETYGSPOANG} (poäng). Utfall 2018: 14,2`)).toBe(true);
    expect(alts[1]).toContain('2022: 41% (preliminärt)');
    expect(alts[2].startsWith(`Diagram över ${BISTAND}`)).toBe(true);
    // Shown 6 × 3 inches.
    expect(count(doc.documentXml, '<wp:extent cx="5486400" cy="2743200"/>')).toBe(3);
    const secondGoal = doc.html.indexOf('<h1>En bra kommun att växa upp i</h1>');
    const imagePositions = [...doc.html.matchAll(/<img /g)].map((match) => match.index ?? -1);
    expect(imagePositions.slice(0, 2).every((position) => position < secondGoal)).toBe(true);
    expect(imagePositions[2]).toBeGreaterThan(doc.html.lastIndexOf('</table>'));
  });

  it('is laid out on landscape pages, "Bilaga 1" at the top and the page number at the bottom of each', () => {
    expect(doc.documentXml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    expect(doc.part('word/header1.xml')).toContain('Bilaga 1');
    const footer = doc.part('word/footer1.xml') ?? '';
    expect(footer).toContain('PAGE');
    expect(footer).toContain('NUMPAGES');
    const layout = layoutDocument(buildGoalsOverviewDocument(goalsOverview()));
    expect(layout.stoppedAt).toBeUndefined();
    expect(layout.pages.every((page) => page.width > page.height)).toBe(true);
  });

  it('carries the title and the municipality as author', () => {
    const core = doc.part('docProps/core.xml') ?? '';
    expect(core).toContain(`<dc:title>${OVERVIEW_TITLE}</dc:title>`);
    expect(core).toContain('<dc:creator>Ludvika kommun</dc:creator>');
  });
});

describe('footnotes and charts of the overview', () => {
  const render = async (overrides: Partial<GoalsOverviewView>) => {
    const buffer = await renderGoalsOverview(goalsOverview(overrides));
    return { buffer, doc: await readDocx(buffer) };
  };

  it('gives a footnote one number however often it is referred to, and lists it under each table that refers to it', async () => {
    const scb = 'medborgarundersokning';
    const missing = (year: number) => actual(year, null, { footnotes: [scb] });
    const { doc } = await render({
      footnotes: [{ key: scb, text: 'Hämtas från SCB:s medborgarundersökning.' }],
      goals: [
        { title: 'Mål A', meaning: null, workingFor: [], indicators: [bistand({ actuals: [missing(2018), missing(2019), actual(2020, 10, { note: 'Avser oktober 2022' })] })] },
        { title: 'Mål B', meaning: null, workingFor: [], indicators: [betygspoang({ actuals: [missing(2018), actual(2022, 14, { note: 'Avser oktober 2022' })], footnotes: [scb] })] },
      ],
    });
    const [first, second] = tables(doc.html);
    expect(first.body[0].slice(1, 4)).toEqual(['– 1)', '– 1)', '10 2)']);
    expect(second.body[0][0]).toBe(`${BETYGSPOANG} 1)\nKälla: Kolada`);
    expect(second.body[0][1]).toBe('– 1)');
    expect(second.body[0][5]).toBe('14 2)');
    expect(doc.html).toContain('</table><p>1) Hämtas från SCB:s medborgarundersökning.</p><p>2) Avser oktober 2022</p><p><img');
    expect(count(doc.text, '1) Hämtas från SCB:s medborgarundersökning.')).toBe(2);
    expect(doc.html).not.toContain('<h2>Noter</h2>');
  });

  it('marks a preliminary value "Preliminärt" also when no footnote says so, and gives a value several numbers', async () => {
    const { doc } = await render({
      footnotes: [{ key: 'ny', text: 'Ny mätmetod från 2022.' }],
      goals: [{ title: 'Mål A', meaning: null, workingFor: [], indicators: [bistand({ actuals: [actual(2022, 397, { preliminary: true, note: 'Avser november 2022', footnotes: ['ny'] })] })] }],
    });
    expect(tables(doc.html)[0].body[0][5]).toBe('397 1) 2) 3)');
    expect(doc.text).toContain('1) Preliminärt\n\n2) Avser november 2022\n\n3) Ny mätmetod från 2022.');
  });

  it('prints the footnotes nothing refers to at the end, under "Noter"', async () => {
    const { doc } = await render({ footnotes: [{ key: 'preliminart', text: 'Preliminärt' }, { key: 'allmant', text: 'Målvärdena beslutades av fullmäktige 2020.' }] });
    expect(doc.html.endsWith('<h2>Noter</h2><p>Målvärdena beslutades av fullmäktige 2020.</p>')).toBe(true);
  });

  it('rejects a footnote that is not in the overview', async () => {
    await expect(render({ footnotes: [] })).rejects.toThrow(`Resultatmåttet "${FORSKOLLARARE}" hänvisar till fotnoten "preliminart", som inte finns`);
  });

  it('rejects a year given twice among the columns', async () => {
    await expect(render({ actualYears: [2021, 2021] })).rejects.toThrow(RangeError);
  });

  it('has no charts when none are asked for', async () => {
    const { buffer, doc } = await render({ includeCharts: false });
    expect(media(buffer).size).toBe(0);
    expect(doc.html).not.toContain('<img');
    expect(doc.html).toContain('</table><p>1) Preliminärt</p><h1>En bra kommun att växa upp i</h1>');
  });

  it('draws no chart of an indicator without any value, rather than a chart saying that data is missing', async () => {
    const { buffer } = await render({
      goals: [{ title: 'Mål A', meaning: null, workingFor: [], indicators: [bistand({ actuals: [actual(2021, null)], targets: [] }), forskollarare()] }],
    });
    expect(media(buffer).size).toBe(1);
  });

  it('has a header of one row when there are no year columns, and leaves out the table of a goal without indicators', async () => {
    const { doc } = await render({
      actualYears: [],
      targetYears: [],
      goals: [
        { title: 'Mål A', meaning: null, workingFor: [], indicators: [bistand()] },
        { title: 'Mål B', meaning: null, workingFor: ['Något'], indicators: [] },
      ],
    });
    expect(tables(doc.html)).toEqual([{ head: [['Resultatmått']], body: [[BISTAND]] }]);
    expect(doc.html).toContain('<h1>Mål B</h1><h2>Det här jobbar vi särskilt för</h2><ul><li>Något</li></ul>');
  });
});

describe('the plan "Social- och utbildningsförvaltningens plan för målaktiviteter 2023"', () => {
  let buffer: Buffer;
  let doc: ReadDocx;

  beforeAll(async () => {
    buffer = await renderActivityPlan(activityPlan());
    doc = await readDocx(buffer);
  });

  it('is a DOCX package that mammoth reads without complaint', () => {
    expect(buffer.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(doc.messages).toEqual([]);
  });

  it('opens with the municipality, the date, the title and the introduction, then the first group with its goal, what is worked for and the indicator', () => {
    expect(
      doc.html.startsWith(
        '<p><strong>LUDVIKA KOMMUN</strong></p><p>14 december 2022</p>' +
          `<h1>${PLAN_TITLE}</h1>` +
          '<p>Aktiviteterna ska bidra till att resultatmåtten förbättras och deras målvärden uppnås, så att verksamhetsmålen uppnås.</p>' +
          '<h2>1. Grundskoleelevernas kunskapsresultat ska förbättras</h2>' +
          '<p><strong>Mål:</strong> <em>En av landets bästa skolkommuner</em></p>' +
          '<p><strong>Vi jobbar för att:</strong> <em>Grundskoleelevernas kunskapsresultat ska förbättras</em></p>' +
          '<p><strong>Resultatmått:</strong> <em>Genomsnittligt meritvärde avgångselever åk 9 (max=340)</em></p><table>',
      ),
    ).toBe(true);
    expect(doc.html).toContain('</table><h2>4. Utbildningen i förskolan ska stärkas</h2><p><strong>Mål:</strong>');
  });

  it('has a table per group whose two header rows name the columns Nr · Förvaltning/bolag · Verksamhet · Aktivitet · Antal · Enhet · Övrigt/kommentar', () => {
    const all = tables(doc.html);
    expect(all).toHaveLength(2);
    for (const table of all) {
      expect(table.head).toEqual([
        ['Nr', 'Den som ska göra det', 'Det som ska göras', 'Övrigt/kommentar'],
        ['Förvaltning/bolag', 'Verksamhet', 'Aktivitet', 'Antal', 'Enhet'],
      ]);
    }
    expect(count(doc.documentXml, '<w:tblHeader/>')).toBe(4);
  });

  it('has a row per activity, with its number, and empty cells for what is not given', () => {
    const [first, second] = tables(doc.html);
    expect(first.body).toHaveLength(3);
    expect(second.body).toHaveLength(3);
    expect(first.body[0]).toEqual(['4', 'SOU', 'Grundskola', 'Lovskola årskurs 7-9 (höstlov, sportlov och påsklov).', '15', 'dagar', '3-5 dagar per lov. Ökad kostnad.']);
    expect(first.body[2]).toEqual(['6', 'SOU och KSF', 'Grundskola och HR', 'Ta fram en kompetensförsörjningsplan för grundskolan.', '1', 'plan', 'Samarbete med HR, samt verksamhetschefer skola.']);
    expect(second.body[2]).toEqual(['7', 'SOU', '', 'Informationsträffar om olika vägar in i lärar- och förskolläraryrket.', '2', 'träffar', '']);
  });

  it('keeps the rows whole and repeats the header rows on each page a long table runs over, on landscape pages', () => {
    const plan = activityPlan();
    const activities = Array.from({ length: 40 }, (_, index) => ({ ...plan.groups[0].activities[index % 3], number: index + 1 }));
    const layout = layoutDocument(buildActivityPlanDocument({ ...plan, groups: [{ ...plan.groups[0], activities }] }));
    expect(layout.stoppedAt).toBeUndefined();
    expect(layout.pages.length).toBeGreaterThan(1);
    expect(layout.pages.every((page) => page.width > page.height)).toBe(true);
    for (const page of layout.pages.slice(1)) {
      const table = page.body.find((block) => block.type === 'table');
      expect(table?.type === 'table' ? table.rows.slice(0, 2).map((row) => row.index) : null).toEqual([0, 1]);
    }
    expect(count(doc.documentXml, '<w:cantSplit/>')).toBe(2 * (2 + 3));
    expect(doc.part('word/header1.xml')).toContain('Bilaga 2');
  });

  it('says so when a group has no activities, instead of an empty table', async () => {
    const plan = activityPlan();
    const { html } = await readDocx(await renderActivityPlan({ ...plan, groups: [{ ...plan.groups[0], activities: [] }] }));
    expect(html).toContain('<em>Genomsnittligt meritvärde avgångselever åk 9 (max=340)</em></p><p><em>Inga aktiviteter.</em></p>');
    expect(html).not.toContain('<table>');
  });

  it('leaves out the lines of the group that are not given', async () => {
    const plan = activityPlan();
    const { html } = await readDocx(await renderActivityPlan({ ...plan, date: null, intro: [], groups: [{ ...plan.groups[1], goal: null, workingFor: null }] }));
    expect(html).toContain(`<h1>${PLAN_TITLE}</h1><h2>4. Utbildningen i förskolan ska stärkas</h2><p><strong>Resultatmått:</strong> <em>${FORSKOLLARARE}</em></p><table>`);
  });
});

describe('the summary "Koncernens samtliga målaktiviteter 2023"', () => {
  let buffer: Buffer;
  let doc: ReadDocx;

  beforeAll(async () => {
    buffer = await renderActivitySummary(activitySummary());
    doc = await readDocx(buffer);
  });

  it('is a DOCX package that mammoth reads without complaint, on portrait pages', () => {
    expect(buffer.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(doc.messages).toEqual([]);
    expect(doc.documentXml).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(layoutDocument(buildActivitySummaryDocument(activitySummary())).stoppedAt).toBeUndefined();
  });

  it('gives the title, the note, then each table under its heading', () => {
    expect(doc.html.startsWith(`<p><strong>LUDVIKA KOMMUN</strong></p><h1>${SUMMARY_TITLE}</h1><p>16 av 17 grupper har lämnat sina förslag</p><h2>Aktiviteter per arbetsgrupp</h2><table>`)).toBe(true);
    expect(doc.html).toContain('</table><h2>Aktiviteter per koncernenhet</h2><table>');
  });

  it('has its tables with a header row, a row each, and a last row "Sammanlagt" with the total', () => {
    const [groups, units] = tables(doc.html);
    expect(groups.head).toEqual([['Nr', 'Arbetsgrupp', 'Antal aktiviteter']]);
    expect(groups.body).toHaveLength(17 + 1);
    expect(groups.body[3]).toEqual(['4', 'Utbildningen i förskolan ska stärkas', '15']);
    expect(groups.body[17]).toEqual(['Sammanlagt', '120']);
    expect(units.head).toEqual([['Nr', 'Koncernenhet', 'Förkortning', 'Antal aktiviteter']]);
    expect(units.body).toHaveLength(11 + 1);
    expect(units.body[11]).toEqual(['Sammanlagt', '145']);
    expect(doc.html).toContain('<tr><td colspan="2"><p><strong>Sammanlagt</strong></p></td><td><p><strong>120</strong></p></td></tr></tbody>');
    expect(doc.html).toContain('<tr><td colspan="3"><p><strong>Sammanlagt</strong></p></td><td><p><strong>145</strong></p></td></tr></tbody>');
    expect(count(doc.documentXml, '<w:tblHeader/>')).toBe(2);
  });

  it('right-aligns the columns of numbers and their totals', () => {
    const table = tableXmlContaining(doc.documentXml, 'Arbetsgrupp');
    const cell = (text: string) => new RegExp(`<w:tc>(?:(?!</w:tc>).)*<w:t[^>]*>${text}</w:t>(?:(?!</w:tc>).)*</w:tc>`).exec(table)?.[0] ?? '';
    expect(cell('120')).toContain('<w:jc w:val="right"/>');
    expect(cell('Antal aktiviteter')).toContain('<w:jc w:val="right"/>');
    expect(cell('Arbetsgrupp')).toContain('<w:jc w:val="left"/>');
    expect(cell('Befolkningen ska växa')).toContain('<w:jc w:val="left"/>');
  });

  it('has no row "Sammanlagt" when a table has no total, and pads short rows', async () => {
    const view = activitySummary();
    const { html } = await readDocx(await renderActivitySummary({ ...view, note: null, tables: [{ ...view.tables[0], rows: [['1', 'Befolkningen ska växa']], total: null }] }));
    expect(tables(html)).toEqual([{ head: [['Nr', 'Arbetsgrupp', 'Antal aktiviteter']], body: [['1', 'Befolkningen ska växa', '']] }]);
    expect(html).not.toContain('Sammanlagt');
  });

  it('rejects a row with more cells than the table has columns', async () => {
    const view = activitySummary();
    await expect(renderActivitySummary({ ...view, tables: [{ ...view.tables[0], rows: [['1', 'a', '2', 'extra']] }] })).rejects.toThrow(RangeError);
  });
});

describe('the overview of a framework unlike Ludvika\'s', () => {
  const headings = { workingFor: 'Strategiska mål', indicators: 'Indikatorer och målvärden', indicatorColumn: 'Indikator' };
  const render = async (overrides: Partial<GoalsOverviewView>) => {
    const buffer = await renderGoalsOverview(goalsOverview({ headings, attachmentLabel: null, ...overrides }));
    return { buffer, doc: await readDocx(buffer) };
  };
  const goal = (indicators: GoalsOverviewView['goals'][number]['indicators']) => [{ title: 'Hållbar ekonomi', meaning: null, workingFor: ['Budget i balans'], indicators }];

  it('heads the goals one level down, the table and its first column with the framework\'s own level and tier names', async () => {
    const { doc } = await render({ goals: goal([bistand()]) });
    expect(doc.html).toContain('<h1>Hållbar ekonomi</h1><h2>Strategiska mål</h2><ul><li>Budget i balans</li></ul><h2>Indikatorer och målvärden</h2>');
    expect(tables(doc.html)[0].head[0][0]).toBe('Indikator');
    expect(doc.text).not.toContain('Resultatmått');
    expect(doc.text).not.toContain('Det här jobbar vi särskilt för');
  });

  it('draws an ordinal indicator with its states as the steps of the axis, labelled on it', async () => {
    const { buffer, doc } = await render({ goals: goal([genomforande()]) });
    expect(media(buffer).size).toBe(1);
    expect(doc.html).toContain(`alt="${indicatorChartDescription(genomforande())}"`);
    expect(indicatorChartDescription(genomforande())).toContain('Utfall 2021: Påbörjat, 2022: Delvis');
    expect(tables(doc.html)[0].body[0]).toEqual([GENOMFORANDE, '', '', '', 'Påbörjat', 'Delvis', '', '', 'Mer än delvis', '', 'bättre än Mer än delvis']);
  });

  it('lists a parent\'s sub-measures under it, named with their tier, and draws the parent as one chart of them', async () => {
    const { buffer, doc } = await render({ actualYears: [2020, 2021, 2022], targetYears: [2023], goals: goal([behorighet()]) });
    expect(tables(doc.html)[0].body.map((row) => row[0])).toEqual([BEHORIGHET, 'Delmått: Flickor', 'Delmått: Pojkar']);
    expect(tables(doc.html)[0].body[1]).toEqual(['Delmått: Flickor', '84%', '86%', '88%', '90%']);
    expect(media(buffer).size).toBe(1);
    expect(doc.html).toContain(`alt="Diagram över ${BEHORIGHET} (%), ett delmått per linje. Flickor (%). Utfall 2020: 84%`);
  });

  it('draws no chart where nothing can be drawn: a target not set yet and no values', async () => {
    const { buffer } = await render({ goals: goal([bistand({ actuals: [], targets: [target(2023, null, { display: 'ej fastställt' })] })]) });
    expect(media(buffer).size).toBe(0);
  });

  it('makes a target column as wide as its longest word, so that "implementerat" is not broken', async () => {
    const { doc } = await render({ goals: goal([bistand({ targets: [target(2023, null, { display: 'implementerat' })] }), genomforande()]) });
    const grid = [...tableXmlContaining(doc.documentXml, 'implementerat').matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((match) => Number(match[1]));
    const [, , , , , , , , target2023, target2024] = grid;
    // 9 pt Arial: "implementerat" (13 letters, three of them m) takes about 1,3 cm plus the cell's margins; the old columns were 1003.
    expect(target2023).toBeGreaterThanOrEqual(1700);
    expect(target2024).toBe(1003);
    expect(grid.reduce((sum, width) => sum + width, 0)).toBeLessThanOrEqual(16838 - 2 * 1418);
  });
});
