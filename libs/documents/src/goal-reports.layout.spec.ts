import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderGoalsOverview } from './goal-reports.renderer';
import { DOCX_MEDIA_TYPE } from './media-types';
import { SofficeConverter, unoconvCommand } from './pdf/soffice-converter';
import { bistand, genomforande, goalsOverview, target } from './testing/goal-report.factory';
import { readPdf } from './testing/office-documents';

jest.setTimeout(180_000);

/** The overview as LibreOffice lays it out: whether a word of a table cell is broken over two lines shows in the PDF's text. */
describe('the overview\'s tables as printed', () => {
  const tempDir = mkdtempSync(join(tmpdir(), 'namndrum-goal-layout-spec-'));
  const converter = new SofficeConverter({ sofficePath: 'soffice', unoconvCommand: unoconvCommand('/usr/bin/unoconv'), poolSize: 1, timeoutMs: 120_000, tempDir });

  afterAll(async () => {
    await converter.close();
    rmSync(tempDir, { recursive: true, force: true });
  });

  it('breaks no word of the target columns over two lines, in ten year columns on a landscape page', async () => {
    const view = goalsOverview({
      includeCharts: false,
      goals: [{ title: 'Hållbar ekonomi', meaning: null, workingFor: [], indicators: [bistand({ targets: [target(2023, null, { display: 'implementerat' })] }), genomforande({ targets: [{ year: 2023, value: 4, display: 'Sammanställt', footnotes: [] }] })] }],
    });
    const content = await renderGoalsOverview(view);
    const [pdf] = await converter.toPdf([{ fileName: 'Översikt.docx', mediaType: DOCX_MEDIA_TYPE, content }]);
    const { text } = readPdf(pdf);
    for (const word of ['implementerat', 'Påbörjat', 'Sammanställt']) expect(text).toContain(word);
  });
});
