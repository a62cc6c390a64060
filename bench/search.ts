import 'reflect-metadata';
import { Bench, percentile, startBench, timed } from './harness';

const MATTERS = Number(process.env.BENCH_MATTERS || 1_000_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 300);

// A generator of realistic diarium titles: what + about what + where, as municipalities write them.
const WHAT = ['Ansökan om', 'Yttrande över', 'Motion om', 'Medborgarförslag om', 'Remiss av', 'Begäran om', 'Överklagande av beslut om', 'Avtal om', 'Tillsyn av',
  'Anmälan om', 'Information om', 'Revidering av', 'Upphandling av', 'Uppföljning av', 'Riktlinjer för', 'Utredning om', 'Rapport om', 'Förslag till', 'Redovisning av', 'Klagomål på'];
const ABOUT = ['bidrag till föreningslivet', 'förskoleplats', 'ny förskola', 'särskilt boende för äldre', 'arbetsutskottets sammansättning', 'skolskjuts', 'bostadsanpassning',
  'serveringstillstånd', 'strandskyddsdispens', 'gång- och cykelväg', 'vatten och avlopp', 'simhallen', 'biblioteksverksamhet', 'detaljplan för bostäder', 'bygglov för enbostadshus',
  'rivningslov', 'försörjningsstöd', 'hemtjänst', 'elevhälsa', 'fritidsgård', 'kollektivtrafik', 'snöröjning', 'gatubelysning', 'livsmedelskontroll', 'avfallshantering',
  'energieffektivisering i kommunens lokaler', 'vindkraftsetablering', 'kulturstipendium', 'idrottsplats', 'lekplats', 'ensamkommande barn', 'familjehem', 'missbruksvård',
  'personlig assistans', 'färdtjänst', 'budget och verksamhetsplan', 'delårsrapport', 'internkontrollplan', 'kommunala tillgänglighetsrådet', 'näringslivsstrategi',
  'markanvisning', 'arrende av mark', 'skolans lokaler', 'gymnasieskolans programutbud', 'vuxenutbildning', 'svenska för invånare', 'modersmålsundervisning', 'trafiksäkerhet',
  'parkering', 'naturreservat', 'kameraövervakning', 'krisberedskap', 'räddningstjänstens övningar', 'föreningsbidrag för ungdomsverksamhet', 'måltidsverksamhet', 'matavfall',
  'solceller på skolor', 'ombyggnad av skolkök', 'läxhjälp', 'sommarlovsaktiviteter'];
const WHERE = ['i Ludvika', 'i Grängesberg', 'i Fredriksberg', 'i Sunnansjö', 'i Nyhammar', 'i Saxdalen', 'i Blötberget', 'i Gonäs', 'i Håksberg', 'i Marnäs', 'på Storgatan 12',
  'på Köpmangatan', 'vid Väsman', 'vid Hillersboda', 'i Lyviksberget', 'i Högberget', 'vid Ludvika lasarett', 'i Björnhyttan', 'i Ulriksberg', 'i Gräsberg', 'på Kvarnbacken',
  'i centrala Ludvika', 'vid Marnästorget', 'i Rombohöjden', 'vid Stadshuset', 'i Lorentsberg', 'på Engelbrektsgatan', 'i Iviken', 'vid Ludvika Ström', 'i Malmen'];

/** Words people search for: single words (some in another inflection than the titles) and pairs. */
const QUERIES = ['arbetsutskott', 'skolskjuts', 'bostadsanpassningen', 'serveringstillstånd', 'strandskyddsdispens Nyhammar', 'simhall', 'försörjningsstöd', 'hemtjänsten',
  'familjehem', 'vindkraft', 'färdtjänst Grängesberg', 'detaljplan Storgatan', 'markanvisning', 'kameraövervakning', 'solceller skolor', 'matavfall Ludvika', 'elevhälsa',
  'lekplats Sunnansjö', 'naturreservat', 'krisberedskap', 'delårsrapport', 'snöröjning Saxdalen', 'kulturstipendium', 'modersmålsundervisning', 'rivningslov Fredriksberg'];

function sqlArray(values: string[]): string {
  return `ARRAY[${values.map((value) => `'${value.replace(/'/g, "''")}'`).join(',')}]`;
}

function pick(array: string, salt: number, length: number): string {
  return `(${array})[1 + (abs(hashint4(g * ${salt})) % ${length})]`;
}

async function generate(bench: Bench): Promise<number> {
  const client = await bench.pool.connect();
  const started = Date.now();
  try {
    await client.query('ALTER TABLE matters DISABLE TRIGGER matters_search_vector');
    await client.query('DROP INDEX matters_search_vector');
    await client.query('DROP INDEX matters_secret_search_vector');
    const title = `${pick(sqlArray(WHAT), 7, WHAT.length)} || ' ' || ${pick(sqlArray(ABOUT), 13, ABOUT.length)} || ' ' || ${pick(sqlArray(WHERE), 31, WHERE.length)}`;
    const description = `'Ärendet gäller ' || ${pick(sqlArray(ABOUT), 17, ABOUT.length)} || ' ' || ${pick(sqlArray(WHERE), 37, WHERE.length)} || '. Handläggs av förvaltningen.'`;
    // Every 25th matter has a secret tjänsteskrivelse, searched only by readers with access to it.
    const secretReport = `CASE WHEN g % 25 = 0 THEN 'Utredningen gäller ' || ${pick(sqlArray(ABOUT), 41, ABOUT.length)} || ' ' || ${pick(sqlArray(WHERE), 43, WHERE.length)} END`;
    // Ten years of registrations; within a year the sequence runs 1, 2, 3 … without gaps.
    await client.query(
      `INSERT INTO matters (municipality_id, registry_id, year, sequence, case_number, title, description, status, registered_on, search_vector, secret_search_vector)
       SELECT $1, $2, y, s, 'BEN ' || y || '/' || s, t, d, 'registered', make_date(y, 1 + (s % 12), 1 + (s % 28)),
              setweight(to_tsvector('swedish', t), 'A') || setweight(to_tsvector('swedish', d), 'B'), setweight(to_tsvector('swedish', r), 'B')
       FROM (SELECT 2016 + (g % 10) AS y, g / 10 + 1 AS s, ${title} AS t, ${description} AS d, ${secretReport} AS r FROM generate_series(0, $3 - 1) AS g) AS rows`,
      [bench.municipalityId, bench.registryId, MATTERS],
    );
    await client.query(
      `INSERT INTO case_number_counters (registry_id, year, last_sequence) SELECT registry_id, year, max(sequence) FROM matters WHERE registry_id = $1 GROUP BY registry_id, year`,
      [bench.registryId],
    );
    await client.query('CREATE INDEX matters_search_vector ON matters USING gin (search_vector)');
    await client.query('CREATE INDEX matters_secret_search_vector ON matters USING gin (secret_search_vector)');
    await client.query('ALTER TABLE matters ENABLE TRIGGER matters_search_vector');
    await client.query('VACUUM ANALYZE matters');
  } finally {
    client.release();
  }
  return (Date.now() - started) / 1000;
}

async function measure(run: (round: number) => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let round = 0; round < 20; round += 1) await run(round);
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
    const generatedIn = await generate(bench);
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
      lookupP50: lookup.p50,
      lookupP95: lookup.p95,
      lookupRawP50: lookupRaw.p50,
      lookupRawP95: lookupRaw.p95,
      searchP50: search.p50,
      searchP95: search.p95,
      searchRawP50: searchRaw.p50,
      searchRawP95: searchRaw.p95,
      meanHits: Math.round(hits / (ROUNDS + 20)),
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
