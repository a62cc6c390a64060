import { ReportLine } from '@namndrum/matters';
import { isDelegationReportItem, reportDocumentBlocks, reportReceivedDecision } from './delegation-report';

const line = (values: Partial<ReportLine> & { id: string }): ReportLine => ({
  kind: 'delegated',
  decisionText: 'Beviljad skolskjuts',
  delegationPoint: '3.2',
  decidedOn: '2026-01-02',
  delegateName: 'Anna Berg',
  delegateTitle: 'enhetschef',
  caseNumber: 'SUN 2026/4',
  masked: false,
  ...values,
});

describe('the delegation report item', () => {
  it('is the standard item that reports delegated decisions, whatever the organ calls it', () => {
    expect(isDelegationReportItem({ kind: 'standard', title: 'Anmälan av delegationsbeslut' })).toBe(true);
    expect(isDelegationReportItem({ kind: 'standard', title: 'Delegationsbeslut' })).toBe(true);
    expect(isDelegationReportItem({ kind: 'standard', title: 'Redovisning av delegeringsbeslut' })).toBe(true);
    expect(isDelegationReportItem({ kind: 'standard', title: 'Meddelanden' })).toBe(false);
    expect(isDelegationReportItem({ kind: 'matter', title: 'Revidering av delegationsordning' })).toBe(false);
  });

  it('has the organ take note of the report in its own name', () => {
    expect(reportReceivedDecision('committee')).toBe('Nämnden lägger anmälan till handlingarna.');
    expect(reportReceivedDecision('board')).toBe('Kommunstyrelsen lägger anmälan till handlingarna.');
    expect(reportReceivedDecision('council')).toBe('Kommunfullmäktige lägger anmälan till handlingarna.');
  });

  it('lays the report into the notice as one table per kind, under its heading', () => {
    const blocks = reportDocumentBlocks([line({ id: 'a' }), line({ id: 'b', kind: 'urgent_chair', delegationPoint: null, delegateName: 'Håkan Frank', delegateTitle: null, caseNumber: null, decisionText: 'Yttrande' })], false);
    // The decision gets the widest column, so that neither a date nor a word is split across lines.
    const columnWidths = expect.arrayContaining([1550, 850, 2000, 1500]);
    expect(blocks).toEqual([
      { kind: 'heading', level: 2, text: 'Delegationsbeslut' },
      { kind: 'table', rows: [['Datum', 'Punkt', 'Delegat', 'Beslut', 'Dnr'], ['2026-01-02', '3.2', 'Anna Berg, enhetschef', 'Beviljad skolskjuts', 'SUN 2026/4']], columnWidths },
      { kind: 'heading', level: 2, text: 'Ordförandebeslut i brådskande ärenden (KL 6 kap. 39 §)' },
      { kind: 'table', rows: [['Datum', 'Punkt', 'Delegat', 'Beslut', 'Dnr'], ['2026-01-02', '', 'Håkan Frank', 'Yttrande', '']], columnWidths },
    ]);
    const [table] = blocks.filter((block) => block.kind === 'table') as { columnWidths: number[] }[];
    expect(Math.max(...table.columnWidths)).toBe(table.columnWidths[3]);
    expect(reportDocumentBlocks([], false)).toEqual([{ kind: 'paragraph', text: 'Inga delegationsbeslut eller ordförandebeslut har anmälts sedan föregående sammanträde.' }]);
  });

  it('gives the headings and the table labels in Finnish as well for an organ with Finnish, and says so of a secret matter', () => {
    const blocks = reportDocumentBlocks([line({ id: 'a', masked: true, decisionText: 'Beslut i sekretessärende' }), line({ id: 'b', kind: 'urgent_chair', delegationPoint: null })], true);
    expect(blocks.filter((block) => block.kind === 'heading').map((block) => (block as { text: string }).text)).toEqual([
      'Delegationsbeslut / Viranhaltijapäätökset',
      'Ordförandebeslut i brådskande ärenden (KL 6 kap. 39 §) / Puheenjohtajan päätökset kiireellisissä asioissa',
    ]);
    const [table] = blocks.filter((block) => block.kind === 'table') as { rows: string[][] }[];
    expect(table.rows[0]).toEqual(['Datum / Päivämäärä', 'Punkt / Kohta', 'Delegat / Päätöksentekijä', 'Beslut / Päätös', 'Dnr / Dnro']);
    expect(table.rows[1][3]).toBe('Beslut i sekretessärende / Päätös salassa pidettävässä asiassa');
    expect(reportDocumentBlocks([], true)).toEqual([
      { kind: 'paragraph', text: 'Inga delegationsbeslut eller ordförandebeslut har anmälts sedan föregående sammanträde.' },
      { kind: 'paragraph', text: 'Edellisen kokouksen jälkeen ei ole ilmoitettu viranhaltijapäätöksiä eikä puheenjohtajan päätöksiä.' },
    ]);
  });
});
