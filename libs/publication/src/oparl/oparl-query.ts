import { InvalidInputError } from '@namndrum/core';
import { DateTime } from 'luxon';

/** The OParl list filters (OParl 1.1, 2.5.3): on the objects' `created` and `modified` times. */
export const OPARL_FILTERS = ['created_since', 'created_until', 'modified_since', 'modified_until'] as const;
export type OparlFilterName = (typeof OPARL_FILTERS)[number];

/** Objects per page of every list. */
export const OPARL_PAGE_SIZE = 100;

const MAX_PAGE = 1_000_000;

export interface OparlListQuery {
  page: number;
  /** The filters as instants, for the query. */
  filters: Partial<Record<OparlFilterName, Date>>;
  /** The filters as the client wrote them, kept in every link of the list. */
  raw: Partial<Record<OparlFilterName, string>>;
}

/**
 * Reads `page` and the four filters of a list request. A filter is an ISO 8601 date-time (with or
 * without offset; without, it is Swedish time) or a date (midnight, Swedish time); anything else is
 * refused with 400 naming the parameter, in the repository's error shape. Other parameters are ignored.
 */
export function parseListQuery(query: Record<string, unknown>): OparlListQuery {
  const details: { field: string; messages: string[] }[] = [];
  const filters: OparlListQuery['filters'] = {};
  const raw: OparlListQuery['raw'] = {};
  for (const name of OPARL_FILTERS) {
    const value = query[name];
    if (value === undefined) continue;
    const instant = typeof value === 'string' ? parseInstant(value) : null;
    if (!instant) {
      details.push({ field: name, messages: [`${name} måste vara en tidpunkt enligt ISO 8601, t.ex. 2024-01-31T12:00:00+01:00`] });
      continue;
    }
    filters[name] = instant;
    raw[name] = value as string;
  }
  let page = 1;
  if (query.page !== undefined) {
    page = typeof query.page === 'string' && /^\d{1,7}$/.test(query.page) ? Number(query.page) : NaN;
    if (!(page >= 1 && page <= MAX_PAGE)) details.push({ field: 'page', messages: [`page måste vara ett heltal från 1 till ${MAX_PAGE}`] });
  }
  if (details.length > 0) throw new InvalidInputError('INVALID_QUERY', `Ogiltiga uppgifter i parametrarna: ${details.map((detail) => detail.field).join(', ')}`, details);
  return { page, filters, raw };
}

function parseInstant(value: string): Date | null {
  if (value.length > 64) return null;
  const parsed = DateTime.fromISO(value, { zone: 'Europe/Stockholm', setZone: true });
  return parsed.isValid ? parsed.toJSDate() : null;
}

export interface OparlPagination {
  totalElements: number;
  elementsPerPage: number;
  currentPage: number;
  totalPages: number;
}

export interface OparlLinks {
  first: string;
  prev?: string;
  next?: string;
  last: string;
}

/** The pagination and links of one page of a list at `listUrl` (absolute, without query), keeping the filters in every link. */
export function pageLinks(listUrl: string, query: OparlListQuery, totalElements: number, pageSize = OPARL_PAGE_SIZE): { pagination: OparlPagination; links: OparlLinks } {
  const totalPages = Math.max(1, Math.ceil(totalElements / pageSize));
  const link = (page: number) => {
    const params = new URLSearchParams();
    for (const name of OPARL_FILTERS) if (query.raw[name] !== undefined) params.set(name, query.raw[name]!);
    if (page > 1) params.set('page', String(page));
    const search = params.toString();
    return search ? `${listUrl}?${search}` : listUrl;
  };
  const links: OparlLinks = { first: link(1), last: link(totalPages) };
  if (query.page > 1) links.prev = link(Math.min(query.page - 1, totalPages));
  if (query.page < totalPages) links.next = link(query.page + 1);
  return { pagination: { totalElements, elementsPerPage: pageSize, currentPage: query.page, totalPages }, links };
}

/** An instant as OParl writes it: ISO 8601 with the Swedish offset, e.g. 2023-01-11T14:00:00+01:00. */
export function oparlDateTime(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: 'Europe/Stockholm' }).toISO({ suppressMilliseconds: true })!;
}

/** The calendar date (Swedish time) of an instant, YYYY-MM-DD. */
export function oparlDate(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: 'Europe/Stockholm' }).toISODate()!;
}
