import { Logger } from '@nestjs/common';
import { ConversionError, ConvertOptions, DocumentConverter, SourceDocument } from './document-converter';
import { PendingConversion, planConversion } from './source-formats';

export interface GotenbergConverterOptions {
  /** Gotenberg's base URL, e.g. http://gotenberg:3000. */
  url: string;
  /** How long one call may take, all its documents together. */
  timeoutMs: number;
}

/** Gotenberg's answer is the error's text; more than this is a page of HTML nobody reads in a log. */
const MAX_ERROR_BODY_CHARS = 500;

/**
 * Converts through Gotenberg's LibreOffice route (https://gotenberg.dev/docs/8.x), one request per
 * document: several files in one request come back as a ZIP in the order of their names, and one
 * failing file would fail them all without saying which.
 */
export class GotenbergConverter implements DocumentConverter {
  private readonly logger = new Logger(GotenbergConverter.name);
  private readonly endpoint: string;

  constructor(private readonly options: GotenbergConverterOptions) {
    this.endpoint = `${options.url.replace(/\/+$/, '')}/forms/libreoffice/convert`;
  }

  async toPdf(documents: SourceDocument[], options: ConvertOptions = {}): Promise<Buffer[]> {
    const { results, pending } = planConversion(documents, options);
    const signal = AbortSignal.timeout(this.options.timeoutMs);
    for (const item of pending) results[item.index] = await this.convert(item, options.archival ?? false, signal);
    return results as Buffer[];
  }

  async close(): Promise<void> {
    // Nothing is held between requests: Gotenberg is a service of its own.
  }

  private async convert({ document, extension, index }: PendingConversion, archival: boolean, signal: AbortSignal): Promise<Buffer> {
    const started = Date.now();
    const form = new FormData();
    // Gotenberg chooses LibreOffice's import by the file's extension; the user's file name stays here.
    form.append('files', new Blob([new Uint8Array(document.content)], { type: document.mediaType }), `document-${index + 1}.${extension}`);
    if (archival) form.append('pdfa', 'PDF/A-2b');
    try {
      const response = await fetch(this.endpoint, { method: 'POST', body: form, signal });
      if (!response.ok) {
        const body = (await response.text()).trim().slice(0, MAX_ERROR_BODY_CHARS);
        this.logger.error({ fileName: document.fileName, status: response.status, body }, 'Gotenberg refused a conversion');
        throw new ConversionError(document.fileName, `Gotenberg answered ${response.status}${body ? `: ${body}` : ''}`);
      }
      const pdf = Buffer.from(await response.arrayBuffer());
      this.logger.debug({ fileName: document.fileName, archival, durationMs: Date.now() - started }, 'Converted a document to PDF through Gotenberg');
      return pdf;
    } catch (error) {
      if (error instanceof ConversionError) throw error;
      const reason = signal.aborted ? `no PDF within ${this.options.timeoutMs} ms` : `Gotenberg could not be reached: ${describe(error)}`;
      this.logger.error({ fileName: document.fileName, endpoint: this.endpoint, reason }, 'Conversion through Gotenberg failed');
      throw new ConversionError(document.fileName, reason);
    }
  }
}

function describe(error: unknown): string {
  // Not instanceof: fetch's errors come from Node's own realm, which a test sandbox does not share.
  const { message, cause } = (error ?? {}) as { message?: unknown; cause?: { message?: unknown; code?: unknown } };
  // undici puts the network's reason (ECONNREFUSED …) in the cause of its "fetch failed".
  const reason = cause?.code ?? cause?.message;
  return [message ?? String(error), reason].filter((part) => part !== undefined).join(': ');
}
