import { docxWithText, pdfWithText } from '../../../../test/support/files';
import { docxZipBomb, zipArchive, zipWithEntries } from '../../../../test/support/zip-archives';
import { assertArchiveWithinBounds } from './archive-bounds';
import { ARCHIVE_BOUNDS, ArchiveInflatesTooFarError, assertArchiveInflatesWithinBounds } from './archive-reading';

const MB = 1024 * 1024;

describe('assertArchiveWithinBounds', () => {
  let bomb: Buffer;

  beforeAll(async () => {
    bomb = await docxZipBomb(400 * MB);
  });

  it('refuses a 400 kB DOCX that unpacks to 400 MB, in Swedish and naming the field, without inflating it', async () => {
    expect(bomb.length).toBeLessThan(1 * MB);
    const heapBefore = process.memoryUsage().rss;
    await expect(assertArchiveWithinBounds(bomb)).rejects.toMatchObject({
      status: 413,
      code: 'FILE_ARCHIVE_TOO_LARGE',
      message: 'Filen packas upp till mer än 200 MB och kan inte tas emot',
      details: [{ field: 'file', messages: [expect.any(String)] }],
    });
    expect(process.memoryUsage().rss - heapBefore).toBeLessThan(50 * MB);
  });

  it('refuses an entry packed far harder than any document is, even when the total stays under the bound', async () => {
    const smallBomb = await docxZipBomb(20 * MB);
    await expect(assertArchiveWithinBounds(smallBomb)).rejects.toMatchObject({ status: 413, message: 'Filen är packad mer än 200 gånger och kan inte tas emot' });
  });

  it('refuses an archive of more entries than the bound', async () => {
    const many = await zipWithEntries(ARCHIVE_BOUNDS.maxEntries + 1);
    await expect(assertArchiveWithinBounds(many)).rejects.toMatchObject({ status: 413, message: expect.stringMatching(/^Filen innehåller fler än 10\s000 delar och kan inte tas emot$/) });
    await expect(assertArchiveWithinBounds(await zipWithEntries(100))).resolves.toBeUndefined();
  });

  it('refuses a zip whose directory cannot be read', async () => {
    const truncated = (await docxWithText('Brev', 'Hej')).subarray(0, 200);
    await expect(assertArchiveWithinBounds(truncated)).rejects.toMatchObject({ status: 400, code: 'FILE_ARCHIVE_UNREADABLE', details: [{ field: 'file' }] });
  });

  it('lets a normal DOCX, a spreadsheet-like part and files that are not archives through', async () => {
    await expect(assertArchiveWithinBounds(await docxWithText('Instruktion', 'Arbetsutskottet bereder ärenden åt nämnden.'))).resolves.toBeUndefined();
    const rows = Array.from({ length: 100_000 }, (_, row) => `<row r="${row + 1}"><c r="A${row + 1}" t="s"><v>${row % 97}</v></c><c r="B${row + 1}"><v>${(row * 7919) % 100_003}</v></c></row>`);
    const sheetLike = Buffer.from(`<sheetData>${rows.join('')}</sheetData>`);
    await expect(assertArchiveWithinBounds(await zipArchive([{ name: 'xl/worksheets/sheet1.xml', content: sheetLike }]))).resolves.toBeUndefined();
    await expect(assertArchiveWithinBounds(pdfWithText('Protokoll'))).resolves.toBeUndefined();
  });
});

describe('assertArchiveInflatesWithinBounds', () => {
  it('stops inflating an archive that declares less than it holds, before memory grows', async () => {
    const liar = await docxZipBomb(250 * MB, { declaredUncompressedBytes: 1000 });
    await expect(assertArchiveWithinBounds(liar)).resolves.toBeUndefined();
    const rssBefore = process.memoryUsage().rss;
    await expect(assertArchiveInflatesWithinBounds(liar)).rejects.toThrow();
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(100 * MB);
  });

  it('stops at the bound on bytes actually inflated, whatever the headers say', async () => {
    const honest = await docxZipBomb(3 * MB);
    await expect(assertArchiveInflatesWithinBounds(honest, 2 * MB)).rejects.toBeInstanceOf(ArchiveInflatesTooFarError);
    await expect(assertArchiveInflatesWithinBounds(honest, 4 * MB)).resolves.toBeUndefined();
  });
});
