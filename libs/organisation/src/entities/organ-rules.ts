import { Column } from 'typeorm';

export const RECORD_KINDS = ['minutes', 'notes'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const VERIFICATION_KINDS = ['chair_and_verifiers', 'chair_and_secretary', 'chair_only', 'none'] as const;
export type VerificationKind = (typeof VERIFICATION_KINDS)[number];

export const SUBSTITUTE_CALL_IN_POLICIES = ['same_party_first', 'personal_substitute_first', 'listed_order'] as const;
export type SubstituteCallInPolicy = (typeof SUBSTITUTE_CALL_IN_POLICIES)[number];

export const LANGUAGES = ['sv', 'fi'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The rules an organ has unless its reglemente says otherwise: Kommunallagen's defaults and common practice. */
export const DEFAULT_ORGAN_RULES = {
  noticeLeadDays: 7,
  noticeSendTime: '08:00',
  publishNotices: true,
  publishMinutes: true,
  publishMinutesWithPersonalData: false,
  postMinutesOnNoticeBoard: true,
  recordKind: 'minutes' as RecordKind,
  verification: 'chair_and_verifiers' as VerificationKind,
  verifierCount: 1,
  languages: ['sv'] as Language[],
  openMeetings: false,
  membersFromParentOrgan: false,
  substituteCallIn: 'same_party_first' as SubstituteCallInPolicy,
  noticeExtraRecipients: [] as NoticeExtraRecipient[],
  source: null as string | null,
};

/** Someone outside the register whom the organ's rules name as a notice recipient (a minority's association). */
export interface NoticeExtraRecipient {
  name: string;
  email: string;
}

/** An organ's reglemente/instruktion as settings: how it is called, how it keeps and publishes its records. */
export class OrganRules {
  /** Days before the meeting the notice must go out (Ludvika: "senast en vecka före"). */
  @Column('smallint', { default: DEFAULT_ORGAN_RULES.noticeLeadDays })
  noticeLeadDays: number;

  /** Local time of day (Europe/Stockholm) at which notices are sent, HH:MM. */
  @Column('text', { default: DEFAULT_ORGAN_RULES.noticeSendTime })
  noticeSendTime: string;

  @Column('boolean', { default: DEFAULT_ORGAN_RULES.publishNotices })
  publishNotices: boolean;

  @Column('boolean', { default: DEFAULT_ORGAN_RULES.publishMinutes })
  publishMinutes: boolean;

  /** Minutes containing personal data are published only where this is set (GDPR). */
  @Column('boolean', { default: DEFAULT_ORGAN_RULES.publishMinutesWithPersonalData })
  publishMinutesWithPersonalData: boolean;

  /** Whether verified minutes are announced on the digital notice board. */
  @Column('boolean', { default: DEFAULT_ORGAN_RULES.postMinutesOnNoticeBoard })
  postMinutesOnNoticeBoard: boolean;

  /** Minutes (protokoll) or notes (minnesanteckningar) for bodies that do not decide. */
  @Column('text', { default: DEFAULT_ORGAN_RULES.recordKind })
  recordKind: RecordKind;

  @Column('text', { default: DEFAULT_ORGAN_RULES.verification })
  verification: VerificationKind;

  /** Verifiers besides the chair (fullmäktige: two). */
  @Column('smallint', { default: DEFAULT_ORGAN_RULES.verifierCount })
  verifierCount: number;

  @Column('text', { array: true, default: () => `'{sv}'` })
  languages: Language[];

  /** Whether fullmäktige has allowed open meetings (KL 6 kap. 25 §). */
  @Column('boolean', { default: DEFAULT_ORGAN_RULES.openMeetings })
  openMeetings: boolean;

  /** Whether members must hold a seat in the parent organ (utskott chosen from the nämnd). */
  @Column('boolean', { default: DEFAULT_ORGAN_RULES.membersFromParentOrgan })
  membersFromParentOrgan: boolean;

  @Column('text', { default: DEFAULT_ORGAN_RULES.substituteCallIn })
  substituteCallIn: SubstituteCallInPolicy;

  /** Extra recipients of every notice the rules name, e.g. the Finnish minority's associations for the råd för finskt förvaltningsområde. */
  @Column('jsonb', { default: () => `'[]'` })
  noticeExtraRecipients: NoticeExtraRecipient[];

  /** Where the rules come from, e.g. "Instruktion för Ludvika kommuns råd, 2.3.2". */
  @Column('text', { nullable: true })
  source: string | null;
}
