import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client';
import { agendaQuery, agendaQueryKey, meetingQueryKey, noticesQuery, noticesQueryKey } from './meeting-queries';

export type AgendaItem = Schemas['AgendaItemDto'];
export type MeetingNotice = Schemas['MeetingNoticeDto'];

export function useAgenda(meetingId: string) {
  return useQuery(agendaQuery(meetingId));
}

export function useNotices(meetingId: string) {
  return useQuery(noticesQuery(meetingId));
}

export function useAgendaTemplate(organId: string, enabled: boolean) {
  return useQuery({
    enabled,
    queryKey: ['agenda-template', organId],
    queryFn: () => call(api.GET('/api/v1/organs/{organId}/agenda-template', { params: { path: { organId } } })),
    staleTime: 5 * 60_000,
  });
}

/** Matters ready for decision, found by case number or words, to put on the agenda. */
export function useReadyMatters(search: string, enabled: boolean) {
  const q = search.trim();
  return useQuery({
    enabled,
    queryKey: ['matters', { status: 'ready_for_decision', q }],
    queryFn: () => call(api.GET('/api/v1/matters', { params: { query: { status: 'ready_for_decision', pageSize: 20, ...(q ? { q } : {}) } } })),
    placeholderData: (previous) => previous,
  });
}

/** The notice is rendered from the agenda: an agenda change can make a new notice version, so both are fetched again. */
function useAgendaInvalidation(meetingId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: agendaQueryKey(meetingId) }),
      queryClient.invalidateQueries({ queryKey: noticesQueryKey(meetingId) }),
      queryClient.invalidateQueries({ queryKey: meetingQueryKey(meetingId) }),
    ]);
}

export function useAddAgendaItem(meetingId: string) {
  const invalidate = useAgendaInvalidation(meetingId);
  return useMutation({
    mutationFn: (body: Schemas['AddAgendaItemDto']) => call(api.POST('/api/v1/meetings/{id}/agenda-items', { params: { path: { id: meetingId } }, body })),
    onSuccess: invalidate,
  });
}

export function useUpdateAgendaItem(meetingId: string) {
  const invalidate = useAgendaInvalidation(meetingId);
  return useMutation({
    mutationFn: ({ itemId, change }: { itemId: string; change: Schemas['UpdateAgendaItemDto'] }) =>
      call(api.PATCH('/api/v1/agenda-items/{id}', { params: { path: { id: itemId } }, body: change })),
    onSuccess: invalidate,
  });
}

export function useRemoveAgendaItem(meetingId: string) {
  const invalidate = useAgendaInvalidation(meetingId);
  return useMutation({
    mutationFn: (itemId: string) => call(api.DELETE('/api/v1/agenda-items/{id}', { params: { path: { id: itemId } } })),
    onSuccess: invalidate,
  });
}

/** The new order is shown at once; the API's numbering replaces it, or the old order comes back if it refuses. */
export function useReorderAgenda(meetingId: string) {
  const queryClient = useQueryClient();
  const invalidate = useAgendaInvalidation(meetingId);
  return useMutation({
    mutationFn: (items: AgendaItem[]) =>
      call(api.PUT('/api/v1/meetings/{id}/agenda-items/order', { params: { path: { id: meetingId } }, body: { itemIds: items.map((item) => item.id) } })),
    onMutate: async (items) => {
      await queryClient.cancelQueries({ queryKey: agendaQueryKey(meetingId) });
      const previous = queryClient.getQueryData<AgendaItem[]>(agendaQueryKey(meetingId));
      queryClient.setQueryData(agendaQueryKey(meetingId), items.map((item, index) => ({ ...item, position: index + 1 })));
      return { previous };
    },
    onError: (_error, _items, context) => {
      if (context?.previous) queryClient.setQueryData(agendaQueryKey(meetingId), context.previous);
    },
    onSettled: invalidate,
  });
}

export function useNoticePlan(meetingId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['notice-plan', meetingId],
    queryFn: () => call(api.GET('/api/v1/meetings/{id}/notice-plan', { params: { path: { id: meetingId } } })),
    enabled,
    staleTime: 0,
  });
}

export function useFinalizeNotice(meetingId: string) {
  const invalidate = useAgendaInvalidation(meetingId);
  return useMutation({
    mutationFn: () => call(api.POST('/api/v1/meetings/{id}/notices', { params: { path: { id: meetingId } } })),
    onSuccess: invalidate,
  });
}
