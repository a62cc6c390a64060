import { renderTextDocument } from './text-document.renderer';
import { readDocx, ReadDocx } from './testing/read-docx';
import { TextDocumentView } from './view-models';

/** An instruktion as registered text, shaped like the seed's documents without a layout of their own. */
function instruction(blocks: TextDocumentView['blocks']): TextDocumentView {
  return { municipalityName: 'Ludvika kommun', title: 'Instruktion för nämndsekreterare', blocks };
}

const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

describe('a registered text document', () => {
  let buffer: Buffer;
  let doc: ReadDocx;

  beforeAll(async () => {
    buffer = await renderTextDocument(
      instruction([
        { kind: 'heading', level: 1, text: 'Inledning' },
        { kind: 'paragraph', text: 'Instruktionen gäller från 1 januari 2023.\nDen ersätter tidigare instruktion.' },
        { kind: 'heading', level: 2, text: 'Uppgifter' },
        { kind: 'bullet', text: 'Skicka kallelse' },
        { kind: 'bullet', text: 'Föra protokoll' },
        { kind: 'heading', level: 3, text: 'Närvarorätt' },
        {
          kind: 'table',
          rows: [
            ['Roll', 'Namn', 'Telefon'],
            ['Nämndsekreterare', 'Rita Österholm', '0240-861 74'],
            ['Förvaltningschef', 'Jonas Fors'],
          ],
        },
        { kind: 'paragraph', text: 'Slut.' },
      ]),
    );
    doc = await readDocx(buffer);
  });

  it('is a DOCX package', () => {
    expect(buffer.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('has the municipality as letterhead and the title as Heading 1', () => {
    expect(doc.html.startsWith('<p><strong>LUDVIKA KOMMUN</strong></p><h1>Instruktion för nämndsekreterare</h1>')).toBe(true);
  });

  it('maps heading levels 1–3 to Heading 1–3', () => {
    expect(doc.html).toContain('<h1>Inledning</h1>');
    expect(doc.html).toContain('<h2>Uppgifter</h2>');
    expect(doc.html).toContain('<h3>Närvarorätt</h3>');
  });

  it('keeps line breaks inside a paragraph', () => {
    expect(doc.html).toContain('<p>Instruktionen gäller från 1 januari 2023.<br />Den ersätter tidigare instruktion.</p>');
  });

  it('makes consecutive bullets one real bullet list', () => {
    expect(doc.html).toContain('<h2>Uppgifter</h2><ul><li>Skicka kallelse</li><li>Föra protokoll</li></ul><h3>');
    expect(count(doc.documentXml, '<w:numPr>')).toBe(2);
    expect(doc.part('word/numbering.xml')).toMatch(/<w:numFmt w:val="bullet"\/><w:lvlText w:val="\u2022"\/>/);
  });

  it('writes a table whose first row is a bold header row, padding short rows', () => {
    expect(doc.html).toContain(
      '<h3>Närvarorätt</h3><table>' +
        '<thead><tr><th><p><strong>Roll</strong></p></th><th><p><strong>Namn</strong></p></th><th><p><strong>Telefon</strong></p></th></tr></thead>' +
        '<tbody><tr><td><p>Nämndsekreterare</p></td><td><p>Rita Österholm</p></td><td><p>0240-861 74</p></td></tr>' +
        '<tr><td><p>Förvaltningschef</p></td><td><p>Jonas Fors</p></td><td></td></tr></tbody></table>',
    );
    expect(count(doc.documentXml, '<w:tblHeader/>')).toBe(1);
  });

  it('carries the title and the municipality as author', () => {
    const core = doc.part('docProps/core.xml') ?? '';
    expect(core).toContain('<dc:title>Instruktion för nämndsekreterare</dc:title>');
    expect(core).toContain('<dc:creator>Ludvika kommun</dc:creator>');
  });
});

describe('tables in a text document', () => {
  it('keeps two tables in a row apart', async () => {
    const { html, documentXml } = await readDocx(
      await renderTextDocument(
        instruction([
          { kind: 'table', rows: [['Mål'], ['En hållbar kommun']] },
          { kind: 'table', rows: [['Resultatmått'], ['Energianvändning']] },
        ]),
      ),
    );
    // Word joins tables that touch into one; a paragraph between keeps them apart.
    expect(documentXml).not.toContain('</w:tbl><w:tbl>');
    expect(count(html, '<table>')).toBe(2);
    expect(count(html, '<th>')).toBe(2);
  });

  it('leaves out a table without rows', async () => {
    const { html, documentXml } = await readDocx(await renderTextDocument(instruction([{ kind: 'table', rows: [] }, { kind: 'paragraph', text: 'Text.' }])));
    expect(html).not.toContain('<table>');
    expect(documentXml).not.toContain('<w:tbl>');
    expect(html).toContain('<p>Text.</p>');
  });
});
