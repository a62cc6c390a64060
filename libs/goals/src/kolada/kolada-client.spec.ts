import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fetchKoladaValues, KoladaError, type KoladaValue } from './kolada-client';

const PATH = '/v3/data/kpi/N15419/municipality/2085/year/2018,2019,2020,2021,2022';
const YEARS = [2018, 2019, 2020, 2021, 2022];
const PAGE_1 = 'N15419-2085-2018-2022.page-1.json';
const PAGE_2 = 'N15419-2085-2018-2022.page-2.json';

type Route = { status?: number; body?: string; headers?: Record<string, string> } | 'hang';

let server: Server;
let baseUrl: string;
const routes = new Map<string, Route>();
const requests: { url: string; accept: string | undefined }[] = [];

/** A recorded response, with Kolada's own links pointed at the local server so paging stays local. */
function recording(name: string): string {
  return readFileSync(join(__dirname, 'testing', 'recorded', name), 'utf8').replaceAll('https://api.kolada.se', baseUrl);
}

function json(body: string): Route {
  return { status: 200, body, headers: { 'content-type': 'application/json; charset=utf-8' } };
}

function serveTwoPages(): void {
  routes.set(PATH, json(recording(PAGE_1)));
  routes.set(`${PATH}?page=2`, json(recording(PAGE_2)));
}

/** Page 1 of the recording with its next_page replaced. */
function page1With(nextPage: string | null): string {
  return JSON.stringify({ ...JSON.parse(recording(PAGE_1)), next_page: nextPage });
}

function fetchN15419(extra: Partial<Parameters<typeof fetchKoladaValues>[0]> = {}): Promise<KoladaValue[]> {
  return fetchKoladaValues({ baseUrl, kpi: 'N15419', municipalityId: '2085', years: YEARS, ...extra });
}

/** The error a promise rejects with; fails the test if it resolves. */
async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('väntade ett fel, men anropet lyckades');
}

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    requests.push({ url: req.url ?? '', accept: req.headers.accept });
    const route = routes.get(req.url ?? '');
    if (route === 'hang') return; // never answers: for the timeout
    if (route === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
      return;
    }
    res.writeHead(route.status ?? 200, route.headers ?? {}).end(route.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections(); // the hanging request of the timeout test would otherwise keep the server open
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
});

beforeEach(() => {
  routes.clear();
  requests.length = 0;
});

describe('fetchKoladaValues', () => {
  it('follows next_page and returns the total of every year, sorted by year', async () => {
    serveTwoPages();

    const values = await fetchN15419();

    expect(values).toEqual([
      { kpi: 'N15419', municipalityId: '2085', year: 2018, value: 80.9, status: null },
      { kpi: 'N15419', municipalityId: '2085', year: 2019, value: 82.6, status: null },
      { kpi: 'N15419', municipalityId: '2085', year: 2020, value: null, status: 'Missing' },
      { kpi: 'N15419', municipalityId: '2085', year: 2021, value: 83.5, status: null },
      { kpi: 'N15419', municipalityId: '2085', year: 2022, value: 78.8, status: null },
    ]);
    expect(requests.map((r) => r.url)).toEqual([PATH, `${PATH}?page=2`]);
  });

  it('asks for exactly the documented path, whatever the order of the years given', async () => {
    serveTwoPages();

    await fetchN15419({ years: [2022, 2020, 2018, 2019, 2021, 2020] });

    expect(requests[0]).toEqual({ url: PATH, accept: 'application/json' });
  });

  it('keeps a missing value as null, with its status', async () => {
    serveTwoPages();

    const values = await fetchN15419();

    expect(values.find((v) => v.year === 2020)).toEqual({ kpi: 'N15419', municipalityId: '2085', year: 2020, value: null, status: 'Missing' });
  });

  it('skips a period without a total rather than using a gender value', async () => {
    routes.set('/v3/data/kpi/N15419/municipality/2085/year/2021,2022', json(recording('N15419-2085-2021-2022.without-total.json')));

    const values = await fetchN15419({ years: [2021, 2022] });

    expect(values).toEqual([{ kpi: 'N15419', municipalityId: '2085', year: 2022, value: 78.8, status: null }]);
  });

  it('leaves out entries it did not ask for', async () => {
    const page = JSON.parse(recording(PAGE_2));
    page.values.push({ ...page.values[0], municipality: '2080' }, { ...page.values[0], kpi: 'N15420' }, { ...page.values[0], period: 2017 });
    routes.set(PATH, json(JSON.stringify(page)));

    const values = await fetchN15419();

    expect(values.map((v) => [v.municipalityId, v.kpi, v.year])).toEqual([
      ['2085', 'N15419', 2021],
      ['2085', 'N15419', 2022],
    ]);
  });

  it('uses https://api.kolada.se by default', async () => {
    const asked: string[] = [];
    const fetchImpl = (async (input: string | URL | Request) => {
      asked.push(String(input));
      return new Response(JSON.stringify({ values: [], count: 0 }), { status: 200 });
    }) as typeof fetch;

    await fetchKoladaValues({ kpi: 'U12345', municipalityId: '0180', years: [2023], fetchImpl });

    expect(asked).toEqual(['https://api.kolada.se/v3/data/kpi/U12345/municipality/0180/year/2023']);
  });

  it.each([500, 404, 429])('turns status %i into a KoladaError with that status', async (status) => {
    routes.set(PATH, { status, body: 'fel' });

    const error = await failure(fetchN15419());

    expect(error).toBeInstanceOf(KoladaError);
    expect(error).toMatchObject({ name: 'KoladaError', status, message: `Kolada svarade med status ${status} för ${PATH}.` });
  });

  it('does not follow a redirect, which could lead to any host', async () => {
    routes.set(PATH, { status: 302, headers: { location: 'https://evil.example/v3/data' } });

    const error = await failure(fetchN15419());

    expect(error).toBeInstanceOf(KoladaError);
    expect(error).toMatchObject({ status: 302 });
    expect(requests).toHaveLength(1);
  });

  it('turns invalid JSON into a KoladaError', async () => {
    routes.set(PATH, { status: 200, body: '<html><body>Bad Gateway</body></html>', headers: { 'content-type': 'text/html' } });

    const error = await failure(fetchN15419());

    expect(error).toBeInstanceOf(KoladaError);
    expect(error.message).toBe('Kolada svarade inte med giltig JSON.');
    expect((error as KoladaError).status).toBeUndefined();
  });

  it.each([
    ['an array', '[]'],
    ['no values', '{"count": 0}'],
    ['values not a list', '{"values": {}}'],
    ['a period as text', '{"values": [{"kpi": "N15419", "municipality": "2085", "period": "2021", "values": []}]}'],
    ['no gender list', '{"values": [{"kpi": "N15419", "municipality": "2085", "period": 2021}]}'],
    ['a value as text', '{"values": [{"kpi": "N15419", "municipality": "2085", "period": 2021, "values": [{"gender": "T", "value": "83,5", "status": ""}]}]}'],
    ['a status as number', '{"values": [{"kpi": "N15419", "municipality": "2085", "period": 2021, "values": [{"gender": "T", "value": 1, "status": 0}]}]}'],
    ['next_page as number', '{"values": [], "next_page": 2}'],
  ])('turns an unexpected shape (%s) into a KoladaError', async (_, body) => {
    routes.set(PATH, json(body));

    const error = await failure(fetchN15419());

    expect(error).toBeInstanceOf(KoladaError);
    expect(error.message).toMatch(/^Kolada svarade med ett oväntat format: /);
  });

  it('refuses conflicting values for the same year', async () => {
    const page = JSON.parse(recording(PAGE_2));
    page.values.push({ ...page.values[0], values: [{ gender: 'T', value: 1, count: 1, status: '' }] });
    routes.set(PATH, json(JSON.stringify(page)));

    const error = await failure(fetchN15419());

    expect(error).toBeInstanceOf(KoladaError);
    expect(error.message).toContain('motstridiga värden');
  });

  it.each([
    ['another host', 'https://evil.example/v3/data/kpi/N15419/municipality/2085/year/2018,2019,2020,2021,2022?page=2'],
    ['another port on the same host', `http://127.0.0.1:1${PATH}?page=2`],
    ['another scheme', `https://127.0.0.1${PATH}?page=2`],
    ['protocol-relative to another host', `//evil.example${PATH}?page=2`],
  ])('refuses a next_page on %s', async (_, nextPage) => {
    routes.set(PATH, json(page1With(nextPage)));
    routes.set(`${PATH}?page=2`, json(recording(PAGE_2)));

    const error = await failure(fetchN15419());

    expect(error).toBeInstanceOf(KoladaError);
    expect(error.message).toContain('på en annan värd');
    expect(requests).toHaveLength(1);
  });

  it('follows a relative next_page on the same server', async () => {
    routes.set(PATH, json(page1With(`${PATH}?page=2`)));
    routes.set(`${PATH}?page=2`, json(recording(PAGE_2)));

    expect(await fetchN15419()).toHaveLength(5);
    expect(requests.map((r) => r.url)).toEqual([PATH, `${PATH}?page=2`]);
  });

  it('stops after maxPages pages instead of returning part of the data', async () => {
    serveTwoPages();

    const error = await failure(fetchN15419({ maxPages: 1 }));

    expect(error).toBeInstanceOf(KoladaError);
    expect(error.message).toContain('fler än 1 sidor');
    expect(requests).toHaveLength(1);

    requests.length = 0;
    expect(await fetchN15419({ maxPages: 2 })).toHaveLength(5);
    expect(requests).toHaveLength(2);
  });

  it('stops a next_page that points back at itself after 50 pages by default', async () => {
    routes.set(PATH, json(page1With(`${baseUrl}${PATH}`)));

    const error = await failure(fetchN15419());

    expect(error).toBeInstanceOf(KoladaError);
    expect(error.message).toContain('fler än 50 sidor');
    expect(requests).toHaveLength(50);
  });

  it('gives up with a KoladaError when Kolada does not answer in time', async () => {
    routes.set(PATH, 'hang');

    const started = Date.now();
    const error = await failure(fetchN15419({ timeoutMs: 200 }));

    expect(error).toBeInstanceOf(KoladaError);
    expect(error.message).toBe('Kolada svarade inte inom 200 ms.');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('keeps the deadline even with a fetchImpl that ignores the abort signal', async () => {
    const fetchImpl = (() => new Promise<Response>(() => undefined)) as typeof fetch;

    const error = await failure(fetchN15419({ fetchImpl, timeoutMs: 50 }));

    expect(error).toBeInstanceOf(KoladaError);
    expect(error.message).toBe('Kolada svarade inte inom 50 ms.');
  });

  it('turns a network failure into a KoladaError that keeps the cause', async () => {
    const cause = new TypeError('fetch failed');
    const fetchImpl = (() => Promise.reject(cause)) as typeof fetch;

    const error = await failure(fetchN15419({ fetchImpl }));

    expect(error).toBeInstanceOf(KoladaError);
    expect(error.message).toMatch(/^Kunde inte nå Kolada/);
    expect(error.cause).toBe(cause);
  });

  it.each<[string, Partial<Parameters<typeof fetchKoladaValues>[0]>, RegExp]>([
    ['a lower-case KPI', { kpi: 'n15419' }, /^Ogiltigt KPI-id "n15419"/],
    ['a short KPI', { kpi: 'N1541' }, /^Ogiltigt KPI-id/],
    ['a KPI with a trailing space', { kpi: 'N15419 ' }, /^Ogiltigt KPI-id/],
    ['a KPI that would change the path', { kpi: 'N15419/../x' }, /^Ogiltigt KPI-id/],
    ['a three-digit municipality', { municipalityId: '208' }, /^Ogiltig kommunkod "208"/],
    ['a five-digit municipality', { municipalityId: '20850' }, /^Ogiltig kommunkod/],
    ['a municipality as number', { municipalityId: 2085 as unknown as string }, /^Ogiltig kommunkod/],
    ['no years', { years: [] }, /^Minst ett år måste anges\.$/],
    ['a fractional year', { years: [2020.5] }, /^Ogiltigt år 2020\.5/],
    ['NaN as year', { years: [2020, Number.NaN] }, /^Ogiltigt år NaN/],
    ['a two-digit year', { years: [21] }, /^Ogiltigt år 21/],
    ['a zero maxPages', { maxPages: 0 }, /^Ogiltigt största antal sidor 0/],
    ['a negative timeout', { timeoutMs: -1 }, /^Ogiltig tidsgräns -1/],
    ['a baseUrl that is no URL', { baseUrl: 'api.kolada.se' }, /^Ogiltig adress till Kolada/],
    ['a baseUrl that is not http', { baseUrl: 'file:///etc/passwd' }, /^Ogiltig adress till Kolada/],
  ])('refuses %s with a RangeError before asking Kolada', async (_, options, message) => {
    serveTwoPages();

    const error = await failure(fetchN15419(options));

    expect(error).toBeInstanceOf(RangeError);
    expect(error.message).toMatch(message);
    expect(requests).toHaveLength(0);
  });
});
