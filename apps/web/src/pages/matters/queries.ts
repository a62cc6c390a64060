import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';

export const DIARIUM_OPTIONS_KEY = ['matters', 'diarium-options'] as const;

export function matterOverviewKey(matterId: string) {
  return ['matter', matterId, 'overview'] as const;
}

/** Registries, organs, departments and handläggare by name: the diarium's filters and the registration's choices. */
export function useDiariumOptions() {
  return useQuery({
    queryKey: DIARIUM_OPTIONS_KEY,
    queryFn: () => call(api.GET('/api/v1/matters/diarium-options')),
    staleTime: 5 * 60_000,
  });
}

export function useMatterOverview(matterId: string) {
  return useQuery({
    queryKey: matterOverviewKey(matterId),
    queryFn: () => call(api.GET('/api/v1/matters/{id}/overview', { params: { path: { id: matterId } } })),
  });
}
