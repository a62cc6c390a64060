/** The file types the diarium accepts, by the type sniffed from the content (never trusting the name). */
export const ACCEPTED_FILE_TYPES: Record<string, { mediaType: string; label: string }> = {
  pdf: { mediaType: 'application/pdf', label: 'PDF' },
  docx: { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'Word (docx)' },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'Excel (xlsx)' },
  odt: { mediaType: 'application/vnd.oasis.opendocument.text', label: 'OpenDocument-text (odt)' },
  ods: { mediaType: 'application/vnd.oasis.opendocument.spreadsheet', label: 'OpenDocument-kalkyl (ods)' },
  odp: { mediaType: 'application/vnd.oasis.opendocument.presentation', label: 'OpenDocument-presentation (odp)' },
  odg: { mediaType: 'application/vnd.oasis.opendocument.graphics', label: 'OpenDocument-grafik (odg)' },
  png: { mediaType: 'image/png', label: 'PNG' },
  jpg: { mediaType: 'image/jpeg', label: 'JPEG' },
};

export const ACCEPTED_FILE_TYPES_TEXT = 'PDF, Word (docx), Excel (xlsx), OpenDocument (odt, ods, odp, odg), PNG och JPEG';

export const DOCUMENT_DIRECTIONS = ['incoming', 'outgoing', 'drawn_up'] as const;
export type DocumentDirection = (typeof DOCUMENT_DIRECTIONS)[number];

export const DOCUMENT_DIRECTION_LABELS: Record<DocumentDirection, string> = {
  incoming: 'Inkommande',
  outgoing: 'Utgående',
  drawn_up: 'Upprättad',
};

/** OSL 5 kap. 2 §: an incoming document names its sender, an outgoing one its recipient. */
export function counterpartyRequired(direction: DocumentDirection): boolean {
  return direction !== 'drawn_up';
}

/** A file name safe to store and to send back in Content-Disposition: no path, no control or direction-changing characters. */
export function cleanFileName(name: string, extension: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const visible = base.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069"]/gu, '').trim();
  // Only a real extension is replaced: "Beslut enl. KS" keeps its words.
  const withoutExtension = visible.replace(/\.(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{1,5}$/, '').trim();
  // Cut by code point, never through a surrogate pair.
  const shortened = Array.from(withoutExtension).slice(0, 200).join('').trim();
  return `${shortened || 'dokument'}.${extension}`;
}
