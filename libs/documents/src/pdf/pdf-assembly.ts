/** A bookmark in the bundle's outline: its title, the part whose first page it opens, and bookmarks under it. */
export interface OutlineEntry {
  title: string;
  /** Index into the parts given to {@link assemblePdf}; an entry without a part opens its first child's page. */
  part?: number;
  children?: OutlineEntry[];
}

export interface AssembledPdf {
  pdf: Buffer;
  pageCount: number;
  /** Each part's first page in the assembled PDF, 1-based, in the order the parts were given. */
  partStartPages: number[];
  /** Each part's page count, in the order the parts were given. */
  partPageCounts: number[];
}

export interface PdfMetadata {
  title: string;
  author: string;
  subject?: string;
  /** BCP 47, e.g. "sv-SE". */
  language: string;
}
