import { agendaItemAsRead, noticeItemAsRead, SECRET_DOCUMENTS_NOTE } from './agenda-secrecy';

describe('agendaItemAsRead', () => {
  const item = { id: 'item-1', position: 3, matterId: 'matter-1', title: 'Placering av barn', titleFi: 'Lapsen sijoitus', caseNumber: 'SUN 2026/7', proposal: ['Nämnden beslutar att placera barnet.'] };

  it('shows a matter secret to the reader by its case number and masked title only', () => {
    expect(agendaItemAsRead(item, { caseNumber: 'SUN 2026/7', title: 'Sekretessärende', masked: true, contentReadable: false, entitled: false })).toEqual({ ...item, title: 'Sekretessärende', titleFi: null, proposal: [] });
  });

  it('keeps the title of a public matter whose tjänsteskrivelse is secret and leaves out its proposal', () => {
    expect(agendaItemAsRead(item, { caseNumber: 'SUN 2026/7', title: 'Placering av barn', masked: false, contentReadable: false, entitled: false })).toEqual({ ...item, proposal: [] });
  });

  it('shows everything to a reader with access, and items without a matter as they are', () => {
    expect(agendaItemAsRead(item, { caseNumber: 'SUN 2026/7', title: 'Placering av barn', masked: false, contentReadable: true, entitled: true })).toEqual(item);
    const standard = { ...item, matterId: null, title: 'Val av justerande', caseNumber: null, proposal: [] };
    expect(agendaItemAsRead(standard, undefined)).toBe(standard);
  });
});

describe('noticeItemAsRead', () => {
  const item = { number: 4, title: 'Placering av barn', titleFi: 'Lapsen sijoitus', caseNumber: 'SUN 2026/7', documentsLater: false, closed: false, documents: [{ kind: 'officer_report', report: { summary: 'Barnet far illa.' } }] };

  it('names a secret matter by its masked title and replaces its documents with the note that they are given separately', () => {
    const masked = noticeItemAsRead(item, { caseNumber: 'SUN 2026/7', title: 'Sekretessärende', masked: true, contentReadable: false, entitled: false });
    expect(masked).toEqual({ ...item, title: 'Sekretessärende', titleFi: null, documents: [{ kind: 'file', title: SECRET_DOCUMENTS_NOTE, fileName: 'SUN 2026/7' }] });
    expect(JSON.stringify(masked)).not.toMatch(/Placering|sijoitus|far illa/);
  });

  it('adds no documents to an item whose documents come later, and leaves readable items alone', () => {
    expect(noticeItemAsRead({ ...item, documents: [] }, { caseNumber: 'SUN 2026/7', title: 'Sekretessärende', masked: true, contentReadable: false, entitled: false }).documents).toEqual([]);
    expect(noticeItemAsRead(item, { caseNumber: 'SUN 2026/7', title: 'Placering av barn', masked: false, contentReadable: true, entitled: true })).toBe(item);
  });
});
