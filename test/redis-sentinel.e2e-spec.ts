import { getQueueToken } from '@nestjs/bullmq';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Queue } from 'bullmq';
import Redis from 'ioredis';
import { QUEUES, REDIS } from '@namndrum/core';
import { freePort, PrivateRedis } from './support/private-redis';
import { createTestApp, TestApp } from './support/test-app';

/**
 * Redis behind Sentinel, as docs/deploy.md sets it up for more than one machine: a master, a replica
 * and a sentinel, all real redis-servers. The app finds the master through the sentinel, and when the
 * master dies the sentinel promotes the replica and the app's connections — the shared one and
 * BullMQ's — follow it without a restart.
 */
describe('Redis through Sentinel', () => {
  const folder = mkdtempSync(join(tmpdir(), 'namndrum-sentinel-'));
  const servers: ChildProcess[] = [];
  let master: ChildProcess;
  let masterPort: number;
  let replicaPort: number;
  let sentinel: Redis;
  let testApp: TestApp;
  const saved = { ...process.env };

  function redisServer(args: string[]): ChildProcess {
    const child = spawn('redis-server', args, { stdio: 'ignore' });
    servers.push(child);
    return child;
  }

  async function answers(port: number): Promise<void> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const client = new Redis(port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      client.on('error', () => undefined);
      try {
        await client.connect();
        await client.ping();
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50));
      } finally {
        client.disconnect();
      }
    }
  }

  async function masterAddress(): Promise<string> {
    const [host, port] = (await sentinel.call('SENTINEL', 'get-master-addr-by-name', 'mymaster')) as [string, string];
    return `${host}:${port}`;
  }

  beforeAll(async () => {
    expect(PrivateRedis.available()).toBe(true);
    [masterPort, replicaPort] = [await freePort(), await freePort()];
    const plain = ['--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
    master = redisServer(['--port', String(masterPort), ...plain]);
    redisServer(['--port', String(replicaPort), ...plain, '--replicaof', '127.0.0.1', String(masterPort)]);
    await answers(masterPort);
    await answers(replicaPort);
    const sentinelPort = await freePort();
    const config = join(folder, 'sentinel.conf');
    writeFileSync(
      config,
      [
        `port ${sentinelPort}`,
        'bind 127.0.0.1',
        `dir ${folder}`,
        `sentinel monitor mymaster 127.0.0.1 ${masterPort} 1`,
        'sentinel down-after-milliseconds mymaster 1000',
        'sentinel failover-timeout mymaster 5000',
        '',
      ].join('\n'),
    );
    redisServer([config, '--sentinel']);
    await answers(sentinelPort);
    sentinel = new Redis(sentinelPort, '127.0.0.1');
    // The sentinel must have seen the replica before it can promote it.
    const deadline = Date.now() + 15_000;
    while (((await sentinel.call('SENTINEL', 'replicas', 'mymaster')) as unknown[]).length === 0) {
      if (Date.now() > deadline) throw new Error('The sentinel never saw the replica');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    process.env.REDIS_URL = 'redis://not-used-with-sentinels:6379';
    process.env.REDIS_SENTINELS = `127.0.0.1:${sentinelPort}`;
    process.env.REDIS_SENTINEL_NAME = 'mymaster';
    testApp = await createTestApp();
  }, 60_000);

  afterAll(async () => {
    await testApp?.close();
    sentinel?.disconnect();
    process.env = saved;
    for (const server of servers) server.kill('SIGKILL');
    rmSync(folder, { recursive: true, force: true });
  });

  it('finds the master through the sentinel and follows it to the replica when the master dies', async () => {
    const shared = testApp.app.get<Redis>(REDIS);
    const queue = testApp.app.get<Queue>(getQueueToken(QUEUES.maintenance));
    const onMaster = new Redis(masterPort, '127.0.0.1');
    await shared.set('sentinel-probe', 'före');
    await queue.add('probe', {}, { jobId: 'before-failover', delay: 3_600_000 });
    const probeKey = `${shared.options.keyPrefix}sentinel-probe`;
    expect(await onMaster.get(probeKey)).toBe('före');
    expect((await testApp.http().get('/api/health')).status).toBe(200);
    // Replication is asynchronous: what the master acknowledged a moment before it died may never
    // reach the replica (PostgreSQL's outbox and the reconciler are what make that harmless). Here
    // the test waits for the replica, to show that replicated jobs survive the failover.
    expect(await onMaster.call('WAIT', 1, 5000)).toBe(1);
    onMaster.disconnect();

    master.kill('SIGKILL');
    const deadline = Date.now() + 30_000;
    while ((await masterAddress()) !== `127.0.0.1:${replicaPort}`) {
      if (Date.now() > deadline) throw new Error('The sentinel did not promote the replica');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }

    // Both connections reach the new master by themselves (ioredis asks the sentinel again on reconnect).
    const reached = Date.now() + 20_000;
    for (;;) {
      try {
        await shared.set('sentinel-probe', 'efter');
        await queue.add('probe', {}, { jobId: 'after-failover', delay: 3_600_000 });
        break;
      } catch (error) {
        if (Date.now() > reached) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    const onNewMaster = new Redis(replicaPort, '127.0.0.1');
    try {
      expect(await onNewMaster.get(probeKey)).toBe('efter');
      // The job added before the failover was replicated, and the one after is on the new master.
      expect((await queue.getJob('before-failover'))?.id).toBe('before-failover');
      expect((await queue.getJob('after-failover'))?.id).toBe('after-failover');
    } finally {
      onNewMaster.disconnect();
    }
    expect((await testApp.http().get('/api/health')).status).toBe(200);
  }, 90_000);
});
