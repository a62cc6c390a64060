import type { WorkerMetrics } from '@namndrum/core';
import type { ConvertOptions, DocumentConverter, SourceDocument } from './document-converter';

/** The worker's converter: the same engine, each call counted and timed for its metrics. */
export class MeteredConverter implements DocumentConverter {
  constructor(
    private readonly engine: DocumentConverter,
    private readonly metrics: WorkerMetrics,
  ) {}

  async toPdf(documents: SourceDocument[], options?: ConvertOptions): Promise<Buffer[]> {
    const started = process.hrtime.bigint();
    const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
    try {
      const pdfs = await this.engine.toPdf(documents, options);
      this.metrics.conversionEnded('converted', seconds());
      return pdfs;
    } catch (error) {
      this.metrics.conversionEnded('failed', seconds());
      throw error;
    }
  }

  close(): Promise<void> {
    return this.engine.close();
  }
}
