/** A document to turn into PDF: what the user uploaded or the system rendered, with its media type. */
export interface SourceDocument {
  fileName: string;
  mediaType: string;
  content: Buffer;
}

export interface ConvertOptions {
  /** PDF/A-2b for the archive: fonts embedded, XMP identification, no encryption. An uploaded PDF is refused: only what is converted here is archived. */
  archival?: boolean;
}

/**
 * Turns documents into PDF through LibreOffice: the local `soffice` kept warm, or Gotenberg's HTTP API.
 * An uploaded PDF is returned as it is (a ConversionError when archival); DOCX, XLSX, ODF and images are converted.
 */
export interface DocumentConverter {
  /** Each document as PDF, in the order given. Throws {@link ConversionError} naming the first document that failed. */
  toPdf(documents: SourceDocument[], options?: ConvertOptions): Promise<Buffer[]>;
  /** Stops the engine's processes (the worker's shutdown). */
  close(): Promise<void>;
}

export const DOCUMENT_CONVERTER = Symbol('DOCUMENT_CONVERTER');

/** A document the engine could not convert: corrupt, encrypted, of a kind it cannot read, or the engine failed. */
export class ConversionError extends Error {
  constructor(
    readonly fileName: string,
    message: string,
  ) {
    super(`${fileName}: ${message}`);
    this.name = 'ConversionError';
  }
}

export const PDF_MEDIA_TYPE = 'application/pdf';
