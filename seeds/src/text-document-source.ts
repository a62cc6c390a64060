import type { TextDocumentView } from '@namndrum/documents';

/**
 * Reads the light markup of seeds/data/documents/*.md into a document: "#", "##", "###" headings,
 * "- " bullets, runs of tab-separated lines as tables (the first line the header), other lines as
 * paragraphs.
 */
export function parseTextDocument(municipalityName: string, title: string, source: string): TextDocumentView {
  const blocks: TextDocumentView['blocks'] = [];
  let table: string[][] | null = null;
  for (const line of source.split(/\r?\n/)) {
    if (line.includes('\t')) {
      if (!table) blocks.push({ kind: 'table', rows: (table = []) });
      table.push(line.split('\t').map((cell) => cell.trim()));
      continue;
    }
    table = null;
    const text = line.trim();
    const heading = /^(#{1,3}) (.+)$/.exec(text);
    if (heading) blocks.push({ kind: 'heading', level: heading[1].length as 1 | 2 | 3, text: heading[2] });
    else if (text.startsWith('- ')) blocks.push({ kind: 'bullet', text: text.slice(2) });
    else if (text.length > 0) blocks.push({ kind: 'paragraph', text });
  }
  return { municipalityName, title, blocks };
}
