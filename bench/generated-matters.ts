import type { Pool } from 'pg';

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
export const QUERIES = ['arbetsutskott', 'skolskjuts', 'bostadsanpassningen', 'serveringstillstånd', 'strandskyddsdispens Nyhammar', 'simhall', 'försörjningsstöd', 'hemtjänsten',
  'familjehem', 'vindkraft', 'färdtjänst Grängesberg', 'detaljplan Storgatan', 'markanvisning', 'kameraövervakning', 'solceller skolor', 'matavfall Ludvika', 'elevhälsa',
  'lekplats Sunnansjö', 'naturreservat', 'krisberedskap', 'delårsrapport', 'snöröjning Saxdalen', 'kulturstipendium', 'modersmålsundervisning', 'rivningslov Fredriksberg'];

function sqlArray(values: string[]): string {
  return `ARRAY[${values.map((value) => `'${value.replace(/'/g, "''")}'`).join(',')}]`;
}

function pick(array: string, salt: number, length: number): string {
  return `(${array})[1 + (abs(hashint4(g * ${salt})) % ${length})]`;
}

/**
 * `count` matters in the registry, set-based: ten years of registrations with realistic titles and
 * descriptions, every 25th with a secret tjänsteskrivelse. Returns the seconds it took.
 */
export async function generateMatters(pool: Pool, target: { municipalityId: string; registryId: string; registryCode: string }, count: number): Promise<number> {
  const client = await pool.connect();
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
       SELECT $1, $2, y, s, $4::text || ' ' || y || '/' || s, t, d, 'registered', make_date(y, 1 + (s % 12), 1 + (s % 28)),
              setweight(to_tsvector('swedish', t), 'A') || setweight(to_tsvector('swedish', d), 'B'), setweight(to_tsvector('swedish', r), 'B')
       FROM (SELECT 2016 + (g % 10) AS y, g / 10 + 1 AS s, ${title} AS t, ${description} AS d, ${secretReport} AS r FROM generate_series(0, $3 - 1) AS g) AS rows`,
      [target.municipalityId, target.registryId, count, target.registryCode],
    );
    await client.query(
      `INSERT INTO case_number_counters (registry_id, year, last_sequence) SELECT registry_id, year, max(sequence) FROM matters WHERE registry_id = $1 GROUP BY registry_id, year`,
      [target.registryId],
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

