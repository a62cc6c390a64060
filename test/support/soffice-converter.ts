import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { ConversionError, ConvertOptions, DocumentConverter, SourceDocument } from '@namndrum/documents';

const run = promisify(execFile);

/** LibreOffice's PDF export as PDF/A-2b: fonts embedded, XMP identification, no encryption. */
const ARCHIVAL_FILTER = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}';

/**
 * The DOCUMENT_CONVERTER of the tests until the PdfModule is wired in: the real `soffice`, started once
 * per conversion with a profile of its own (so it never meets another LibreOffice on the machine).
 */
export class SofficeConverter implements DocumentConverter {
  private profile: string | null = null;

  async toPdf(documents: SourceDocument[], options: ConvertOptions = {}): Promise<Buffer[]> {
    this.profile ??= await mkdtemp(join(tmpdir(), 'namndrum-soffice-profile-'));
    const pdfs: Buffer[] = [];
    for (const document of documents) {
      const directory = await mkdtemp(join(tmpdir(), 'namndrum-soffice-'));
      try {
        await writeFile(join(directory, 'document.docx'), document.content);
        await run(
          'soffice',
          [`-env:UserInstallation=${pathToFileURL(this.profile).href}`, '--headless', '--convert-to', options.archival ? ARCHIVAL_FILTER : 'pdf', '--outdir', directory, join(directory, 'document.docx')],
          { timeout: 120_000 },
        );
        pdfs.push(await readFile(join(directory, 'document.pdf')));
      } catch (error) {
        throw new ConversionError(document.fileName, (error as Error).message);
      } finally {
        await rm(directory, { recursive: true, force: true });
      }
    }
    return pdfs;
  }

  async close(): Promise<void> {
    if (this.profile) await rm(this.profile, { recursive: true, force: true });
    this.profile = null;
  }
}
