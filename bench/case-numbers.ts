import 'reflect-metadata';
import { Bench, startBench } from './harness';

const CLIENTS = Number(process.env.BENCH_CLIENTS || 64);
const SECONDS = Number(process.env.BENCH_SECONDS || 10);

/** Runs `clients` loops of `step` until the time is up; returns how many steps succeeded. */
async function runFor(clients: number, seconds: number, step: (client: number) => Promise<boolean>): Promise<{ ok: number; failed: number; elapsed: number }> {
  const deadline = Date.now() + seconds * 1000;
  let ok = 0;
  let failed = 0;
  const start = Date.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      while (Date.now() < deadline) {
        if (await step(client)) ok += 1;
        else failed += 1;
      }
    }),
  );
  return { ok, failed, elapsed: (Date.now() - start) / 1000 };
}

/** Numbers 1..N with no gap and no duplicate? */
async function check(bench: Bench, registryId: string): Promise<{ count: number; gaps: number; duplicates: number }> {
  const { rows } = await bench.pool.query<{ count: string; distinct: string; max: string | null }>(
    'SELECT count(*) AS count, count(DISTINCT sequence) AS distinct, max(sequence) AS max FROM matters WHERE registry_id = $1',
    [registryId],
  );
  const count = Number(rows[0].count);
  const distinct = Number(rows[0].distinct);
  const max = Number(rows[0].max ?? 0);
  return { count, gaps: max - distinct, duplicates: count - distinct };
}

/**
 * 64 clients register matters in one registry through the API for a fixed time; then the same
 * number of raw pg clients do the bare minimum the guarantee needs (counter upsert + insert, one
 * transaction each) into a second registry. Both runs must leave 1..N with no gap or duplicate.
 */
async function main(): Promise<void> {
  const bench = await startBench('casenumbers');
  try {
    const year = new Date().getFullYear();
    const api = await runFor(CLIENTS, SECONDS, async (client) => {
      const response = await bench.api.post('/api/v1/matters', { registryId: bench.registryId, title: `Ansökan om bidrag från förening ${client}` });
      return response.status === 201;
    });
    const apiCheck = await check(bench, bench.registryId);

    const { rows } = await bench.pool.query<{ id: string }>(
      `INSERT INTO registries (municipality_id, code, name, organ_id) SELECT municipality_id, 'RAW', 'Rågolvet', organ_id FROM registries WHERE id = $1 RETURNING id`,
      [bench.registryId],
    );
    const floorRegistryId = rows[0].id;
    const floor = await runFor(CLIENTS, SECONDS, async (client) => {
      const connection = await bench.pool.connect();
      try {
        await connection.query('BEGIN');
        const next = await connection.query<{ last_sequence: number }>(
          `INSERT INTO case_number_counters (registry_id, year, last_sequence) VALUES ($1, $2, 1)
           ON CONFLICT (registry_id, year) DO UPDATE SET last_sequence = case_number_counters.last_sequence + 1 RETURNING last_sequence`,
          [floorRegistryId, year],
        );
        const sequence = next.rows[0].last_sequence;
        await connection.query(
          `INSERT INTO matters (municipality_id, registry_id, year, sequence, case_number, title, status, registered_on)
           VALUES ($1, $2, $3, $4, $5, $6, 'registered', CURRENT_DATE)`,
          [bench.municipalityId, floorRegistryId, year, sequence, `RAW ${year}/${sequence}`, `Ansökan om bidrag från förening ${client}`],
        );
        await connection.query('COMMIT');
        return true;
      } catch {
        await connection.query('ROLLBACK');
        return false;
      } finally {
        connection.release();
      }
    });
    const floorCheck = await check(bench, floorRegistryId);

    const rate = Math.round(api.ok / api.elapsed);
    const floorRate = Math.round(floor.ok / floor.elapsed);
    process.stdout.write(
      `API: ${api.ok} matters in ${api.elapsed.toFixed(1)} s (${api.failed} failed), floor: ${floor.ok} in ${floor.elapsed.toFixed(1)} s (${floor.failed} failed)\n`,
    );
    const result = {
      bench: 'case-numbers',
      clients: CLIENTS,
      apiProcesses: bench.apiProcesses,
      seconds: SECONDS,
      rate,
      floorRate,
      ratio: Math.round((rate / floorRate) * 100) / 100,
      registered: apiCheck.count,
      failed: api.failed,
      gaps: apiCheck.gaps + floorCheck.gaps,
      duplicates: apiCheck.duplicates + floorCheck.duplicates,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
    if (result.gaps !== 0 || result.duplicates !== 0 || apiCheck.count !== api.ok) process.exitCode = 1;
  } finally {
    await bench.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
