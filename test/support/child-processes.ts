import type { ChildProcess } from 'node:child_process';

/** Sends the signal to a child that still runs and waits until it has exited; nothing for one already gone. */
export async function stopChild(child: ChildProcess | null, signal: NodeJS.Signals): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  await exited;
}
