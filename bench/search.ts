import 'reflect-metadata';
import { generateMatters, QUERIES } from './generated-matters';
import { percentile, startBench, timed } from './harness';

const MATTERS = Number(process.env.BENCH_MATTERS || 1_000_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 300);
/** Rounds run before measuring, so that V8 has optimized the request path as a server that has run a while has. */
const WARM_UP_ROUNDS = Number(process.env.BENCH_WARM_UP_ROUNDS || 300);

async function measure(run: (round: number) => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let round = 0; round < WARM_UP_ROUNDS; round += 1) await run(round);
  const samples: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) samples.push(await timed(() => run(round)));
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

function caseNumberOf(round: number): { year: number; sequence: number; text: string } {
  const g = (round * 7919 * 104729) % MATTERS;
  const year = 2016 + (g % 10);
  const sequence = Math.floor(g / 10) + 1;
  return { year, sequence, text: `BEN ${year}/${sequence}` };
}

/** Through the API (HTTP, authentication, the service) and the same SQL run raw, one request at a time. */
async function main(): Promise<void> {
  const bench = await startBench('search');
  try {
    const generatedIn = await generateMatters(bench.pool, bench, MATTERS);
    process.stdout.write(`Generated ${MATTERS} matters in ${generatedIn.toFixed(1)} s\n`);

    const lookup = await measure(async (round) => {
      const response = await bench.api.get(`/api/v1/matters/lookup?caseNumber=${encodeURIComponent(caseNumberOf(round).text)}`);
      if (response.status !== 200) throw new Error(`lookup answered ${response.status}: ${response.body}`);
    });
    const lookupRaw = await measure(async (round) => {
      const { year, sequence } = caseNumberOf(round);
      const { rows } = await bench.pool.query(
        `SELECT m.* FROM matters m JOIN registries r ON r.id = m.registry_id WHERE m.municipality_id = $1 AND r.code = 'BEN' AND m.year = $2 AND m.sequence = $3`,
        [bench.municipalityId, year, sequence],
      );
      if (rows.length !== 1) throw new Error('raw lookup found nothing');
    });

    let hits = 0;
    const search = await measure(async (round) => {
      const response = await bench.api.get(`/api/v1/matters?q=${encodeURIComponent(QUERIES[round % QUERIES.length])}&pageSize=20`);
      if (response.status !== 200) throw new Error(`search answered ${response.status}: ${response.body}`);
      hits += (JSON.parse(response.body) as { total: number }).total;
    });
    // The same two statements the API runs for the bench's secretary: a count capped above the ranking limit, then the page.
    const { rows: [{ organ_id: organId }] } = await bench.pool.query<{ organ_id: string }>('SELECT organ_id FROM registries WHERE id = $1', [bench.registryId]);
    const entitled = '(m.organ_id = ANY($3::uuid[]) OR m.department_id = ANY($4::uuid[]))';
    const searchRaw = await measure(async (round) => {
      const words = QUERIES[round % QUERIES.length].toLocaleLowerCase('sv-SE').split(/\s+/);
      const parameters = [bench.municipalityId, words, [organId], []];
      const query = 'swedish_search_query($2::text[])';
      const match = `FROM matters m WHERE m.municipality_id = $1 AND (m.secret = false OR ${entitled})
                     AND (m.search_vector @@ ${query} OR (m.secret_search_vector @@ ${query} AND ${entitled}))`;
      const { rows } = await bench.pool.query<{ hits: number }>(`SELECT count(*)::int AS hits FROM (SELECT 1 ${match} LIMIT 1001) AS capped`, parameters);
      const rank = `ts_rank(m.search_vector || CASE WHEN ${entitled} THEN coalesce(m.secret_search_vector, ''::tsvector) ELSE ''::tsvector END, ${query})`;
      const order = rows[0].hits <= 1000 ? `${rank} DESC` : 'm.registered_on DESC';
      await bench.pool.query(`SELECT m.* ${match} ORDER BY ${order}, m.year DESC, m.sequence DESC LIMIT 20`, parameters);
    });

    const result = {
      bench: 'search',
      matters: MATTERS,
      rounds: ROUNDS,
      warmUpRounds: WARM_UP_ROUNDS,
      lookupP50: lookup.p50,
      lookupP95: lookup.p95,
      lookupRawP50: lookupRaw.p50,
      lookupRawP95: lookupRaw.p95,
      searchP50: search.p50,
      searchP95: search.p95,
      searchRawP50: searchRaw.p50,
      searchRawP95: searchRaw.p95,
      meanHits: Math.round(hits / (ROUNDS + WARM_UP_ROUNDS)),
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await bench.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
