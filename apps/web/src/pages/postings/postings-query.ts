import { useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client';

export type Posting = Schemas['PostingDto'];
type PostingStatus = Posting['status'];

/** Postings that are up or coming up are few (three weeks each); of those taken down, the latest few. */
const PAGE_SIZES: Record<PostingStatus, number> = { up: 200, scheduled: 200, down: 10 };

export function usePostings(status: PostingStatus) {
  return useQuery({
    queryKey: ['postings', { status }],
    queryFn: () => call(api.GET('/api/v1/postings', { params: { query: { status, pageSize: PAGE_SIZES[status] } } })),
  });
}

/** The municipality's code names its public notice board (/anslagstavla/<code>). */
export function useMunicipality(municipalityId: string | null) {
  return useQuery({
    queryKey: ['municipality', municipalityId],
    queryFn: () => call(api.GET('/api/v1/municipalities/{id}', { params: { path: { id: municipalityId as string } } })),
    enabled: municipalityId !== null,
  });
}
