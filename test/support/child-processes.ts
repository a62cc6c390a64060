import type { ChildProcess } from 'node:child_process';

/**
 * Sends the signal to a child that still runs and resolves with its exit code once it has exited
 * (null when the signal ended it); for a child already gone, the code it exited with.
 */
export async function stopChild(child: ChildProcess | null, signal: NodeJS.Signals): Promise<number | null> {
  if (!child) return null;
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill(signal);
  return exited;
}
