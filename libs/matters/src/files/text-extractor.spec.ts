import { Logger } from '@nestjs/common';
import { docxWithText, pdfWithText, PNG_1X1 } from '../../../../test/support/files';
import { docxZipBomb, zipArchive } from '../../../../test/support/zip-archives';
import { TEXT_EXTRACTION_LIMITS, TextExtractor } from './text-extractor';

const MB = 1024 * 1024;
/** A new thread compiles the extraction sources with SWC before it reads: seconds on a busy machine. */
const THREAD_START_MS = 60_000;

/** A DOCX whose body is so many paragraphs that reading it takes hundreds of megabytes of heap. */
async function docxOfManyParagraphs(paragraphs: number): Promise<Buffer> {
  const body = Array.from({ length: paragraphs }, (_, index) => `<w:p><w:r><w:t>Stycke ${index}</w:t></w:r></w:p>`).join('');
  const documentXml = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
  return zipArchive([
    { name: '[Content_Types].xml', content: Buffer.from('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>') },
    { name: '_rels/.rels', content: Buffer.from('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>') },
    { name: 'word/document.xml', content: Buffer.from(documentXml) },
  ]);
}

describe('TextExtractor', () => {
  let warnings: jest.SpyInstance;
  const extractors: TextExtractor[] = [];
  const extractor = (limits = TEXT_EXTRACTION_LIMITS) => {
    const created = new TextExtractor(limits);
    extractors.push(created);
    return created;
  };

  beforeEach(() => {
    warnings = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => warnings.mockRestore());
  afterAll(() => Promise.all(extractors.map((created) => created.onModuleDestroy())));

  it('reads the text of a DOCX and a PDF in its thread', async () => {
    const reader = extractor();
    const [docx, pdf] = await Promise.all([
      reader.extract(await docxWithText('Instruktion', 'Arbetsutskottet bereder ärenden åt nämnden.'), 'docx'),
      reader.extract(pdfWithText('Protokoll från arbetsutskottet (SUN)'), 'pdf'),
    ]);
    expect(docx).toContain('Arbetsutskottet bereder ärenden åt nämnden.');
    expect(pdf).toBe('Protokoll från arbetsutskottet (SUN)');
  }, THREAD_START_MS);

  it('gives null for types without text, and logs a file it cannot read', async () => {
    const reader = extractor();
    expect(await reader.extract(PNG_1X1, 'png')).toBeNull();
    expect(await reader.extract(Buffer.from('not a pdf'), 'pdf')).toBeNull();
    expect(warnings).toHaveBeenCalledWith(expect.objectContaining({ extension: 'pdf' }), expect.stringContaining('stored without searchable text'));
  }, THREAD_START_MS);

  it('gives null for a DOCX that unpacks to far more than it declares, and the API process does not grow', async () => {
    const liar = await docxZipBomb(400 * MB, { declaredUncompressedBytes: 1000 });
    const reader = extractor();
    const rssBefore = process.memoryUsage().rss;
    expect(await reader.extract(liar, 'docx')).toBeNull();
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(150 * MB);
    expect(warnings).toHaveBeenCalledWith(expect.objectContaining({ extension: 'docx' }), expect.any(String));
  }, THREAD_START_MS);

  it('gives null when reading needs more memory than the cap, and reads the next file in a new thread', async () => {
    const reader = extractor({ threads: 1, maxHeapMb: 64, timeoutMs: 60_000 });
    expect(await reader.extract(await docxOfManyParagraphs(500_000), 'docx')).toBeNull();
    expect(warnings).toHaveBeenCalledWith(expect.objectContaining({ reason: expect.stringContaining('thread') }), expect.any(String));
    expect(await reader.extract(await docxWithText('Brev', 'Efter minnesbristen'), 'docx')).toContain('Efter minnesbristen');
  }, 90_000);

  it('gives null when the text is not read within the time limit', async () => {
    const reader = extractor({ threads: 1, maxHeapMb: 256, timeoutMs: 1 });
    expect(await reader.extract(await docxWithText('Brev', 'Hej'), 'docx')).toBeNull();
    expect(warnings).toHaveBeenCalledWith(expect.objectContaining({ reason: 'no text within 1 ms' }), expect.any(String));
  });
});
