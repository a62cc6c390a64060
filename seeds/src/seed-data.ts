import type { DepartmentKind, MembershipRole, OrganKind, OrganRulesInputDto, PersonKind, Position } from '@namndrum/organisation';
import type { AssignableRole } from '@namndrum/identity';
import type { DelegatedDecisionKind, DocumentDirection, OfficerReportContent } from '@namndrum/matters';
import type { UpcomingMeetingRule } from './upcoming-meeting';

/** The shape of a municipality's seed file (seeds/data/<municipality>.json); references use natural keys. */
export interface SeedData {
  municipality: { name: string; code: string };
  term: { name: string; startDate: string; endDate: string };
  departments: { shortCode: string; name: string; kind: DepartmentKind }[];
  organs: { shortName: string; name: string; kind: OrganKind; parent: string | null; department: string | null; rules: OrganRulesInputDto }[];
  persons: { key: string; kind: PersonKind; firstName: string; lastName: string; title: string | null; email: string | null; phone: string | null; party: string | null }[];
  memberships: { person: string; organ: string; role: MembershipRole; position: Position; party: string | null; substituteOrder: number | null }[];
  attendanceRights: { organ: string; person: string | null; roleDescription: string | null; canSpeak: boolean; basis: string | null; validFrom?: string }[];
  /** Operators who provision municipalities; they belong to none and see no municipality's data. */
  systemAdmins?: string[];
  users: { email: string; person: string | null; grants: { role: AssignableRole; organ: string | null; department: string | null }[] }[];
  /** The municipality's diarium: read from seeds/data/<municipality>-matters.json when that file exists. */
  matters?: MattersSeedData;
  /** Goal frameworks (files in the import format) and the matters that report on them: seeds/data/<municipality>-goals.json. */
  goals?: GoalsSeedData;
  /** Agenda templates and meetings with their notices: seeds/data/<municipality>-meetings.json. */
  meetings?: MeetingsSeedData;
}

/** Registered matters with their documents and signed tjänsteskrivelser, as a source kallelse gives them. */
export interface MattersSeedData {
  registry: { code: string; name: string; organ: string };
  matters: {
    key: string;
    registeredOn: string;
    title: string;
    description: string;
    classification: string | null;
    department: string;
    caseOfficer: string;
    organ: string;
    documents: { key: string; title: string; direction: DocumentDirection; documentDate: string; counterparty: string | null; description: string; textFile: string }[];
    report: OfficerReportContent & {
      date: string;
      /** Bilagor as the source lists them; those naming one of the matter's documents are attached. */
      attachments: string[];
      signedBy: string;
    };
  }[];
  /** Delegated and urgent chair decisions to report to their organ; `delegate` is a person key, or `delegateName` an official named in text. */
  delegatedDecisions?: {
    organ: string;
    kind: DelegatedDecisionKind;
    decisionText: string;
    delegationPoint: string | null;
    decidedOn: string;
    delegate: string | null;
    delegateName: string | null;
    /** Key of the matter (in this file) the decision was taken in. */
    matter: string | null;
  }[];
}

/** Seed e-mail addresses use the reserved .example top-level domain, so seed data can never mail a real person. */
export const SEED_EMAIL_DOMAIN = '.example';

/** Seed data must never be able to send mail to a real person. */
export function assertSafeEmails(data: SeedData): void {
  const emails = [
    ...data.persons.map((person) => person.email),
    ...data.users.map((user) => user.email),
    ...(data.systemAdmins ?? []),
    ...data.organs.flatMap((organ) => (organ.rules?.noticeExtraRecipients ?? []).map((recipient) => recipient.email)),
  ].filter((email): email is string => email !== null);
  const unsafe = emails.filter((email) => !email.endsWith(SEED_EMAIL_DOMAIN));
  if (unsafe.length > 0) {
    throw new Error(`Seed e-mail addresses must end with ${SEED_EMAIL_DOMAIN}: ${unsafe.join(', ')}`);
  }
}

/** Meetings as a source kallelse gives them; the notice is recorded as sent on its historical day, not sent again. */
export interface MeetingsSeedData {
  agendaTemplates: { organ: string; items: { title: string; placement: 'start' | 'end' }[] }[];
  meetings: {
    organ: string;
    startsAt: string;
    endsAt: string;
    place: string;
    secretary: string;
    groupMeetings: { startTime: string; endTime: string; parties: string[]; room: string }[];
    /** Keys of the matters (in the -matters.json file), in agenda order after the template's start items. */
    matters: string[];
    notice: { finalizedAt: string; dispatchedAt: string } | null;
  }[];
  /**
   * Meetings placed relative to the day the seed runs (the first of the organ's weekdays, not a holiday,
   * `weeksAhead` weeks on), with the notice finalized and waiting for its send time: what a newcomer
   * prepares next. Seeded once: one whose first matter is already on an agenda is not added again.
   */
  upcomingMeetings?: (UpcomingMeetingRule & {
    organ: string;
    place: string;
    secretary: string;
    groupMeetings: { startTime: string; endTime: string; parties: string[]; room: string }[];
    /** Keys of matters with signed tjänsteskrivelser, in agenda order after the template's start items. */
    matters: string[];
  })[];
}

export interface GoalsSeedData {
  /** Paths, relative to seeds/data, of framework files in the import format. */
  frameworks: string[];
  /** Matters (by their key in -matters.json) that report on a framework: linked, with their goal reports generated before the tjänsteskrivelse is signed. */
  matterLinks: {
    matter: string;
    framework: string;
    reportKind: 'plan' | 'follow_up' | 'interim_report' | 'annual_report';
    /** Link every node at this level. */
    nodesAtLevel: string | null;
    /** And every indicator measuring those nodes or the nodes under them. */
    indicatorsOfThoseNodes: boolean;
    activityPlans: string[];
    /** The date the generated reports carry. */
    reportsDated: string;
  }[];
}
