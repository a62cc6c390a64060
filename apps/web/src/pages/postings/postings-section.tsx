import type { UseQueryResult } from '@tanstack/react-query';
import { ErrorNotice, LoadingNotice } from '../../components/status';
import type { Posting } from './postings-query';
import { PostingsTable } from './postings-table';

interface PostingsSectionProps {
  id: string;
  title: string;
  empty: string;
  query: UseQueryResult<{ items: Posting[] }>;
  order: (a: Posting, b: Posting) => number;
}

/** One part of the notice board, in the order that matters for it. */
export function PostingsSection({ id, title, empty, query, order }: PostingsSectionProps) {
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {query.isPending ? <LoadingNotice /> : null}
      {query.isError ? <ErrorNotice error={query.error} /> : null}
      {query.data && query.data.items.length === 0 ? <p>{empty}</p> : null}
      {query.data && query.data.items.length > 0 ? <PostingsTable caption={title} postings={[...query.data.items].sort(order)} /> : null}
    </section>
  );
}
