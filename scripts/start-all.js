#!/usr/bin/env node
// npm start: the API and the worker side by side from dist/ (built and migrated by prestart).
// If either stops, the other is stopped too, so that a half-running system is never left behind.
const { spawn } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const register = path.join(__dirname, 'register-paths.js');
const processes = {
  api: path.join(root, 'dist/apps/api/src/main.js'),
  worker: path.join(root, 'dist/apps/worker/src/main.js'),
};

const children = Object.entries(processes).map(([name, entry]) => {
  const child = spawn(process.execPath, ['-r', register, entry], { stdio: 'inherit', env: process.env });
  child.on('exit', (code, signal) => {
    if (stopping) return;
    process.stderr.write(`${name} stopped (${signal ?? `exit code ${code}`}); stopping the rest\n`);
    stop(code ?? 1);
  });
  return child;
});

let stopping = false;
function stop(exitCode) {
  stopping = true;
  const running = children.filter((child) => child.exitCode === null && child.signalCode === null);
  if (running.length === 0) process.exit(exitCode);
  let left = running.length;
  for (const child of running) {
    child.once('exit', () => {
      left -= 1;
      if (left === 0) process.exit(exitCode);
    });
    child.kill('SIGTERM');
  }
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
