import { FileChild, Paragraph } from 'docx';
import { bulletItem, dataTable, heading, municipalityLine, packDocument, plainParagraph } from './docx-helpers';
import { TextDocumentView } from './view-models';

/** Renders a registered text document without a layout of its own: letterhead, title, then its blocks in order. */
export async function renderTextDocument(view: TextDocumentView): Promise<Buffer> {
  return packDocument({ title: view.title, municipalityName: view.municipalityName, children: textDocumentContent(view) });
}

/** The body of a text document. */
function textDocumentContent(view: TextDocumentView): FileChild[] {
  return [
    municipalityLine(view.municipalityName),
    new Paragraph({ spacing: { after: 240 }, children: [] }),
    heading(view.title, 1),
    ...view.blocks.flatMap((block): FileChild[] => {
      switch (block.kind) {
        case 'heading':
          return [heading(block.text, block.level)];
        case 'paragraph':
          return [plainParagraph(block.text)];
        case 'bullet':
          return [bulletItem(block.text)];
        case 'table': {
          const table = dataTable(block.rows, { columnWidths: block.columnWidths });
          // A paragraph after each table keeps two adjacent tables from merging into one.
          return table ? [table, new Paragraph({ children: [] })] : [];
        }
      }
    }),
  ];
}
