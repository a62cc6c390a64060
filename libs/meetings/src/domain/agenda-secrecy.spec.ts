import { agendaItemAsRead } from './agenda-secrecy';

describe('agendaItemAsRead', () => {
  const item = { id: 'item-1', position: 3, matterId: 'matter-1', title: 'Placering av barn', caseNumber: 'SUN 2026/7', proposal: ['Nämnden beslutar att placera barnet.'] };

  it('shows a matter secret to the reader by its case number and masked title only', () => {
    expect(agendaItemAsRead(item, { caseNumber: 'SUN 2026/7', title: 'Sekretessärende', masked: true, contentReadable: false })).toEqual({ ...item, title: 'Sekretessärende', proposal: [] });
  });

  it('keeps the title of a public matter whose tjänsteskrivelse is secret and leaves out its proposal', () => {
    expect(agendaItemAsRead(item, { caseNumber: 'SUN 2026/7', title: 'Placering av barn', masked: false, contentReadable: false })).toEqual({ ...item, proposal: [] });
  });

  it('shows everything to a reader with access, and items without a matter as they are', () => {
    expect(agendaItemAsRead(item, { caseNumber: 'SUN 2026/7', title: 'Placering av barn', masked: false, contentReadable: true })).toEqual(item);
    const standard = { ...item, matterId: null, title: 'Val av justerande', caseNumber: null, proposal: [] };
    expect(agendaItemAsRead(standard, undefined)).toBe(standard);
  });
});
