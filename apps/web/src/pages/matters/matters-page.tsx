import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { api, call } from '../../api/client';
import { Page } from '../../components/page';
import { ErrorNotice, LoadingNotice } from '../../components/status';
import { MatterFilters, type MatterFilterValues } from './matter-filters';
import { MattersTable } from './matters-table';
import { MattersPager } from './matters-pager';
import { useDiariumOptions } from './queries';
import { RegisterMatterDialog } from './register-matter-dialog';
import { MATTER_STATUSES, type MatterStatus } from './labels';

const PAGE_SIZE = 25;

/** The filters as they stand in the address (`?q=skola&status=registered&sida=2`), so that a reload or a shared link shows the same list. */
const URL_NAMES: Record<keyof MatterFilterValues, string> = {
  q: 'q',
  status: 'status',
  registryId: 'diarium',
  organId: 'organ',
  departmentId: 'forvaltning',
  caseOfficerId: 'handlaggare',
  year: 'ar',
};

function filtersFrom(params: URLSearchParams): MatterFilterValues {
  const read = (name: keyof MatterFilterValues) => params.get(URL_NAMES[name]) ?? '';
  return { q: read('q'), status: read('status'), registryId: read('registryId'), organId: read('organId'), departmentId: read('departmentId'), caseOfficerId: read('caseOfficerId'), year: read('year') };
}

function pageFrom(params: URLSearchParams): number {
  const page = Number(params.get('sida'));
  return Number.isInteger(page) && page > 1 ? page : 1;
}

/** Diariet: the matters the reader may see, searched in Swedish and filtered as the API allows, a page at a time. */
export function MattersPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = filtersFrom(searchParams);
  const page = pageFrom(searchParams);
  const options = useDiariumOptions();
  const status = MATTER_STATUSES.includes(filters.status as MatterStatus) ? (filters.status as MatterStatus) : undefined;
  const query = {
    q: filters.q || undefined,
    status,
    registryId: filters.registryId || undefined,
    organId: filters.organId || undefined,
    departmentId: filters.departmentId || undefined,
    caseOfficerId: filters.caseOfficerId || undefined,
    year: filters.year ? Number(filters.year) : undefined,
    page,
    pageSize: PAGE_SIZE,
  };
  const matters = useQuery({
    queryKey: ['matters', query],
    queryFn: () => call(api.GET('/api/v1/matters', { params: { query } })),
    placeholderData: keepPreviousData,
  });

  const applyFilters = (next: MatterFilterValues) => {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(next) as [keyof MatterFilterValues, string][]) {
      if (value.trim()) params.set(URL_NAMES[name], value.trim());
    }
    setSearchParams(params);
  };
  const goToPage = (next: number) =>
    setSearchParams((params) => {
      const copy = new URLSearchParams(params);
      if (next > 1) copy.set('sida', String(next));
      else copy.delete('sida');
      return copy;
    });

  return (
    <Page
      title="Diarium"
      subtitle="Ärenden, sökbara på svenska i rubriker, beskrivningar, tjänsteskrivelser och handlingar"
      ready={matters.isSuccess && options.isSuccess && !matters.isPlaceholderData}
      actions={options.data?.mayRegister ? <RegisterMatterDialog options={options.data} /> : null}
    >
      {options.isError ? <ErrorNotice error={options.error} /> : null}
      <MatterFilters values={filters} options={options.data} error={matters.error} onApply={applyFilters} />
      <section aria-labelledby="matters-result-heading">
        <h2 id="matters-result-heading">Ärenden</h2>
        {matters.isPending ? <LoadingNotice label="Hämtar ärenden" /> : null}
        {matters.isError ? <ErrorNotice error={matters.error} /> : null}
        {matters.data ? (
          <>
            <p role="status" className="matters-count">
              {resultCount(matters.data.total, Boolean(matters.data.totalIsLowerBound))}
            </p>
            {matters.data.items.length > 0 ? <MattersTable matters={matters.data.items} options={options.data} /> : null}
            <MattersPager page={matters.data.page} pageSize={matters.data.pageSize} total={matters.data.total} totalIsLowerBound={Boolean(matters.data.totalIsLowerBound)} onPage={goToPage} />
          </>
        ) : null}
      </section>
    </Page>
  );
}

function resultCount(total: number, lowerBound: boolean): string {
  if (total === 0) return 'Inga ärenden matchar.';
  if (lowerBound) return `Fler än ${total} ärenden matchar; de nyaste visas först.`;
  return total === 1 ? '1 ärende' : `${total} ärenden`;
}
