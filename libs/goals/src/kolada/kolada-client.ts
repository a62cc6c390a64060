/**
 * A small client for Kolada's public API (v3): the actual values of one KPI for one municipality over
 * a set of years. Pure — no Nest, no database — so the import that uses it can be tested on its own and
 * the client against a local HTTP server.
 */

export const KOLADA_DEFAULT_BASE_URL = 'https://api.kolada.se';
export const KOLADA_DEFAULT_TIMEOUT_MS = 15_000;
export const KOLADA_DEFAULT_MAX_PAGES = 50;

/** One actual value: the total (gender "T") of a KPI for a municipality and year. */
export interface KoladaValue {
  kpi: string;
  municipalityId: string;
  year: number;
  /** null when Kolada has no value for the year; `status` then usually says why ("Missing"). */
  value: number | null;
  /** Kolada's status flag; null when Kolada gives none (an empty string in the API). */
  status: string | null;
}

export interface FetchKoladaValuesOptions {
  /** Defaults to https://api.kolada.se; tests point it at a local server. */
  baseUrl?: string;
  /** KPI id, e.g. "N15419" or "U12345". */
  kpi: string;
  /** Four-digit municipality code, e.g. "2085". */
  municipalityId: string;
  years: number[];
  /** Defaults to the global fetch. */
  fetchImpl?: typeof fetch;
  /** Deadline for the whole call, all pages included. Defaults to 15 000 ms. */
  timeoutMs?: number;
  /** Most pages to follow before giving up. Defaults to 50. */
  maxPages?: number;
}

export class KoladaError extends Error {
  constructor(
    message: string,
    /** The HTTP status, when Kolada answered with a non-2xx status. */
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'KoladaError';
  }
}

const KPI_PATTERN = /^[A-Z]\d{5}$/;
const MUNICIPALITY_PATTERN = /^\d{4}$/;
const TOTAL_GENDER = 'T';

/**
 * Fetches the values of `kpi` for `municipalityId` and `years`, following Kolada's paging, and returns
 * one value per year Kolada has a total for, sorted by year.
 */
export async function fetchKoladaValues(options: FetchKoladaValuesOptions): Promise<KoladaValue[]> {
  const { kpi, municipalityId } = options;
  const base = parseBaseUrl(options.baseUrl ?? KOLADA_DEFAULT_BASE_URL);
  if (typeof kpi !== 'string' || !KPI_PATTERN.test(kpi)) {
    throw new RangeError(`Ogiltigt KPI-id ${JSON.stringify(kpi)}: en stor bokstav och fem siffror väntades, t.ex. N15419.`);
  }
  if (typeof municipalityId !== 'string' || !MUNICIPALITY_PATTERN.test(municipalityId)) {
    throw new RangeError(`Ogiltig kommunkod ${JSON.stringify(municipalityId)}: fyra siffror väntades, t.ex. 2085.`);
  }
  const years = normaliseYears(options.years);
  const timeoutMs = options.timeoutMs ?? KOLADA_DEFAULT_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new RangeError(`Ogiltig tidsgräns ${String(timeoutMs)}: ett positivt antal millisekunder väntades.`);
  }
  const maxPages = options.maxPages ?? KOLADA_DEFAULT_MAX_PAGES;
  if (!Number.isSafeInteger(maxPages) || maxPages < 1) {
    throw new RangeError(`Ogiltigt största antal sidor ${String(maxPages)}: ett positivt heltal väntades.`);
  }
  // Read at call time, not import time, so a fetch installed later (or stubbed) is the one used.
  const fetchImpl = options.fetchImpl ?? globalThis.fetch;

  const deadline = new Deadline(timeoutMs);
  try {
    // The base path is kept (minus trailing slashes) so a proxy mounted under a path also works.
    const firstUrl = new URL(
      `${base.pathname.replace(/\/+$/, '')}/v3/data/kpi/${kpi}/municipality/${municipalityId}/year/${years.join(',')}`,
      base,
    );
    const wantedYears = new Set(years);
    const byYear = new Map<number, KoladaValue>();
    let url: URL | null = firstUrl;
    for (let page = 1; url !== null; page++) {
      if (page > maxPages) {
        throw new KoladaError(`Kolada svarade med fler än ${maxPages} sidor för ${kpi} i kommun ${municipalityId}; hämtningen avbröts.`);
      }
      const body = await fetchPage(url, fetchImpl, deadline);
      for (const entry of body.values) {
        // Kolada answers only what was asked for, but anything else would be a wrong value for the caller.
        if (entry.kpi !== kpi || entry.municipality !== municipalityId || !wantedYears.has(entry.period)) continue;
        const total = entry.values.find((v) => v.gender === TOTAL_GENDER);
        // A KPI reported only by gender has no total; a K or M value must not stand in for it.
        if (total === undefined) continue;
        const value: KoladaValue = {
          kpi,
          municipalityId,
          year: entry.period,
          value: total.value,
          status: total.status === undefined || total.status === null || total.status === '' ? null : total.status,
        };
        const earlier = byYear.get(value.year);
        // The same period twice is tolerable only if it says the same thing; otherwise we cannot tell which is right.
        if (earlier !== undefined && (earlier.value !== value.value || earlier.status !== value.status)) {
          throw new KoladaError(`Kolada gav motstridiga värden för ${kpi} i kommun ${municipalityId} år ${value.year}.`);
        }
        byYear.set(value.year, value);
      }
      url = body.next_page === undefined || body.next_page === null ? null : nextPageUrl(body.next_page, url, base);
    }
    return [...byYear.values()].sort((a, b) => a.year - b.year);
  } finally {
    deadline.clear();
  }
}

function parseBaseUrl(baseUrl: string): URL {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new RangeError(`Ogiltig adress till Kolada ${JSON.stringify(baseUrl)}.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new RangeError(`Ogiltig adress till Kolada ${JSON.stringify(baseUrl)}: http eller https väntades.`);
  }
  return url;
}

function normaliseYears(years: number[]): number[] {
  if (!Array.isArray(years) || years.length === 0) {
    throw new RangeError('Minst ett år måste anges.');
  }
  for (const year of years) {
    // Kolada's periods are four-digit years; anything else would only produce an odd URL and an empty answer.
    if (!Number.isSafeInteger(year) || year < 1000 || year > 9999) {
      throw new RangeError(`Ogiltigt år ${String(year)}: ett fyrsiffrigt heltal väntades.`);
    }
  }
  // Sorted and without duplicates so the same question always gives the same URL (and cache key).
  return [...new Set(years)].sort((a, b) => a - b);
}

/**
 * Follows Kolada's own link, but only to the origin we were told to use: the link comes from the
 * response, and following it elsewhere would let whoever controls a response make us call any host.
 */
function nextPageUrl(nextPage: string, current: URL, base: URL): URL {
  let next: URL;
  try {
    next = new URL(nextPage, current);
  } catch {
    throw new KoladaError(`Kolada gav en ogiltig länk till nästa sida: ${JSON.stringify(nextPage)}.`);
  }
  if (next.origin !== base.origin) {
    throw new KoladaError(`Kolada hänvisade till nästa sida på en annan värd (${next.origin}) än ${base.origin}; länken följdes inte.`);
  }
  return next;
}

interface KoladaPage {
  values: { kpi: string; municipality: string; period: number; values: { gender: string; value: number | null; status?: string | null }[] }[];
  next_page?: string | null;
}

async function fetchPage(url: URL, fetchImpl: typeof fetch, deadline: Deadline): Promise<KoladaPage> {
  let response: Response;
  try {
    // Redirects are not followed: fetch would follow them to any host and bypass the check on next_page.
    response = await deadline.race(fetchImpl(url, { headers: { accept: 'application/json' }, redirect: 'manual', signal: deadline.signal }));
  } catch (error) {
    if (deadline.expired) throw deadline.error();
    throw new KoladaError(`Kunde inte nå Kolada (${url.origin}).`, undefined, { cause: error });
  }
  if (!response.ok) {
    // Release the connection; the body of an error page is of no use to the caller.
    await response.body?.cancel().catch(() => undefined);
    if (response.status >= 300 && response.status < 400) {
      throw new KoladaError(`Kolada svarade med en omdirigering (status ${response.status}) för ${url.pathname}; den följdes inte.`, response.status);
    }
    throw new KoladaError(`Kolada svarade med status ${response.status} för ${url.pathname}.`, response.status);
  }
  let text: string;
  try {
    text = await deadline.race(response.text());
  } catch (error) {
    if (deadline.expired) throw deadline.error();
    throw new KoladaError('Kunde inte läsa svaret från Kolada.', undefined, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new KoladaError('Kolada svarade inte med giltig JSON.', undefined, { cause: error });
  }
  return checkPage(json);
}

/** Checks the parts of the response we rely on; unknown extra fields are allowed so additions to the API do not break us. */
function checkPage(json: unknown): KoladaPage {
  const unexpected = (what: string) => new KoladaError(`Kolada svarade med ett oväntat format: ${what}.`);
  if (!isObject(json)) throw unexpected('svaret är inget objekt');
  if (!Array.isArray(json.values)) throw unexpected('"values" saknas eller är ingen lista');
  const nextPage = json.next_page;
  if (nextPage !== undefined && nextPage !== null && typeof nextPage !== 'string') throw unexpected('"next_page" är ingen text');
  json.values.forEach((entry: unknown, i: number) => {
    if (!isObject(entry)) throw unexpected(`värde ${i} är inget objekt`);
    if (typeof entry.kpi !== 'string') throw unexpected(`värde ${i} saknar "kpi"`);
    if (typeof entry.municipality !== 'string') throw unexpected(`värde ${i} saknar "municipality"`);
    if (!Number.isSafeInteger(entry.period)) throw unexpected(`värde ${i} har ingen giltig "period"`);
    if (!Array.isArray(entry.values)) throw unexpected(`värde ${i} saknar listan "values"`);
    entry.values.forEach((v: unknown, j: number) => {
      if (!isObject(v) || typeof v.gender !== 'string') throw unexpected(`värde ${i}.${j} saknar "gender"`);
      if (v.value !== null && (typeof v.value !== 'number' || !Number.isFinite(v.value))) throw unexpected(`värde ${i}.${j} har inget giltigt "value"`);
      if (v.status !== undefined && v.status !== null && typeof v.status !== 'string') throw unexpected(`värde ${i}.${j} har ingen giltig "status"`);
    });
  });
  return json as unknown as KoladaPage;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * One deadline for the whole call. Besides aborting the signal, it races every await, so the timeout
 * holds even with a fetchImpl that ignores the signal.
 */
class Deadline {
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;
  private readonly expiry: Promise<never>;

  constructor(private readonly timeoutMs: number) {
    let reject!: (reason: unknown) => void;
    this.expiry = new Promise<never>((_, rejectExpiry) => {
      reject = rejectExpiry;
    });
    // Nobody may be racing when it fires (e.g. between pages); that must not be an unhandled rejection.
    this.expiry.catch(() => undefined);
    this.timer = setTimeout(() => {
      this.controller.abort();
      reject(this.error());
    }, timeoutMs);
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get expired(): boolean {
    return this.controller.signal.aborted;
  }

  error(): KoladaError {
    return new KoladaError(`Kolada svarade inte inom ${this.timeoutMs} ms.`);
  }

  race<T>(promise: Promise<T>): Promise<T> {
    return Promise.race([promise, this.expiry]);
  }

  clear(): void {
    clearTimeout(this.timer);
  }
}
