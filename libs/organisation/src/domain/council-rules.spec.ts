import { DEFAULT_ORGAN_RULES } from '../entities/organ-rules';
import { ORGAN_KINDS } from '../entities/organ.entity';
import { checkCouncilRules, defaultRulesForKind } from './council-rules';

const councilDefaults = { ...DEFAULT_ORGAN_RULES, ...defaultRulesForKind('council') };
const codes = (violations: { code: string; field: string }[]) => violations.map((violation) => `${violation.code} ${violation.field}`);

describe("fullmäktige's rules", () => {
  it('start from the chair and two verifiers and a notice a week before', () => {
    expect(councilDefaults).toMatchObject({ noticeLeadDays: 7, verification: 'chair_and_verifiers', verifierCount: 2 });
    expect(checkCouncilRules('council', councilDefaults)).toEqual([]);
  });

  it('leave the other kinds of organ at the general defaults', () => {
    for (const kind of ORGAN_KINDS.filter((candidate) => candidate !== 'council')) expect(defaultRulesForKind(kind)).toEqual({});
  });

  it('refuse a notice later than a week before the meeting day, naming the field', () => {
    expect(codes(checkCouncilRules('council', { ...councilDefaults, noticeLeadDays: 6 }))).toEqual(['COUNCIL_NOTICE_TOO_LATE rules.noticeLeadDays']);
    expect(checkCouncilRules('council', { ...councilDefaults, noticeLeadDays: 14 })).toEqual([]);
  });

  it.each(['chair_only', 'chair_and_secretary', 'none'] as const)('refuse %s verification', (verification) => {
    expect(codes(checkCouncilRules('council', { ...councilDefaults, verification, verifierCount: 0 }))).toEqual(['COUNCIL_VERIFICATION rules.verification']);
  });

  it('refuse fewer than two verifiers, and accept more', () => {
    expect(codes(checkCouncilRules('council', { ...councilDefaults, verifierCount: 1 }))).toEqual(['COUNCIL_VERIFIERS rules.verifierCount']);
    expect(checkCouncilRules('council', { ...councilDefaults, verifierCount: 3 })).toEqual([]);
  });

  it('report every broken rule at once', () => {
    expect(codes(checkCouncilRules('council', { noticeLeadDays: 3, verification: 'chair_only', verifierCount: 0 }))).toEqual([
      'COUNCIL_NOTICE_TOO_LATE rules.noticeLeadDays',
      'COUNCIL_VERIFICATION rules.verification',
    ]);
  });

  it('do not bind a nämnd, which may have a shorter notice and one verifier', () => {
    expect(checkCouncilRules('committee', { noticeLeadDays: 5, verification: 'chair_and_verifiers', verifierCount: 1 })).toEqual([]);
    expect(checkCouncilRules('advisory_council', { noticeLeadDays: 7, verification: 'chair_only', verifierCount: 0 })).toEqual([]);
  });
});
