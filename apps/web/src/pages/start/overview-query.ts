import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client';

export type OrganOverview = Schemas['OrganOverviewDto'];
export type ComingMeeting = Schemas['ComingMeetingDto'];

/** Everything the start page shows, in one request shaped for it. */
export const secretaryOverviewQuery = queryOptions({ queryKey: ['secretary-overview'], queryFn: () => call(api.GET('/api/v1/secretary-overview')) });

/** Asked only by those who serve an organ. */
export function useSecretaryOverview(enabled: boolean) {
  return useQuery({ ...secretaryOverviewQuery, enabled });
}
