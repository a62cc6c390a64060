import { ConversionError, ConvertOptions, PDF_MEDIA_TYPE, SourceDocument } from './document-converter';

/**
 * The media types LibreOffice converts, with the extension it is given the file under: LibreOffice
 * chooses its import filter by the extension (and the content), never by a media type.
 */
export const CONVERTIBLE_EXTENSIONS: Readonly<Record<string, string>> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.presentation': 'odp',
  'application/msword': 'doc',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.ms-powerpoint': 'ppt',
  'application/rtf': 'rtf',
  'text/rtf': 'rtf',
  'text/plain': 'txt',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
};

/** A document the engine must render, with its place in the caller's list. */
export interface PendingConversion {
  index: number;
  document: SourceDocument;
  extension: string;
}

/**
 * What both engines do before they convert: uploaded PDFs are kept as they are, in their place in
 * the result; everything else must be of a kind LibreOffice reads. Only documents the system renders
 * itself are archived, so an uploaded PDF asked for as PDF/A is refused rather than passed off as one.
 */
export function planConversion(documents: SourceDocument[], options: ConvertOptions = {}): { results: (Buffer | null)[]; pending: PendingConversion[] } {
  const results: (Buffer | null)[] = [];
  const pending: PendingConversion[] = [];
  documents.forEach((document, index) => {
    const mediaType = essence(document.mediaType);
    if (mediaType === PDF_MEDIA_TYPE) {
      if (options.archival) throw new ConversionError(document.fileName, 'an uploaded PDF cannot be made PDF/A; only documents converted here are archived');
      results.push(document.content);
      return;
    }
    const extension = CONVERTIBLE_EXTENSIONS[mediaType];
    if (!extension) throw new ConversionError(document.fileName, `documents of type ${document.mediaType} cannot be converted to PDF`);
    results.push(null);
    pending.push({ index, document, extension });
  });
  return { results, pending };
}

/** "Text/Plain; charset=utf-8" → "text/plain". */
function essence(mediaType: string): string {
  return mediaType.split(';')[0].trim().toLowerCase();
}
