import { queryOptions } from '@tanstack/react-query';
import { api, call } from '../../api/client';

/** What the meeting page shows first (the meeting and its agenda tab), asked for by the page and by its route ahead of it. */
export const meetingQueryKey = (meetingId: string) => ['meeting', meetingId] as const;
export const agendaQueryKey = (meetingId: string) => ['agenda', meetingId] as const;
export const noticesQueryKey = (meetingId: string) => ['notices', meetingId] as const;

export const meetingQuery = (meetingId: string) =>
  queryOptions({ queryKey: meetingQueryKey(meetingId), queryFn: () => call(api.GET('/api/v1/meetings/{id}', { params: { path: { id: meetingId } } })) });

export const agendaQuery = (meetingId: string) =>
  queryOptions({ queryKey: agendaQueryKey(meetingId), queryFn: () => call(api.GET('/api/v1/meetings/{id}/agenda-items', { params: { path: { id: meetingId } } })) });

export const noticesQuery = (meetingId: string) =>
  queryOptions({ queryKey: noticesQueryKey(meetingId), queryFn: () => call(api.GET('/api/v1/meetings/{id}/notices', { params: { path: { id: meetingId } } })) });
