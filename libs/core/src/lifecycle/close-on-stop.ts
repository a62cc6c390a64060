import type { INestApplicationContext } from '@nestjs/common';

/**
 * How long a process may finish its work after it is told to stop: the HTTP requests in flight, the
 * job a worker holds. Below the 10 s a supervisor such as Docker waits before it kills. A job cut off
 * after this is taken over by another worker once its lock runs out (WORKER_LOCK_MS).
 */
export const SHUTDOWN_GRACE_MS = 8000;

/**
 * Closes the app (its shutdown hooks close the HTTP server, the BullMQ workers, Redis and the
 * database) and exits on SIGTERM or SIGINT, or when the process that started it with an IPC channel
 * dies (npm start), so that no process is left running without the one that supervises it.
 */
export function closeOnStop(app: INestApplicationContext): void {
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      setTimeout(() => {
        process.stderr.write(`Not stopped ${SHUTDOWN_GRACE_MS} ms after ${signal}; exiting without waiting for the rest\n`);
        process.exit(1);
      }, SHUTDOWN_GRACE_MS).unref();
    });
  }
  if (process.channel) {
    // The channel only tells when the parent is gone; it must not keep the process alive by itself.
    process.channel.unref();
    process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
  }
}
