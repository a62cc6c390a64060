import { createHash } from 'node:crypto';
import { canonicalJson, canPerform, OFFICER_REPORT_STATUSES, OfficerReportAction, OfficerReportStatus, reportContentHash, SignedReportBody } from './report-workflow';

describe('canPerform', () => {
  const TABLE: [OfficerReportStatus, OfficerReportAction, boolean][] = [
    ['draft', 'edit', true],
    ['draft', 'submit', true],
    ['draft', 'approve', false],
    ['draft', 'return', false],
    ['submitted', 'edit', false],
    ['submitted', 'submit', false],
    ['submitted', 'approve', true],
    ['submitted', 'return', true],
    ['returned', 'edit', true],
    ['returned', 'submit', true],
    ['returned', 'approve', false],
    ['returned', 'return', false],
    ['signed', 'edit', false],
    ['signed', 'submit', false],
    ['signed', 'approve', false],
    ['signed', 'return', false],
  ];

  it.each(TABLE)('in %s, %s is allowed: %s', (status, action, allowed) => {
    expect(canPerform(status, action)).toBe(allowed);
  });

  it('has a row for every status and action', () => {
    expect(TABLE).toHaveLength(OFFICER_REPORT_STATUSES.length * 4);
    for (const status of OFFICER_REPORT_STATUSES) expect(TABLE.filter(([s]) => s === status)).toHaveLength(4);
  });
});

describe('canonicalJson', () => {
  it('writes scalars as JSON does', () => {
    expect(canonicalJson('tjänsteskrivelse "ny"')).toBe('"tjänsteskrivelse \\"ny\\""');
    expect(canonicalJson(42)).toBe('42');
    expect(canonicalJson(true)).toBe('true');
    expect(canonicalJson(null)).toBe('null');
  });

  it('sorts the keys of an object', () => {
    expect(canonicalJson({ b: 1, a: 2, c: 3 })).toBe('{"a":2,"b":1,"c":3}');
  });

  it('sorts keys at every depth, inside arrays too', () => {
    expect(canonicalJson({ z: { y: 1, x: [{ q: 1, p: 2 }] }, a: null })).toBe('{"a":null,"z":{"x":[{"p":2,"q":1}],"y":1}}');
  });

  it('keeps the order of array members', () => {
    expect(canonicalJson([3, 1, 2])).toBe('[3,1,2]');
    expect(canonicalJson(['b', 'a'])).toBe('["b","a"]');
  });

  it('drops members whose value is undefined but keeps null', () => {
    expect(canonicalJson({ a: 1, b: undefined, c: null })).toBe('{"a":1,"c":null}');
  });

  it('writes empty objects and arrays', () => {
    expect(canonicalJson({})).toBe('{}');
    expect(canonicalJson([])).toBe('[]');
  });

  it('escapes keys as JSON strings', () => {
    expect(canonicalJson({ 'a"b': 1 })).toBe('{"a\\"b":1}');
  });

  it('gives identical output for objects built in different key orders', () => {
    const first = { title: 'T', content: { summary: null, proposedDecision: ['a', 'b'] }, version: 1 };
    const second = { version: 1, content: { proposedDecision: ['a', 'b'], summary: null }, title: 'T' };
    expect(canonicalJson(first)).toBe(canonicalJson(second));
    expect(canonicalJson(first)).toBe('{"content":{"proposedDecision":["a","b"],"summary":null},"title":"T","version":1}');
  });

  it('is valid JSON that reads back to the same value', () => {
    const value = { b: [1, { d: 'x', c: false }], a: 'å' };
    expect(JSON.parse(canonicalJson(value))).toEqual(value);
  });

  it('differs when any value changes', () => {
    const base = { a: 1, b: { c: 'x', d: [1, 2] } };
    const text = canonicalJson(base);
    expect(canonicalJson({ a: 2, b: { c: 'x', d: [1, 2] } })).not.toBe(text);
    expect(canonicalJson({ a: 1, b: { c: 'y', d: [1, 2] } })).not.toBe(text);
    expect(canonicalJson({ a: 1, b: { c: 'x', d: [2, 1] } })).not.toBe(text);
    expect(canonicalJson({ a: '1', b: { c: 'x', d: [1, 2] } })).not.toBe(text);
    expect(canonicalJson({ a: 1, b: { c: 'x', d: [1, 2] }, e: null })).not.toBe(text);
  });
});

describe('reportContentHash', () => {
  const body = (): SignedReportBody => ({
    matterId: '6c2a2b4e-5f4c-4f7e-9a55-0d1c1f1e9a01',
    caseNumber: 'SUN 2022/5',
    version: 2,
    organId: '0b8f0d0c-3b9e-4f64-8b41-7d5d1b8f6a11',
    caseOfficerId: 'a7e1b0c2-1111-4222-8333-944455556666',
    attachmentDocumentIds: ['doc-1', 'doc-2'],
    content: {
      title: 'Yttrande över motion om skolskjuts',
      proposedDecision: ['Nämnden föreslås besluta att anta yttrandet.', 'Paragrafen förklaras omedelbart justerad.'],
      summary: 'Förvaltningen föreslår att motionen avslås.',
      description: 'Ärendet gäller en motion om skolskjuts.',
      financialConsequences: null,
      sections: [{ heading: 'Bakgrund', body: 'Motionen väcktes 2022.' }],
      decisionRecipients: ['Kommunstyrelsen'],
    },
  });

  it('is the sha256 of the canonical JSON, as 64 hex digits', () => {
    const hash = reportContentHash(body());
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(createHash('sha256').update(canonicalJson(body())).digest('hex'));
  });

  it('hashes exactly the sorted, compact JSON of the body, so stored signatures stay verifiable', () => {
    const small: SignedReportBody = {
      version: 1,
      matterId: 'm',
      organId: 'o',
      caseOfficerId: null,
      caseNumber: 'KS 2021/263-00',
      attachmentDocumentIds: ['d2', 'd1'],
      content: { title: 'Ä', proposedDecision: ['att'], summary: null, description: '', financialConsequences: null, sections: [{ heading: 'H', body: 'B' }], decisionRecipients: [] },
    };
    const expected =
      '{"attachmentDocumentIds":["d2","d1"],"caseNumber":"KS 2021/263-00","caseOfficerId":null,' +
      '"content":{"decisionRecipients":[],"description":"","financialConsequences":null,"proposedDecision":["att"],' +
      '"sections":[{"body":"B","heading":"H"}],"summary":null,"title":"Ä"},"matterId":"m","organId":"o","version":1}';
    expect(canonicalJson(small)).toBe(expected);
    expect(reportContentHash(small)).toBe(createHash('sha256').update(expected, 'utf8').digest('hex'));
  });

  it('gives the same hash for equal bodies built in another key order', () => {
    const b = body();
    const reordered: SignedReportBody = {
      content: {
        decisionRecipients: b.content.decisionRecipients,
        sections: [{ body: 'Motionen väcktes 2022.', heading: 'Bakgrund' }],
        financialConsequences: null,
        description: b.content.description,
        summary: b.content.summary,
        proposedDecision: b.content.proposedDecision,
        title: b.content.title,
      },
      attachmentDocumentIds: b.attachmentDocumentIds,
      caseOfficerId: b.caseOfficerId,
      organId: b.organId,
      version: b.version,
      caseNumber: b.caseNumber,
      matterId: b.matterId,
    };
    expect(reportContentHash(reordered)).toBe(reportContentHash(body()));
  });

  it.each<[string, (b: SignedReportBody) => void]>([
    ['the title', (b) => (b.content.title = 'Yttrande över motion om skolskjuts.')],
    ['one decision point', (b) => (b.content.proposedDecision[1] = 'Paragrafen förklaras inte omedelbart justerad.')],
    ['the order of the decision points', (b) => b.content.proposedDecision.reverse()],
    ['the order of the attachment ids', (b) => b.attachmentDocumentIds.reverse()],
    ['an added attachment', (b) => b.attachmentDocumentIds.push('doc-3')],
    ['the version', (b) => (b.version = 3)],
    ['the organ', (b) => (b.organId = '0b8f0d0c-3b9e-4f64-8b41-7d5d1b8f6a12')],
    ['the matter', (b) => (b.matterId = '6c2a2b4e-5f4c-4f7e-9a55-0d1c1f1e9a02')],
    ['the case number', (b) => (b.caseNumber = 'SUN 2022/6')],
    ['the case officer', (b) => (b.caseOfficerId = null)],
    ['the summary', (b) => (b.content.summary = null)],
    ['the description', (b) => (b.content.description = 'Ärendet gäller en motion om skolskjuts i glesbygd.')],
    ['the financial consequences', (b) => (b.content.financialConsequences = 'Inga')],
    ['a section body', (b) => (b.content.sections[0].body = 'Motionen väcktes 2021.')],
    ['a section heading', (b) => (b.content.sections[0].heading = 'Ärendet')],
    ['the decision recipients', (b) => b.content.decisionRecipients.push('Barn- och utbildningsnämnden')],
  ])('changes when %s changes', (_field, change) => {
    const changed = body();
    change(changed);
    expect(reportContentHash(changed)).not.toBe(reportContentHash(body()));
  });
});
