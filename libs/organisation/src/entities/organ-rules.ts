import { Column } from 'typeorm';

export const RECORD_KINDS = ['minutes', 'notes'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const VERIFICATION_KINDS = ['chair_and_verifiers', 'chair_and_secretary', 'chair_only', 'none'] as const;
export type VerificationKind = (typeof VERIFICATION_KINDS)[number];

export const SUBSTITUTE_CALL_IN_POLICIES = ['same_party_first', 'personal_substitute_first', 'listed_order'] as const;
export type SubstituteCallInPolicy = (typeof SUBSTITUTE_CALL_IN_POLICIES)[number];

export const LANGUAGES = ['sv', 'fi'] as const;
export type Language = (typeof LANGUAGES)[number];

/** An organ's reglemente/instruktion as settings: how it is called, how it keeps and publishes its records. */
export class OrganRules {
  /** Days before the meeting the notice must go out (Ludvika: "senast en vecka före"). */
  @Column('smallint', { default: 7 })
  noticeLeadDays: number;

  /** Local time of day (Europe/Stockholm) at which notices are sent, HH:MM. */
  @Column('text', { default: '08:00' })
  noticeSendTime: string;

  @Column('boolean', { default: true })
  publishNotices: boolean;

  @Column('boolean', { default: true })
  publishMinutes: boolean;

  /** Minutes containing personal data are published only where this is set (GDPR). */
  @Column('boolean', { default: false })
  publishMinutesWithPersonalData: boolean;

  /** Whether verified minutes are announced on the digital notice board. */
  @Column('boolean', { default: true })
  postMinutesOnNoticeBoard: boolean;

  /** Minutes (protokoll) or notes (minnesanteckningar) for bodies that do not decide. */
  @Column('text', { default: 'minutes' })
  recordKind: RecordKind;

  @Column('text', { default: 'chair_and_verifiers' })
  verification: VerificationKind;

  /** Verifiers besides the chair (fullmäktige: two). */
  @Column('smallint', { default: 1 })
  verifierCount: number;

  @Column('text', { array: true, default: () => `'{sv}'` })
  languages: Language[];

  /** Whether fullmäktige has allowed open meetings (KL 6 kap. 25 §). */
  @Column('boolean', { default: false })
  openMeetings: boolean;

  /** Whether members must hold a seat in the parent organ (utskott chosen from the nämnd). */
  @Column('boolean', { default: false })
  membersFromParentOrgan: boolean;

  @Column('text', { default: 'same_party_first' })
  substituteCallIn: SubstituteCallInPolicy;

  /** Where the rules come from, e.g. "Instruktion för Ludvika kommuns råd, 2.3.2". */
  @Column('text', { nullable: true })
  source: string | null;
}
