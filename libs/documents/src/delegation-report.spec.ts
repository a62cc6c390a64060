import { ReportedDecisionView, reportedDecisionLines, reportedDecisionTables } from './delegation-report';

const decision = (values: Partial<ReportedDecisionView>): ReportedDecisionView => ({
  kind: 'delegated',
  decidedOn: '2026-01-10',
  delegationPoint: '3.2',
  delegateName: 'Anna Berg',
  delegateTitle: 'enhetschef',
  decisionText: 'Beviljat skolskjuts',
  caseNumber: 'SUN 2026/4',
  masked: false,
  ...values,
});

const REPORT = [
  decision({}),
  decision({ kind: 'urgent_chair', delegationPoint: null, delegateName: 'Håkan Frank', delegateTitle: 'ordförande', decisionText: 'Yttrande till länsstyrelsen', caseNumber: null }),
];

describe('the delegation report as the documents print it', () => {
  it('lists one line per decision in the e-mail of an organ without Finnish', () => {
    expect(reportedDecisionLines(REPORT, false)).toEqual([
      'Punkt 3.2, 2026-01-10, Anna Berg, enhetschef: Beviljat skolskjuts (dnr SUN 2026/4)',
      '2026-01-10, Håkan Frank, ordförande: Yttrande till länsstyrelsen',
    ]);
  });

  it('gives the e-mail of an organ with Finnish the lines under bilingual headings, with bilingual labels', () => {
    expect(reportedDecisionLines([...REPORT, decision({ delegationPoint: '5.1', decisionText: 'Beslut i sekretessärende', masked: true, caseNumber: 'SUN 2026/7' })], true)).toEqual([
      'Delegationsbeslut / Viranhaltijapäätökset:',
      'Punkt / Kohta 3.2, 2026-01-10, Anna Berg, enhetschef: Beviljat skolskjuts (dnr / dnro SUN 2026/4)',
      'Punkt / Kohta 5.1, 2026-01-10, Anna Berg, enhetschef: Beslut i sekretessärende / Päätös salassa pidettävässä asiassa (dnr / dnro SUN 2026/7)',
      'Ordförandebeslut i brådskande ärenden (KL 6 kap. 39 §) / Puheenjohtajan päätökset kiireellisissä asioissa:',
      '2026-01-10, Håkan Frank, ordförande: Yttrande till länsstyrelsen',
    ]);
  });

  it('heads the delegationsbeslut "Anmälda" in the protokoll, where they have been reported, and leaves out kinds without decisions', () => {
    expect(reportedDecisionTables([REPORT[0]], false, 'minutes').map((table) => table.heading)).toEqual(['Anmälda delegationsbeslut']);
    expect(reportedDecisionTables([REPORT[0]], false, 'notice').map((table) => table.heading)).toEqual(['Delegationsbeslut']);
    expect(reportedDecisionTables([REPORT[1]], false, 'minutes').map((table) => table.heading)).toEqual(['Ordförandebeslut i brådskande ärenden (KL 6 kap. 39 §)']);
    expect(reportedDecisionTables([], false, 'minutes')).toEqual([]);
  });
});
