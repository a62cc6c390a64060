import { OrganKind } from '../entities/organ.entity';
import { OrganRules } from '../entities/organ-rules';

/**
 * Fullmäktige's meetings are announced on the notice board at least a week before the meeting day
 * (KL 5 kap. 11 §), so a council's notice cannot be set to go out later than that.
 */
export const COUNCIL_MIN_NOTICE_DAYS = 7;

/** Fullmäktige's minutes are verified by the chair and two verifiers (law.md: "two for fullmäktige"). */
export const COUNCIL_MIN_VERIFIERS = 2;

export interface OrganRuleViolation {
  code: string;
  field: string;
  /** Swedish, shown to the secretary as it is. */
  message: string;
}

/** The rules a new organ of this kind starts from where they differ from DEFAULT_ORGAN_RULES. */
export function defaultRulesForKind(kind: OrganKind): Partial<OrganRules> {
  return kind === 'council' ? { verifierCount: COUNCIL_MIN_VERIFIERS } : {};
}

/** What the law requires of fullmäktige's rules, whatever its arbetsordning says; other organs are free. */
export function checkCouncilRules(kind: OrganKind, rules: Pick<OrganRules, 'noticeLeadDays' | 'verification' | 'verifierCount'>): OrganRuleViolation[] {
  if (kind !== 'council') return [];
  const violations: OrganRuleViolation[] = [];
  if (rules.noticeLeadDays < COUNCIL_MIN_NOTICE_DAYS) {
    violations.push({
      code: 'COUNCIL_NOTICE_TOO_LATE',
      field: 'rules.noticeLeadDays',
      message: `Fullmäktiges sammanträden kungörs minst en vecka före sammanträdesdagen; kallelsen kan inte gå ut senare än ${COUNCIL_MIN_NOTICE_DAYS} dagar före`,
    });
  }
  if (rules.verification !== 'chair_and_verifiers') {
    violations.push({ code: 'COUNCIL_VERIFICATION', field: 'rules.verification', message: 'Fullmäktiges protokoll justeras av ordföranden och två justerare' });
  } else if (rules.verifierCount < COUNCIL_MIN_VERIFIERS) {
    violations.push({ code: 'COUNCIL_VERIFIERS', field: 'rules.verifierCount', message: `Fullmäktiges protokoll justeras av ordföranden och minst ${COUNCIL_MIN_VERIFIERS} justerare` });
  }
  return violations;
}
