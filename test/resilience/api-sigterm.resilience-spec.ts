import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import { SHUTDOWN_GRACE_MS } from '@namndrum/core';
import { createTenant } from '../factories/tenant.factory';
import { ApiProcess } from '../support/api-process';
import { Cluster } from '../support/cluster';
import { apiAs } from '../support/meeting-fixture';

jest.setTimeout(120_000);

interface Answer {
  status: number;
  body: string;
}

/** Whether a new TCP connection to the port is taken. */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * The API told to stop (SIGTERM, as Docker, Kubernetes or systemd do on a deploy) while a request is
 * in flight: it takes no new connections, answers the request it holds, with the database still
 * there for it, and exits within SHUTDOWN_GRACE_MS, an idle keep-alive connection notwithstanding.
 */
describe('SIGTERM to the API with a request in flight', () => {
  const cluster = new Cluster();
  let api: ApiProcess;
  let token = '';
  let registration = '';

  beforeAll(async () => {
    await cluster.start();
    const tenant = await createTenant(cluster.testApp, 'Stoppköping kommun');
    const organId = await tenant.organ({ name: 'Kommunstyrelsen' });
    const admin = apiAs(cluster.testApp, (await tenant.user([{ role: 'admin' }])).token);
    const registryId = (await admin.post('/registries', { code: 'KS', name: 'Kommunstyrelsens diarium', organId }).expect(201)).body.id;
    token = (await tenant.user([{ role: 'secretary', organId }])).token;
    registration = JSON.stringify({ registryId, organId, departmentId: tenant.departmentId, title: 'Registrerat medan API:t stannar' });
    api = await cluster.startApi();
  }, 120_000);

  afterAll(() => cluster.stop());

  it('stops accepting, finishes the request it holds, and exits within the bound', async () => {
    const port = Number(new URL(api.url).port);
    // A browser's connection, kept open after its request: it must not hold the shutdown up.
    const keepAlive = new Agent({ keepAlive: true });
    await new Promise<void>((resolve, reject) => {
      request({ host: '127.0.0.1', port, path: '/api/health/live', agent: keepAlive }, (response) => {
        response.resume();
        response.on('end', resolve);
      }).on('error', reject).end();
    });

    // A registration whose body is half sent when the signal comes: the API holds a request it cannot finish yet.
    const body = Buffer.from(registration);
    const inFlight = request({
      host: '127.0.0.1',
      port,
      path: '/api/v1/matters',
      method: 'POST',
      agent: false,
      headers: { 'content-type': 'application/json', 'content-length': body.length, authorization: `Bearer ${token}` },
    });
    const answered = new Promise<Answer>((resolve, reject) => {
      inFlight.on('response', (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
      });
      inFlight.on('error', reject);
    });
    inFlight.write(body.subarray(0, body.length >> 1));
    await new Promise((resolve) => setTimeout(resolve, 500));

    const signalled = Date.now();
    const stopped = api.stop('SIGTERM');
    const exitedAfter = stopped.then((code) => ({ code, ms: Date.now() - signalled }));

    const refusingBy = Date.now() + 5_000;
    while (await accepts(port)) {
      if (Date.now() > refusingBy) throw new Error('The API still accepted new connections 5 s after SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    inFlight.end(body.subarray(body.length >> 1));
    const answer = await answered;
    expect(answer.status).toBe(201);
    const matter = JSON.parse(answer.body) as { id: string; caseNumber: string };

    const exit = await exitedAfter;
    expect({ code: exit.code, forced: api.output.includes('Not stopped') }).toEqual({ code: 0, forced: false });
    expect(exit.ms).toBeLessThan(SHUTDOWN_GRACE_MS);
    keepAlive.destroy();

    const stored = await cluster.postgres.query<{ case_number: string }>('SELECT case_number FROM matters WHERE id = $1', [matter.id]);
    expect(stored).toEqual([{ case_number: matter.caseNumber }]);
  });
});
