import { AppConfig, loadConfig } from '@namndrum/core';
import { DynamicModule, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { existsSync } from 'node:fs';
import { officeProcessesStartedHere } from './office-processes';
import { docxDocument, readPdf } from '../testing/office-documents';
import { DOCUMENT_CONVERTER, DocumentConverter } from './document-converter';
import { GotenbergConverter } from './gotenberg-converter';
import { PdfModule, pdfEngine } from './pdf.module';
import { SofficeConverter } from './soffice-converter';

jest.setTimeout(120_000);

@Module({})
class GivenConfigModule {
  static with(config: AppConfig): DynamicModule {
    return { module: GivenConfigModule, global: true, providers: [{ provide: AppConfig, useValue: config }], exports: [AppConfig] };
  }
}

async function startPdfModule(config: AppConfig) {
  const moduleRef = await Test.createTestingModule({ imports: [GivenConfigModule.with(config), PdfModule] }).compile();
  return { moduleRef, converter: moduleRef.get<DocumentConverter>(DOCUMENT_CONVERTER) };
}

describe('PDF engine configuration', () => {
  it('converts locally with one warm soffice and a two-minute limit unless told otherwise', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PDF_ENGINE: '', GOTENBERG_URL: '', PDF_ENGINE_POOL_SIZE: 1, PDF_CONVERSION_TIMEOUT_MS: 120000, SOFFICE_PATH: 'soffice' });
    expect(pdfEngine(config)).toBe('soffice');
  });

  it('uses Gotenberg when it has an address, unless PDF_ENGINE says soffice', () => {
    expect(pdfEngine(loadConfig({ GOTENBERG_URL: 'http://gotenberg:3000' }))).toBe('gotenberg');
    expect(pdfEngine(loadConfig({ GOTENBERG_URL: 'http://gotenberg:3000', PDF_ENGINE: 'soffice' }))).toBe('soffice');
    expect(loadConfig({ PDF_ENGINE_POOL_SIZE: '3', PDF_CONVERSION_TIMEOUT_MS: '30000' })).toMatchObject({ PDF_ENGINE_POOL_SIZE: 3, PDF_CONVERSION_TIMEOUT_MS: 30000 });
  });

  it('refuses to start on an engine it does not know, Gotenberg without an address, or a bad pool or limit', () => {
    expect(() => loadConfig({ PDF_ENGINE: 'wkhtmltopdf' })).toThrow(/PDF_ENGINE must be soffice or gotenberg/);
    expect(() => loadConfig({ PDF_ENGINE: 'gotenberg' })).toThrow(/GOTENBERG_URL must be an http\(s\) URL \(PDF_ENGINE=gotenberg needs it\)/);
    expect(() => loadConfig({ GOTENBERG_URL: 'gotenberg:3000' })).toThrow(/GOTENBERG_URL/);
    expect(() => loadConfig({ PDF_ENGINE_POOL_SIZE: '0' })).toThrow(/PDF_ENGINE_POOL_SIZE/);
    expect(() => loadConfig({ PDF_CONVERSION_TIMEOUT_MS: 'soon' })).toThrow(/PDF_CONVERSION_TIMEOUT_MS/);
  });
});

describe('PdfModule', () => {
  const afterThisTest: (() => Promise<void>)[] = [];
  afterEach(() => Promise.all(afterThisTest.splice(0).map((close) => close())));

  it('provides the Gotenberg converter when configured for it', async () => {
    const { moduleRef, converter } = await startPdfModule(loadConfig({ GOTENBERG_URL: 'http://gotenberg:3000' }));
    expect(converter).toBeInstanceOf(GotenbergConverter);
    await moduleRef.close();
  });

  it('provides the local soffice converter, and stops its LibreOffice and removes its profile when the application closes', async () => {
    const { moduleRef, converter } = await startPdfModule(loadConfig({ PDF_ENGINE: 'soffice' }));
    // Closed in any case, so that a failing expectation leaves no LibreOffice behind.
    afterThisTest.push(() => moduleRef.close());
    expect(converter).toBeInstanceOf(SofficeConverter);
    const [pdf] = await converter.toPdf([await docxDocument('Kallelse.docx', 'Kallelse till sammanträde')]);
    expect(readPdf(pdf).text).toContain('Kallelse till sammanträde');
    const running = officeProcessesStartedHere();
    const profileDirs = [...new Set(running.map((entry) => entry.profileDir))];
    expect(running.length).toBeGreaterThan(0);
    expect(profileDirs).toHaveLength(1);
    expect(existsSync(profileDirs[0] ?? '')).toBe(true);

    await moduleRef.close();

    expect(officeProcessesStartedHere()).toEqual([]);
    expect(existsSync(profileDirs[0] ?? '')).toBe(false);
  });
});

