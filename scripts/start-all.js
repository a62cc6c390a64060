#!/usr/bin/env node
// npm start: the API and the worker side by side, from dist/ (built and migrated by prestart), or with
// --from-sources from the TypeScript sources, compiled as they load (no build step: development, tests).
// SIGTERM or SIGINT to this process (a supervisor, `kill`, Ctrl-C) or to npm stops both gracefully. If either
// stops, the other is stopped too, so that a half-running system is never left behind; and if this
// process dies without stopping them, each notices its IPC channel close and stops by itself.
const { spawn } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const entries = process.argv.includes('--from-sources')
  ? {
      api: ['-r', '@swc-node/register', path.join(root, 'apps/api/src/main.ts')],
      worker: ['-r', '@swc-node/register', path.join(root, 'apps/worker/src/main.ts')],
    }
  : {
      api: ['-r', path.join(__dirname, 'register-paths.js'), path.join(root, 'dist/apps/api/src/main.js')],
      worker: ['-r', path.join(__dirname, 'register-paths.js'), path.join(root, 'dist/apps/worker/src/main.js')],
    };
// Each process finishes its work within 8 s of SIGTERM (SHUTDOWN_GRACE_MS); one that hangs is killed after this.
const KILL_AFTER_MS = 10000;

let stopping = false;
const children = Object.entries(entries).map(([name, args]) => {
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['inherit', 'inherit', 'inherit', 'ipc'] });
  child.on('exit', (code, signal) => {
    if (stopping) return;
    process.stderr.write(`${name} stopped (${signal ?? `exit code ${code}`}); stopping the rest\n`);
    stop(code ?? 1);
  });
  return child;
});

function stop(exitCode) {
  if (stopping) return;
  stopping = true;
  const running = children.filter((child) => child.exitCode === null && child.signalCode === null);
  if (running.length === 0) process.exit(exitCode);
  let left = running.length;
  for (const child of running) {
    const kill = setTimeout(() => child.kill('SIGKILL'), KILL_AFTER_MS);
    child.once('exit', () => {
      clearTimeout(kill);
      left -= 1;
      if (left === 0) process.exit(exitCode);
    });
    child.kill('SIGTERM');
  }
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
// npm runs this through `sh -c`, and sh dies of the SIGTERM npm passes on without passing it further:
// when the process that started this one is gone, stop as if told to.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) stop(0);
}, 500).unref();
