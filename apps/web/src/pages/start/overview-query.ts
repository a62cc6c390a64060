import { useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client';

export type OrganOverview = Schemas['OrganOverviewDto'];
export type ComingMeeting = Schemas['ComingMeetingDto'];

export const SECRETARY_OVERVIEW_KEY = ['secretary-overview'] as const;

/** Everything the start page shows, in one request shaped for it; asked only by those who serve an organ. */
export function useSecretaryOverview(enabled: boolean) {
  return useQuery({ queryKey: SECRETARY_OVERVIEW_KEY, queryFn: () => call(api.GET('/api/v1/secretary-overview')), enabled });
}
