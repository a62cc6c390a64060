import { MetricsRegistry, WorkerMetrics } from '@namndrum/core';
import { ConversionError, DocumentConverter } from './document-converter';
import { MeteredConverter } from './metered-converter';

describe('MeteredConverter', () => {
  const source = { fileName: 'Kallelse.docx', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', content: Buffer.from('x') };

  it("counts and times each call to the engine by outcome, passing the engine's answer and error on", async () => {
    const registry = new MetricsRegistry();
    const engine: DocumentConverter = {
      toPdf: jest.fn().mockResolvedValueOnce([Buffer.from('%PDF')]).mockRejectedValueOnce(new ConversionError('Trasig.docx', 'corrupt')),
      close: jest.fn().mockResolvedValue(undefined),
    };
    const converter = new MeteredConverter(engine, new WorkerMetrics(registry));
    await expect(converter.toPdf([source])).resolves.toEqual([Buffer.from('%PDF')]);
    await expect(converter.toPdf([source])).rejects.toBeInstanceOf(ConversionError);
    const text = await registry.metrics();
    expect(text).toContain('namndrum_worker_pdf_conversions_total{outcome="converted"} 1');
    expect(text).toContain('namndrum_worker_pdf_conversions_total{outcome="failed"} 1');
    expect(text).toContain('namndrum_worker_pdf_conversion_duration_seconds_count 2');
    await converter.close();
    expect(engine.close).toHaveBeenCalled();
  });
});
