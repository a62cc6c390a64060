import { Global, Inject, Module, OnModuleDestroy } from '@nestjs/common';
import { AppConfig, WorkerMetrics } from '@namndrum/core';
import { DOCUMENT_CONVERTER, DocumentConverter } from './document-converter';
import { GotenbergConverter } from './gotenberg-converter';
import { MeteredConverter } from './metered-converter';
import { SofficeConverter, unoconvCommand } from './soffice-converter';

/** PDF_ENGINE, or when it is not set: Gotenberg when there is one to call, else the local soffice. */
export function pdfEngine(config: AppConfig): 'soffice' | 'gotenberg' {
  if (config.PDF_ENGINE !== '') return config.PDF_ENGINE;
  return config.GOTENBERG_URL !== '' ? 'gotenberg' : 'soffice';
}

export function createDocumentConverter(config: AppConfig): DocumentConverter {
  if (pdfEngine(config) === 'gotenberg') return new GotenbergConverter({ url: config.GOTENBERG_URL, timeoutMs: config.PDF_CONVERSION_TIMEOUT_MS });
  return new SofficeConverter({
    sofficePath: config.SOFFICE_PATH,
    unoconvCommand: unoconvCommand(config.UNOCONV_PATH),
    poolSize: config.PDF_ENGINE_POOL_SIZE,
    timeoutMs: config.PDF_CONVERSION_TIMEOUT_MS,
  });
}

/**
 * The PDF engine chosen by configuration, as DOCUMENT_CONVERTER; stopped with the application. In the
 * worker, which provides WorkerMetrics, every conversion is counted and timed.
 */
@Global()
@Module({
  providers: [
    {
      provide: DOCUMENT_CONVERTER,
      inject: [AppConfig, { token: WorkerMetrics, optional: true }],
      useFactory: (config: AppConfig, metrics?: WorkerMetrics) => {
        const engine = createDocumentConverter(config);
        return metrics ? new MeteredConverter(engine, metrics) : engine;
      },
    },
  ],
  exports: [DOCUMENT_CONVERTER],
})
export class PdfModule implements OnModuleDestroy {
  constructor(@Inject(DOCUMENT_CONVERTER) private readonly converter: DocumentConverter) {}

  onModuleDestroy(): Promise<void> {
    return this.converter.close();
  }
}
