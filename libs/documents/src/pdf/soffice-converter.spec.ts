import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { conversionFailure, processesUsing } from '../testing/conversion-checks';
import { corruptDocxDocument, docxDocument, odtDocument, pngDocument, readPdf, xlsxDocument } from '../testing/office-documents';
import { PDF_MEDIA_TYPE, SourceDocument } from './document-converter';
import { listProcesses, officeProfile, ProcessEntry } from './office-processes';
import { SofficeConverter, unoconvCommand } from './soffice-converter';

jest.setTimeout(180_000);

describe('SofficeConverter', () => {
  const tempDir = mkdtempSync(join(tmpdir(), 'namndrum-soffice-spec-'));
  const converter = new SofficeConverter({ sofficePath: 'soffice', unoconvCommand: unoconvCommand('/usr/bin/unoconv'), poolSize: 1, timeoutMs: 120_000, tempDir });

  afterAll(async () => {
    await converter.close();
    rmSync(tempDir, { recursive: true, force: true });
  });

  it('converts a DOCX, an XLSX, an ODT and a PNG in one call, each to its own PDF in the order given', async () => {
    const documents = [
      await docxDocument('Tjänsteskrivelse.docx', 'Förslag till beslut om förskolans öppettider'),
      xlsxDocument('Budget 2027.xlsx', [['Verksamhet', 'Belopp'], ['Grundskola', 481516]]),
      odtDocument('Yttrande.odt', 'Yttrande från Kultur- och fritidsnämnden'),
      pngDocument('Karta.png'),
    ];

    const pdfs = await converter.toPdf(documents);

    expect(pdfs).toHaveLength(4);
    const [docx, xlsx, odt, png] = pdfs.map(readPdf);
    expect(docx.text).toContain('Förslag till beslut om förskolans öppettider');
    expect(xlsx.text).toMatch(/Grundskola\s+481516/);
    expect(odt.text).toContain('Yttrande från Kultur- och fritidsnämnden');
    expect(png.info.Pages).toBe('1');
    expect(png.text.trim()).toBe('');
    pdfs.forEach((pdf) => expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-'));
  });

  it('returns an uploaded PDF byte for byte, in its place among converted documents', async () => {
    const [uploaded] = await converter.toPdf([await docxDocument('Protokollsutdrag.docx', 'Utdrag ur protokollet')]);
    const documents: SourceDocument[] = [
      await docxDocument('Före.docx', 'Handlingen före'),
      { fileName: 'Inskannad skrivelse.pdf', mediaType: PDF_MEDIA_TYPE, content: uploaded },
      await docxDocument('Efter.docx', 'Handlingen efter'),
    ];

    const pdfs = await converter.toPdf(documents);

    expect(pdfs[1].equals(uploaded)).toBe(true);
    expect(readPdf(pdfs[0]).text).toContain('Handlingen före');
    expect(readPdf(pdfs[2]).text).toContain('Handlingen efter');
  });

  it('queues calls that come while its one instance is busy, and answers each with its own documents', async () => {
    const [first, second] = await Promise.all([
      converter.toPdf([await docxDocument('Kallelse KS.docx', 'Kallelse till kommunstyrelsen')]),
      converter.toPdf([await docxDocument('Kallelse BUN.docx', 'Kallelse till barn- och utbildningsnämnden')]),
    ]);

    expect(readPdf(first[0]).text).toContain('Kallelse till kommunstyrelsen');
    expect(readPdf(second[0]).text).toContain('Kallelse till barn- och utbildningsnämnden');
  });

  it('names exactly the corrupt document among good ones', async () => {
    const documents = [await docxDocument('Bilaga 1.docx', 'Första bilagan'), await corruptDocxDocument('Bilaga 2.docx'), await docxDocument('Bilaga 3.docx', 'Tredje bilagan')];

    const error = await conversionFailure(converter.toPdf(documents));

    expect(error.fileName).toBe('Bilaga 2.docx');
    expect(error.message).toMatch(/^Bilaga 2\.docx: /);
  });

  it('renders PDF/A-2b for the archive: identified in XMP, every font embedded, not encrypted', async () => {
    const [pdf] = await converter.toPdf([await docxDocument('Protokoll.docx', 'Protokoll fört vid sammanträde med kommunstyrelsen')], { archival: true });

    const reading = readPdf(pdf);
    expect(reading.text).toContain('Protokoll fört vid sammanträde med kommunstyrelsen');
    expect(reading.xmp).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);
    expect(reading.xmp).toMatch(/<pdfaid:conformance>B<\/pdfaid:conformance>/);
    expect(reading.fonts.length).toBeGreaterThan(0);
    expect(reading.fonts.filter((font) => !font.embedded)).toEqual([]);
    expect(reading.info.Encrypted).toBe('no');
  });

  it('does not pass an uploaded PDF off as PDF/A, and refuses a kind of document it cannot read', async () => {
    const pdf: SourceDocument = { fileName: 'Uppladdad.pdf', mediaType: PDF_MEDIA_TYPE, content: Buffer.from('%PDF-1.7\n') };
    expect((await conversionFailure(converter.toPdf([pdf], { archival: true }))).fileName).toBe('Uppladdad.pdf');

    const program: SourceDocument = { fileName: 'setup.exe', mediaType: 'application/x-msdownload', content: Buffer.from('MZ') };
    const error = await conversionFailure(converter.toPdf([await docxDocument('Bra.docx', 'Bra'), program]));
    expect(error.fileName).toBe('setup.exe');
  });

  it('starts LibreOffice again when its process has died', async () => {
    await converter.toPdf([await docxDocument('Före.docx', 'Före kraschen')]);
    const running = processesUsing(tempDir);
    expect(running.length).toBeGreaterThan(0);
    running.forEach((pid) => process.kill(pid, 'SIGKILL'));

    const [pdf] = await converter.toPdf([await docxDocument('Efter.docx', 'Efter omstarten')]);

    expect(readPdf(pdf).text).toContain('Efter omstarten');
    expect(processesUsing(tempDir).some((pid) => !running.includes(pid))).toBe(true);
  });

  it('names the documents it could not convert when LibreOffice cannot be started', async () => {
    const missing = new SofficeConverter({ sofficePath: join(tempDir, 'no-such-soffice'), unoconvCommand: unoconvCommand('/usr/bin/unoconv'), poolSize: 1, timeoutMs: 120_000, tempDir });
    try {
      const error = await conversionFailure(missing.toPdf([await docxDocument('Kallelse.docx', 'Kallelse'), await docxDocument('Bilaga.docx', 'Bilaga')]));

      expect(error.fileName).toBe('Kallelse.docx, Bilaga.docx');
      expect(error.message).toMatch(/LibreOffice did not start: .*ENOENT/);
    } finally {
      await missing.close();
    }
  });

  it('fails a batch that outlasts the timeout, stops its LibreOffice and removes its profile', async () => {
    const hangingDir = mkdtempSync(join(tmpdir(), 'namndrum-soffice-hang-'));
    // A client that never answers, standing in for a conversion that hangs.
    const hanging = new SofficeConverter({ sofficePath: 'soffice', unoconvCommand: ['/bin/sh', '-c', 'exec sleep 600', 'unoconv'], poolSize: 1, timeoutMs: 2_000, tempDir: hangingDir });
    try {
      const error = await conversionFailure(hanging.toPdf([await docxDocument('Långsam.docx', 'Hänger')]));

      expect(error.fileName).toBe('Långsam.docx');
      expect(error.message).toMatch(/no PDF within 2000 ms/);
      expect(processesUsing(hangingDir)).toEqual([]);
      expect(readdirSync(hangingDir)).toEqual([]);
    } finally {
      await hanging.close();
      rmSync(hangingDir, { recursive: true, force: true });
    }
  });

  const officeArguments = (profile: string) => `--headless --invisible --nologo --norestore --nodefault -env:UserInstallation=file://${profile}`;

  const profileProcesses = (profile: string) => listProcesses().filter((entry) => officeProfile(entry) === profile);
  const soffice = (entries: ProcessEntry[]) => entries.some((entry) => entry.commandLine[0].endsWith('soffice.bin'));

  it.each([
    ['running', (profile: string) => `setsid soffice ${officeArguments(profile)}`, soffice],
    // Debian's soffice is a shell script that execs oosplash: an orphan caught before then runs as /bin/sh.
    ['still in its start script', (profile: string) => `setsid /bin/sh -c 'sleep 3; exec soffice "$@"' soffice ${officeArguments(profile)}`, (entries: ProcessEntry[]) => entries.some((entry) => entry.parent === 1)],
    // A process of the instance that left its group (as CI saw: two of an orphan's processes outlived the group's kill).
    [
      'with a process outside its group',
      (profile: string) => `setsid /bin/sh -c 'setsid /bin/sh -c "sleep 600; :" soffice "$@" & exec soffice "$@"' soffice ${officeArguments(profile)}`,
      (entries: ProcessEntry[]) => soffice(entries) && new Set(entries.map((entry) => entry.group)).size > 1,
    ],
  ])('stops a LibreOffice left behind by a worker that was killed (%s), and removes its profile, before it starts its own', async (_phase, orphanCommand, orphanReady) => {
    const orphanDir = mkdtempSync(join(tmpdir(), 'namndrum-soffice-orphan-'));
    const profile = join(orphanDir, 'namndrum-soffice-left');
    // Started by a shell that exits at once: its LibreOffice lives on under init, as after a killed worker.
    execFileSync('/bin/sh', ['-c', `${orphanCommand(profile)} >/dev/null 2>&1 &`]);
    const deadline = Date.now() + 60_000;
    while (!orphanReady(profileProcesses(profile)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(orphanReady(profileProcesses(profile))).toBe(true);
    const fresh = new SofficeConverter({ sofficePath: 'soffice', unoconvCommand: unoconvCommand('/usr/bin/unoconv'), poolSize: 1, timeoutMs: 120_000, tempDir: orphanDir });
    try {
      const [pdf] = await fresh.toPdf([await docxDocument('Ny.docx', 'Efter städningen')]);

      expect(readPdf(pdf).text).toContain('Efter städningen');
      expect(processesUsing(profile)).toEqual([]);
      expect(readdirSync(orphanDir)).not.toContain('namndrum-soffice-left');
    } finally {
      await fresh.close();
      rmSync(orphanDir, { recursive: true, force: true });
    }
  });
});
