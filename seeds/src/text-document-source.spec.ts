import { parseTextDocument } from './text-document-source';

describe('parseTextDocument', () => {
  it('reads headings, bullets, paragraphs and tab-separated tables', () => {
    const view = parseTextDocument('Ludvika kommun', 'Instruktion', ['Dokumenttyp\tBeslutas av', 'Policy\tKommunfullmäktige', '', '# 1 Inledning', '', 'Råden är rådgivande.', '## 1.1 Syfte', '- en punkt', '- en till', '### 1.1.1 Detalj'].join('\n'));
    expect(view).toEqual({
      municipalityName: 'Ludvika kommun',
      title: 'Instruktion',
      blocks: [
        { kind: 'table', rows: [['Dokumenttyp', 'Beslutas av'], ['Policy', 'Kommunfullmäktige']] },
        { kind: 'heading', level: 1, text: '1 Inledning' },
        { kind: 'paragraph', text: 'Råden är rådgivande.' },
        { kind: 'heading', level: 2, text: '1.1 Syfte' },
        { kind: 'bullet', text: 'en punkt' },
        { kind: 'bullet', text: 'en till' },
        { kind: 'heading', level: 3, text: '1.1.1 Detalj' },
      ],
    });
  });

  it('starts a new table after a line without tabs', () => {
    const view = parseTextDocument('K', 'T', 'a\tb\n\nc\td');
    expect(view.blocks).toEqual([
      { kind: 'table', rows: [['a', 'b']] },
      { kind: 'table', rows: [['c', 'd']] },
    ]);
  });
});
