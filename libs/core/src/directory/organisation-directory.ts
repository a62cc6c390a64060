import { RequestContext } from '../context/request-context';

/**
 * What identity needs to know of the organisation register, provided by the organisation context.
 * Declared here so identity depends only on core.
 */
export interface OrganisationDirectory {
  organExists(ctx: RequestContext, organId: string): Promise<boolean>;
  departmentExists(ctx: RequestContext, departmentId: string): Promise<boolean>;
  personExists(ctx: RequestContext, personId: string): Promise<boolean>;
  /** The person's seats on the date, from which the member and chair roles follow. */
  currentSeats(ctx: RequestContext, personId: string, date: string): Promise<{ organId: string; organShortName: string; role: 'member' | 'substitute'; position: string }[]>;
}

export const ORGANISATION_DIRECTORY = Symbol('ORGANISATION_DIRECTORY');
