import { createTenant } from '../factories/tenant.factory';
import { ApiProcess } from '../support/api-process';
import { Cluster } from '../support/cluster';
import { Api, apiAs } from '../support/meeting-fixture';

jest.setTimeout(180_000);

const WRITERS = 8;
/** Longer than the pool's connection timeout and the filter's answer: a request past this has hung. */
const REQUEST_BOUND_MS = 30_000;

interface Answer {
  status: number;
  retryAfter?: string;
  message?: string;
  matterId?: string;
  caseNumber?: string;
  phase: 'before' | 'down' | 'after';
}

/**
 * PostgreSQL restarted (fast shutdown: sessions cut with admin_shutdown, open transactions rolled
 * back) under a stream of matters being registered through the real API process.
 */
describe('PostgreSQL restarted during a stream of writes', () => {
  const cluster = new Cluster();
  let api: ApiProcess;
  let secretary: Api;
  let registryId = '';
  let organId = '';
  let departmentId = '';

  beforeAll(async () => {
    await cluster.start();
    const tenant = await createTenant(cluster.testApp, 'Omstartskommun');
    organId = await tenant.organ({ name: 'Kommunstyrelsen' });
    const admin = apiAs(cluster.testApp, (await tenant.user([{ role: 'admin' }])).token);
    registryId = (await admin.post('/registries', { code: 'KS', name: 'Kommunstyrelsens diarium', organId }).expect(201)).body.id;
    api = await cluster.startApi();
    secretary = apiAs(api, (await tenant.user([{ role: 'secretary', organId }])).token);
    departmentId = tenant.departmentId;
  }, 120_000);

  afterAll(() => cluster.stop());

  it('answers 503 with Retry-After while it is down, recovers by itself, and loses no acknowledged write; case numbers stay gap-free', async () => {
    const answers: Answer[] = [];
    const hung: string[] = [];
    let phase: Answer['phase'] = 'before';
    let stopWriting = false;

    const writer = async (writerIndex: number) => {
      for (let n = 0; !stopWriting; n += 1) {
        const sentIn = phase;
        try {
          const response = await secretary.post('/matters', { registryId, organId, departmentId, title: `Ärende ${writerIndex}-${n}` }).timeout(REQUEST_BOUND_MS);
          answers.push({
            status: response.status,
            retryAfter: response.headers['retry-after'],
            message: response.body?.message,
            matterId: response.body?.id,
            caseNumber: response.body?.caseNumber,
            phase: sentIn,
          });
          if (response.status === 503) await new Promise((resolve) => setTimeout(resolve, 100));
        } catch (error) {
          hung.push(`${sentIn}: ${(error as Error).message}`);
        }
      }
    };
    const acknowledged = () => answers.filter((answer) => answer.status === 201);
    const until = async (predicate: () => boolean, what: string) => {
      const deadline = Date.now() + 60_000;
      while (!predicate()) {
        if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}; answers so far: ${JSON.stringify(summary(answers))}\n${api.output.slice(-3000)}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };

    const writing = Promise.all(Array.from({ length: WRITERS }, (_, index) => writer(index)));
    await until(() => acknowledged().length >= 40, '40 matters before the restart');

    phase = 'down';
    await cluster.postgres.stop();
    const answeredWhileDown = answers.length;
    await until(() => answers.slice(answeredWhileDown).filter((answer) => answer.status === 503).length >= 2 * WRITERS, 'refusals while PostgreSQL is down');

    await cluster.postgres.start();
    phase = 'after';
    await until(() => answers.filter((answer) => answer.phase === 'after' && answer.status === 201).length >= 40, '40 matters after the restart');
    stopWriting = true;
    await writing;

    expect(hung).toEqual([]);
    // Nothing but an acknowledgement or a refusal to try again: never a 500.
    expect(summary(answers)).toEqual(expect.not.objectContaining({ '500': expect.anything() }));
    expect(answers.filter((answer) => answer.status !== 201 && answer.status !== 503)).toEqual([]);
    const refusals = answers.filter((answer) => answer.status === 503);
    expect(refusals.length).toBeGreaterThanOrEqual(2 * WRITERS);
    for (const refusal of refusals) expect(refusal).toMatchObject({ retryAfter: '5', message: 'Tjänsten är tillfälligt otillgänglig. Försök igen om en stund.' });

    // Every write the API acknowledged is in the database, with the number it was given.
    const rows = await cluster.postgres.query<{ id: string; case_number: string; year: number; sequence: number }>(
      `SELECT id, case_number, year, sequence FROM matters WHERE registry_id = $1 ORDER BY year, sequence`,
      [registryId],
    );
    const stored = new Map(rows.map((row) => [row.id, row.case_number]));
    const lost = acknowledged().filter((answer) => stored.get(answer.matterId!) !== answer.caseNumber);
    expect(lost).toEqual([]);
    // A number is taken in the same transaction as the matter: one cut off by the restart gave its number back.
    for (const year of new Set(rows.map((row) => row.year))) {
      const sequences = rows.filter((row) => row.year === year).map((row) => row.sequence);
      expect(sequences).toEqual(sequences.map((_, index) => index + 1));
    }
    expect(new Set(acknowledged().map((answer) => answer.caseNumber)).size).toBe(acknowledged().length);

    // And it stays up: a request after the stream is answered as usual.
    await secretary.post('/matters', { registryId, organId, departmentId, title: 'Efter omstarten' }).expect(201);
    expect(api.running).toBe(true);
  });
});

function summary(answers: Answer[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const answer of answers) counts[String(answer.status)] = (counts[String(answer.status)] ?? 0) + 1;
  return counts;
}
