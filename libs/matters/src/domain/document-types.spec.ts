import { ACCEPTED_FILE_TYPES, cleanFileName, counterpartyRequired, DOCUMENT_DIRECTION_LABELS, DOCUMENT_DIRECTIONS, DocumentDirection } from './document-types';

describe('counterpartyRequired', () => {
  it.each<[DocumentDirection, boolean]>([
    ['incoming', true],
    ['outgoing', true],
    ['drawn_up', false],
  ])('for %s documents is %s', (direction, required) => {
    expect(counterpartyRequired(direction)).toBe(required);
  });

  it('has a Swedish label for every direction', () => {
    expect(DOCUMENT_DIRECTIONS.map((direction) => DOCUMENT_DIRECTION_LABELS[direction])).toEqual(['Inkommande', 'Utgående', 'Upprättad']);
  });
});

describe('ACCEPTED_FILE_TYPES', () => {
  it('accepts exactly the documented types', () => {
    expect(Object.keys(ACCEPTED_FILE_TYPES).sort()).toEqual(['docx', 'jpg', 'odg', 'odp', 'ods', 'odt', 'pdf', 'png', 'xlsx']);
  });

  it('maps each type to its media type', () => {
    expect(ACCEPTED_FILE_TYPES.pdf.mediaType).toBe('application/pdf');
    expect(ACCEPTED_FILE_TYPES.jpg.mediaType).toBe('image/jpeg');
    expect(ACCEPTED_FILE_TYPES.docx.mediaType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  });
});

describe('cleanFileName', () => {
  it('keeps an ordinary name with the right extension', () => {
    expect(cleanFileName('Protokoll BUN 2023-05-12.pdf', 'pdf')).toBe('Protokoll BUN 2023-05-12.pdf');
  });

  it('keeps Swedish letters and spaces', () => {
    expect(cleanFileName('Yttrande över förslag.docx', 'docx')).toBe('Yttrande över förslag.docx');
  });

  it('forces the sniffed extension over the given one', () => {
    expect(cleanFileName('faktura.exe', 'pdf')).toBe('faktura.pdf');
    expect(cleanFileName('bild.PNG', 'png')).toBe('bild.png');
  });

  it('replaces only the last extension', () => {
    expect(cleanFileName('arkiv.tar.gz', 'pdf')).toBe('arkiv.tar.pdf');
  });

  it('adds the extension to a name without one', () => {
    expect(cleanFileName('faktura', 'pdf')).toBe('faktura.pdf');
  });

  it('strips a Unix path', () => {
    expect(cleanFileName('/home/anna/../../etc/faktura.pdf', 'pdf')).toBe('faktura.pdf');
  });

  it('strips a Windows path', () => {
    expect(cleanFileName('C:\\Users\\anna\\Dokument\\faktura.pdf', 'pdf')).toBe('faktura.pdf');
  });

  it('strips a path mixing both separators', () => {
    expect(cleanFileName('..\\../mapp/sub\\faktura.pdf', 'pdf')).toBe('faktura.pdf');
  });

  it('removes control characters', () => {
    expect(cleanFileName('fak\u0000tu\tra\r\n\u001f\u007f.pdf', 'pdf')).toBe('faktura.pdf');
  });

  it('removes double quotes so the name cannot break a header', () => {
    expect(cleanFileName('"faktura".pdf', 'pdf')).toBe('faktura.pdf');
    expect(cleanFileName('a"; filename="evil.exe', 'pdf')).toBe('a; filename=evil.pdf');
  });

  it('trims surrounding spaces', () => {
    expect(cleanFileName('   faktura.pdf   ', 'pdf')).toBe('faktura.pdf');
  });

  it.each([
    ['an empty name', ''],
    ['only spaces', '   '],
    ['only an extension', '.pdf'],
    ['only control characters and quotes', '\u0001"\u0002'],
    ['a path ending in a separator', 'mapp/'],
    ['a Windows path ending in a separator', 'C:\\mapp\\'],
  ])('falls back to "dokument" for %s', (_description, name) => {
    expect(cleanFileName(name, 'pdf')).toBe('dokument.pdf');
  });

  it('uses the given extension in the fallback', () => {
    expect(cleanFileName('', 'xlsx')).toBe('dokument.xlsx');
  });

  it('limits the name to 200 characters before the extension', () => {
    const cleaned = cleanFileName(`${'a'.repeat(300)}.pdf`, 'pdf');
    expect(cleaned).toBe(`${'a'.repeat(200)}.pdf`);
  });

  it('counts the limit after removing the path and control characters', () => {
    const cleaned = cleanFileName(`${'x/'.repeat(100)}${'\u0001'.repeat(50)}${'b'.repeat(199)}.pdf`, 'pdf');
    expect(cleaned).toBe(`${'b'.repeat(199)}.pdf`);
  });

  it('keeps words after a dot that is not an extension', () => {
    expect(cleanFileName('Beslut enl. KS', 'pdf')).toBe('Beslut enl. KS.pdf');
    expect(cleanFileName('Protokoll 2023.05.12', 'pdf')).toBe('Protokoll 2023.05.12.pdf');
  });

  it('removes C1 controls and direction overrides that could fake an extension', () => {
    expect(cleanFileName('faktura\u202Efdp.exe', 'pdf')).toBe('fakturafdp.pdf');
    expect(cleanFileName('rap\u0085port\u2066.pdf', 'pdf')).toBe('rapport.pdf');
  });

  it('never cuts through a character outside the basic plane', () => {
    const cleaned = cleanFileName(`${'a'.repeat(199)}📄📄.pdf`, 'pdf');
    expect(cleaned).toBe(`${'a'.repeat(199)}📄.pdf`);
    expect(() => encodeURIComponent(cleaned)).not.toThrow();
  });

  it('keeps a name of exactly the limit with its extension replaced', () => {
    const name = `${'c'.repeat(196)}.exe`;
    expect(cleanFileName(name, 'pdf')).toBe(`${'c'.repeat(196)}.pdf`);
  });
});
