import { absoluteUrl, publicPaths } from '../public-urls';
import { oparlDate, oparlDateTime } from './oparl-query';

export const OPARL_SCHEMA = 'https://schema.oparl.org/1.1/';

/** The OParl lists under a body, by the path segment of their URL. */
export const OPARL_LISTS = ['organization', 'person', 'membership', 'meeting', 'agendaItem', 'paper', 'consultation', 'location', 'legislativeTerm', 'file'] as const;
export type OparlList = (typeof OPARL_LISTS)[number];

/** The OParl type of the objects of each list. */
export const OPARL_TYPES: Record<OparlList, string> = {
  organization: 'Organization',
  person: 'Person',
  membership: 'Membership',
  meeting: 'Meeting',
  agendaItem: 'AgendaItem',
  paper: 'Paper',
  consultation: 'Consultation',
  location: 'Location',
  legislativeTerm: 'LegislativeTerm',
  file: 'File',
};

export type OparlObject = Record<string, unknown> & { id: string; type: string };

/** The whole URLs of one municipality's OParl objects and of the public pages they point to (`web`). */
export class OparlUrls {
  constructor(
    readonly baseUrl: string,
    readonly code: string,
  ) {}

  system(): string {
    return absoluteUrl(this.baseUrl, publicPaths.oparlSystem());
  }

  bodies(): string {
    return absoluteUrl(this.baseUrl, publicPaths.oparl('body'));
  }

  body(): string {
    return absoluteUrl(this.baseUrl, publicPaths.oparl('body', this.code));
  }

  list(list: OparlList): string {
    return absoluteUrl(this.baseUrl, publicPaths.oparl('body', this.code, list));
  }

  object(list: OparlList, id: string): string {
    return absoluteUrl(this.baseUrl, publicPaths.oparl('body', this.code, list, id));
  }

  /** The meetings of one organization. */
  organizationMeetings(organId: string): string {
    return absoluteUrl(this.baseUrl, publicPaths.oparl('body', this.code, 'organization', organId, 'meeting'));
  }

  page(path: string): string {
    return absoluteUrl(this.baseUrl, path);
  }
}

/** The fields every object has: id, type, created, modified. */
export function common(urls: OparlUrls, list: OparlList, row: { id: string; created_at: Date; modified: Date }): OparlObject {
  return { id: urls.object(list, row.id), type: `${OPARL_SCHEMA}${OPARL_TYPES[list]}`, created: oparlDateTime(row.created_at), modified: oparlDateTime(row.modified) };
}

/** What remains of an object the public may no longer see: that it is gone, and when it went. */
export function deletedObject(urls: OparlUrls, list: OparlList, row: { id: string; created_at: Date; modified: Date }): OparlObject {
  return { ...common(urls, list, row), deleted: true };
}

/** Swedish names of the organ kinds, as OParl's classification. */
export const ORGAN_CLASSIFICATIONS: Record<string, string> = {
  council: 'Kommunfullmäktige',
  board: 'Kommunstyrelse',
  committee: 'Nämnd',
  subcommittee: 'Utskott',
  advisory_council: 'Råd',
  drafting_group: 'Beredning',
};

const POSITION_ROLES: Record<string, string> = {
  chair: 'Ordförande',
  first_vice_chair: '1:e vice ordförande',
  second_vice_chair: '2:e vice ordförande',
};

/** A seat's role as the organ's list of members names it. */
export function membershipRole(role: string, position: string): string {
  return POSITION_ROLES[position] ?? (role === 'member' ? 'Ledamot' : 'Ersättare');
}

/** The outcome of a paragraph, as OParl's AgendaItem.result. */
export const OUTCOME_RESULTS: Record<string, string> = {
  decided: 'Beslutat',
  referred_back: 'Återremitterat',
  postponed: 'Bordlagt',
};

/** Date of a date column or instant, as OParl's date. */
export function dateOf(value: string | Date): string {
  return typeof value === 'string' ? value.slice(0, 10) : oparlDate(value);
}
