import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { conversionFailure } from '../testing/conversion-checks';
import { corruptDocxDocument, docxDocument, pngDocument, readPdf, xlsxDocument } from '../testing/office-documents';
import { PDF_MEDIA_TYPE, SourceDocument } from './document-converter';
import { GotenbergConverter } from './gotenberg-converter';
import { SofficeConverter, unoconvCommand } from './soffice-converter';
import { CONVERTIBLE_EXTENSIONS } from './source-formats';

jest.setTimeout(180_000);

// multer's multipart parser; it ships without types, and the little used here needs none.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const busboy = require('busboy') as (config: { headers: IncomingMessage['headers'] }) => Writable;

interface ReceivedRequest {
  path: string;
  fileNames: string[];
  fields: Record<string, string>;
}

/**
 * Gotenberg's LibreOffice route as far as the converter uses it: the files of the "files" field,
 * PDF/A when the "pdfa" field asks for it, converted by the machine's LibreOffice. A document
 * LibreOffice cannot read is answered with a 500, as Gotenberg answers an engine's failure.
 */
function gotenbergStandIn(engine: SofficeConverter, received: ReceivedRequest[]): Server {
  const mediaTypes = Object.fromEntries(Object.entries(CONVERTIBLE_EXTENSIONS).map(([mediaType, extension]) => [extension, mediaType]));
  return createServer((request: IncomingMessage, response: ServerResponse) => {
    const files: SourceDocument[] = [];
    const seen: ReceivedRequest = { path: request.url ?? '', fileNames: [], fields: {} };
    received.push(seen);
    if (request.method !== 'POST' || request.url !== '/forms/libreoffice/convert') {
      response.writeHead(404).end('Not Found');
      return;
    }
    const parser = busboy({ headers: request.headers });
    parser.on('field', (name: string, value: string) => (seen.fields[name] = value));
    parser.on('file', (name: string, stream: Readable, info: { filename: string }) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (name !== 'files') return;
        seen.fileNames.push(info.filename);
        const extension = info.filename.split('.').pop() ?? '';
        files.push({ fileName: info.filename, mediaType: mediaTypes[extension] ?? 'application/octet-stream', content: Buffer.concat(chunks) });
      });
    });
    parser.on('close', () => {
      engine.toPdf(files, { archival: seen.fields.pdfa === 'PDF/A-2b' }).then(
        ([pdf]) => response.writeHead(200, { 'content-type': PDF_MEDIA_TYPE }).end(pdf),
        (error: Error) => response.writeHead(500, { 'content-type': 'text/plain' }).end(`LibreOffice failed: ${error.message}`),
      );
    });
    request.pipe(parser);
  });
}


describe('GotenbergConverter', () => {
  const tempDir = mkdtempSync(join(tmpdir(), 'namndrum-gotenberg-spec-'));
  const engine = new SofficeConverter({ sofficePath: 'soffice', unoconvCommand: unoconvCommand('/usr/bin/unoconv'), poolSize: 1, timeoutMs: 120_000, tempDir });
  const received: ReceivedRequest[] = [];
  const server = gotenbergStandIn(engine, received);
  let converter: GotenbergConverter;

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    converter = new GotenbergConverter({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, timeoutMs: 120_000 });
  });

  beforeEach(() => received.splice(0));

  afterAll(async () => {
    await converter.close();
    await new Promise((resolve) => server.close(resolve));
    await engine.close();
    rmSync(tempDir, { recursive: true, force: true });
  });

  it('posts each document to the LibreOffice route under a name with its extension and returns the PDFs in order, uploaded PDFs untouched', async () => {
    const uploaded = Buffer.from('%PDF-1.7\n% inskannad skrivelse\n');
    const documents: SourceDocument[] = [
      await docxDocument('Tjänsteskrivelse.docx', 'Förslag till beslut om bygglovstaxa'),
      { fileName: 'Skrivelse.pdf', mediaType: PDF_MEDIA_TYPE, content: uploaded },
      xlsxDocument('Taxa.xlsx', [['Åtgärd', 'Avgift'], ['Nybyggnad', 24300]]),
      pngDocument('Situationsplan.png'),
    ];

    const pdfs = await converter.toPdf(documents);

    expect(received.map((request) => request.path)).toEqual(['/forms/libreoffice/convert', '/forms/libreoffice/convert', '/forms/libreoffice/convert']);
    expect(received.map((request) => request.fileNames)).toEqual([['document-1.docx'], ['document-3.xlsx'], ['document-4.png']]);
    expect(received.every((request) => request.fields.pdfa === undefined)).toBe(true);
    expect(readPdf(pdfs[0]).text).toContain('Förslag till beslut om bygglovstaxa');
    expect(pdfs[1].equals(uploaded)).toBe(true);
    expect(readPdf(pdfs[2]).text).toMatch(/Nybyggnad\s+24300/);
    expect(readPdf(pdfs[3]).info.Pages).toBe('1');
  });

  it('asks for PDF/A-2b when archival and returns what Gotenberg made of it', async () => {
    const [pdf] = await converter.toPdf([await docxDocument('Protokoll.docx', 'Protokoll för arkivet')], { archival: true });

    expect(received.map((request) => request.fields.pdfa)).toEqual(['PDF/A-2b']);
    const reading = readPdf(pdf);
    expect(reading.xmp).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);
    expect(reading.xmp).toMatch(/<pdfaid:conformance>B<\/pdfaid:conformance>/);
  });

  it('names the document Gotenberg failed on, with its status and answer', async () => {
    const documents = [await docxDocument('Bilaga 1.docx', 'Första bilagan'), await corruptDocxDocument('Bilaga 2.docx'), await docxDocument('Bilaga 3.docx', 'Tredje bilagan')];

    const error = await conversionFailure(converter.toPdf(documents));

    expect(error.fileName).toBe('Bilaga 2.docx');
    expect(error.message).toMatch(/^Bilaga 2\.docx: Gotenberg answered 500: LibreOffice failed/);
    expect(received).toHaveLength(2);
  });

  it('names the document when Gotenberg cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const unreachable = new GotenbergConverter({ url: `http://127.0.0.1:${port}`, timeoutMs: 10_000 });

    const error = await conversionFailure(unreachable.toPdf([await docxDocument('Kallelse.docx', 'Kallelse')]));

    expect(error.fileName).toBe('Kallelse.docx');
    expect(error.message).toMatch(/Gotenberg could not be reached: .*ECONNREFUSED/);
  });

  it('refuses an uploaded PDF as PDF/A and a kind of document LibreOffice cannot read, without asking Gotenberg', async () => {
    const pdf: SourceDocument = { fileName: 'Uppladdad.pdf', mediaType: PDF_MEDIA_TYPE, content: Buffer.from('%PDF-1.7\n') };
    expect((await conversionFailure(converter.toPdf([pdf], { archival: true }))).fileName).toBe('Uppladdad.pdf');
    const program: SourceDocument = { fileName: 'setup.exe', mediaType: 'application/x-msdownload', content: Buffer.from('MZ') };
    expect((await conversionFailure(converter.toPdf([program]))).fileName).toBe('setup.exe');
    expect(received).toEqual([]);
  });
});
