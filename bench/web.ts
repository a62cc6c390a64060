/// <reference lib="dom" />
// watchUntilShown runs in the page.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { Browser, chromium } from 'playwright-core';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@namndrum/core';
import { SeedModule } from '../seeds/src/seed.module';
import { SeedService } from '../seeds/src/seed.service';
import { readSeed } from '../seeds/src/run-seed';
import { databaseUrl, listeningPort, percentile } from './harness';

const ROUNDS = Number(process.env.BENCH_ROUNDS || 10);
const SECRETARY = { email: 'rita.osterholm@ludvika.example', password: 'namndrum' };
const TARGETS = { medianMs: 1000, firstRouteJsGzipBytes: 200_000, apiRequestsPerPage: 5 };
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** BENCH_TRACE=1 prints each load's requests, from and to, beside the moment its data showed. */
const TRACE = process.env.BENCH_TRACE === '1';

interface Load {
  ms: number;
  apiRequests: number;
  jsBytes: number;
}

interface Measured {
  path: string;
  /** Seen once the page shows its data: its frame says ready and a text from the seed is on screen. */
  shows: string | null;
  signedIn: boolean;
}

/**
 * The built web app (dist/web), served by the API from dist/ as in production, over the Ludvika seed:
 * cold loads (a fresh browser profile each, no cache) of the start page and of the seed's upcoming SUN
 * meeting, each until its data is shown, beside the floor — the sign-in page, which loads the same
 * JavaScript and asks the API one question. Prints medians, the ratio to the floor, the JavaScript
 * sent (gzip) for the first route and how many API requests each page made to show itself.
 */
async function main(): Promise<void> {
  const database = `namndrum_bench_web_${Date.now().toString(36)}`;
  const admin = new Client({ connectionString: databaseUrl('postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();
  const url = databaseUrl(database);
  Object.assign(process.env, { DATABASE_URL: url, REDIS_PREFIX: `namndrum-bench-web-${Date.now().toString(36)}`, LOG_LEVEL: 'silent' });

  const migrations = new DataSource(dataSourceOptions(url));
  await migrations.initialize();
  await migrations.runMigrations({ transaction: 'each' });
  await migrations.destroy();
  const seeding = await NestFactory.createApplicationContext(SeedModule, { logger: ['error'] });
  await seeding.get(SeedService).load(readSeed('ludvika.json'), SECRETARY.password);
  await seeding.close();

  const root = join(__dirname, '..', '..');
  const server = spawn(process.execPath, ['-r', join(root, 'scripts', 'register-paths.js'), join(__dirname, '..', 'apps', 'api', 'src', 'main.js')], {
    cwd: root,
    env: { ...process.env, PORT: '0', NODE_ENV: 'production', COOKIE_SECURE: 'false', JWT_SECRET: randomBytes(32).toString('hex'), LOG_LEVEL: 'warn', WEB_DIR: join(root, 'dist', 'web') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let browser: Browser | undefined;
  try {
    const baseUrl = `http://127.0.0.1:${await listeningPort(server)}`;
    const signIn = await fetch(`${baseUrl}/api/v1/auth/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(SECRETARY) });
    if (signIn.status !== 200) throw new Error(`Sign-in answered ${signIn.status}`);
    const cookie = /namndrum_session=([^;]+)/.exec(signIn.headers.get('set-cookie') ?? '')?.[1];
    if (!cookie) throw new Error('Sign-in set no session cookie');
    const meetingId = await upcomingSunMeeting(baseUrl, cookie);

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    });
    const pages: Record<'floor' | 'start' | 'meeting', Measured> = {
      floor: { path: '/logga-in', shows: null, signedIn: false },
      start: { path: '/', shows: 'Läsårstider för läsåret 2023/2024', signedIn: true },
      meeting: { path: `/moten/${meetingId}`, shows: 'Riktlinjer för skolskjuts i Ludvika kommun', signedIn: true },
    };
    const loads: Record<keyof typeof pages, Load[]> = { floor: [], start: [], meeting: [] };
    // One warm-up of each, so that the first measured load does not pay for the server's own first request.
    for (const measured of Object.values(pages)) await coldLoad(browser, baseUrl, cookie, measured);
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const [name, measured] of Object.entries(pages) as [keyof typeof pages, Measured][]) {
        loads[name].push(await coldLoad(browser, baseUrl, cookie, measured));
      }
    }

    const median = (name: keyof typeof pages) => percentile(loads[name].map((load) => load.ms).sort((a, b) => a - b), 50);
    const floorMs = median('floor');
    const figures = {
      bench: 'web',
      rounds: ROUNDS,
      startMedianMs: median('start'),
      meetingMedianMs: median('meeting'),
      floorMedianMs: floorMs,
      startRatio: Math.round((median('start') / floorMs) * 100) / 100,
      meetingRatio: Math.round((median('meeting') / floorMs) * 100) / 100,
      firstRouteJsGzipBytes: Math.max(...loads.start.map((load) => load.jsBytes)),
      apiRequests: { start: Math.max(...loads.start.map((load) => load.apiRequests)), meeting: Math.max(...loads.meeting.map((load) => load.apiRequests)) },
    };
    const withinTargets =
      figures.startMedianMs < TARGETS.medianMs &&
      figures.meetingMedianMs < TARGETS.medianMs &&
      figures.firstRouteJsGzipBytes < TARGETS.firstRouteJsGzipBytes &&
      Math.max(figures.apiRequests.start, figures.apiRequests.meeting) <= TARGETS.apiRequestsPerPage;
    process.stdout.write(`${JSON.stringify({ ...figures, targets: TARGETS, withinTargets })}\n`);
  } finally {
    await browser?.close();
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    const cleanup = new Client({ connectionString: databaseUrl('postgres') });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await cleanup.end();
  }
}

async function upcomingSunMeeting(baseUrl: string, cookie: string): Promise<string> {
  const headers = { cookie: `namndrum_session=${cookie}` };
  const organs = (await (await fetch(`${baseUrl}/api/v1/organs?pageSize=200`, { headers })).json()) as { items: { id: string; shortName: string }[] };
  const sun = organs.items.find((organ) => organ.shortName === 'SUN');
  if (!sun) throw new Error('The seed has no SUN');
  const from = new Date().toISOString();
  const meetings = (await (await fetch(`${baseUrl}/api/v1/meetings?organId=${sun.id}&pageSize=200`, { headers })).json()) as { items: { id: string; startsAt: string }[] };
  const upcoming = meetings.items.filter((meeting) => meeting.startsAt > from).sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0];
  if (!upcoming) throw new Error('The seed has no upcoming SUN meeting');
  return upcoming.id;
}

/**
 * A fresh profile (no cache, no service worker), signed in by its cookie alone. The moment the page
 * shows its data is taken in the page itself, by an observer of the document, from the start of the
 * navigation (performance.now()'s origin): Playwright's own polling would add its intervals to each figure.
 */
async function coldLoad(browser: Browser, baseUrl: string, cookie: string, measured: Measured): Promise<Load> {
  const context = await browser.newContext({ baseURL: baseUrl, locale: 'sv-SE', timezoneId: 'Europe/Stockholm', viewport: { width: 1280, height: 800 } });
  if (measured.signedIn) await context.addCookies([{ name: 'namndrum_session', value: cookie, url: baseUrl, httpOnly: true, sameSite: 'Lax' }]);
  await context.addInitScript(watchUntilShown, measured.shows);
  const page = await context.newPage();
  let apiRequests = 0;
  const scripts: Promise<number>[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/')) apiRequests += 1;
  });
  page.on('requestfinished', (request) => {
    // A script still arriving when the context closes (the page fetches other tabs' code once shown) counts for nothing.
    if (request.resourceType() === 'script') scripts.push(request.sizes().then((sizes) => sizes.responseBodySize, () => 0));
  });
  const trace: string[] = [];
  if (TRACE) {
    page.on('requestfinished', (request) => {
      const timing = request.timing();
      trace.push(`${String(Math.round(timing.startTime - navigationStart)).padStart(5)}–${String(Math.round(timing.startTime - navigationStart + timing.responseEnd)).padStart(5)} ms  ${new URL(request.url()).pathname}`);
    });
  }
  let navigationStart = 0;
  try {
    navigationStart = Date.now();
    await page.goto(measured.path);
    const ms = (await (await page.waitForFunction(() => (window as unknown as { shownAt?: number }).shownAt, undefined, { timeout: 30_000 })).jsonValue()) as number;
    if (TRACE) process.stderr.write(`${measured.path}: shown at ${Math.round(ms)} ms\n${trace.sort().join('\n')}\n`);
    const shownWith = apiRequests;
    const scriptsShownWith = scripts.slice();
    return { ms, apiRequests: shownWith, jsBytes: (await Promise.all(scriptsShownWith)).reduce((sum, bytes) => sum + bytes, 0) };
  } finally {
    await context.close();
  }
}

/**
 * Runs in the page before its own scripts: records when the page first shows its data (its frame says
 * ready and `shows`, a text from the seed, is on screen) or, for the sign-in page, its button.
 */
function watchUntilShown(shows: string | null): void {
  const shown = () =>
    shows === null
      ? [...document.querySelectorAll('button')].some((button) => button.textContent === 'Logga in')
      : document.querySelector('[data-ready="true"]') !== null && (document.body.textContent ?? '').includes(shows);
  const observer = new MutationObserver(() => {
    if (!shown()) return;
    (window as unknown as { shownAt?: number }).shownAt = performance.now();
    observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
