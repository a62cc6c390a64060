import { swedishDate } from '@namndrum/core';
import { delegatedDecisionStatus, ReportableDecision, reportCutoff, reportLines, SECRET_DECISION_TEXT } from './delegated-decisions';

const decision = (values: Partial<ReportableDecision> & { id: string }): ReportableDecision => ({
  kind: 'delegated',
  decisionText: 'Beviljat skolskjuts',
  delegationPoint: '3.2',
  decidedOn: '2026-01-10',
  delegateName: 'Anna Berg',
  delegateTitle: 'enhetschef',
  caseNumber: null,
  ...values,
});

describe('delegated decision status', () => {
  it('is registered until minutes take it up, in minutes until they are verified, then reported', () => {
    expect(delegatedDecisionStatus({ reportedInParagraphId: null, reportedAt: null })).toBe('registered');
    expect(delegatedDecisionStatus({ reportedInParagraphId: 'p', reportedAt: null })).toBe('in_minutes');
    expect(delegatedDecisionStatus({ reportedInParagraphId: 'p', reportedAt: new Date() })).toBe('reported');
  });
});

describe('the cutoff of a meeting’s report', () => {
  it('is the Swedish day the notice was finalized, and the moment it was', () => {
    // 23:30 UTC on 14 January is already 15 January in Stockholm.
    const finalizedAt = new Date('2026-01-14T23:30:00Z');
    expect(reportCutoff('2026-01-21', finalizedAt, new Date('2026-01-20T10:00:00Z'), swedishDate)).toEqual({ decidedOnOrBefore: '2026-01-15', registeredAtOrBefore: finalizedAt });
  });

  it('is today before a notice is finalized, but never after the meeting day', () => {
    const now = new Date('2026-02-03T09:00:00Z');
    expect(reportCutoff('2026-02-10', null, now, swedishDate)).toEqual({ decidedOnOrBefore: '2026-02-03', registeredAtOrBefore: now });
    expect(reportCutoff('2026-01-28', null, now, swedishDate).decidedOnOrBefore).toBe('2026-01-28');
  });
});

describe('the report lines', () => {
  it('lists delegated decisions before urgent chair decisions, each by date and then delegation point in numeric order', () => {
    const lines = reportLines(
      [
        decision({ id: 'c', kind: 'urgent_chair', delegationPoint: null, decidedOn: '2026-01-02' }),
        decision({ id: 'b', delegationPoint: '10.1', decidedOn: '2026-01-05' }),
        decision({ id: 'a', delegationPoint: '2.1', decidedOn: '2026-01-05' }),
        decision({ id: 'd', decidedOn: '2026-01-03' }),
      ],
      () => true,
    );
    expect(lines.map((line) => line.id)).toEqual(['d', 'a', 'b', 'c']);
  });

  it('shows a decision the reader may not read only by number, date, point and delegate', () => {
    const [line] = reportLines([decision({ id: 'x', decisionText: 'Placering av barn NN', caseNumber: 'SUN 2026/7' })], () => false);
    expect(line).toMatchObject({ masked: true, decisionText: SECRET_DECISION_TEXT, caseNumber: 'SUN 2026/7', delegationPoint: '3.2' });
  });

  it('carries only the report’s fields, not the rest of the decision’s row', () => {
    const row = { ...decision({ id: 'x' }), matterId: 'm', registeredByUserId: 'u', municipalityId: 't' };
    const [readable] = reportLines([row], () => true);
    const [masked] = reportLines([row], () => false);
    const fields = ['caseNumber', 'decidedOn', 'decisionText', 'delegateName', 'delegateTitle', 'delegationPoint', 'id', 'kind', 'masked'];
    expect(Object.keys(readable).sort()).toEqual(fields);
    expect(Object.keys(masked).sort()).toEqual(fields);
  });
});
