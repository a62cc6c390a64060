import { Logger } from '@nestjs/common';
import { ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConversionError, ConvertOptions, DocumentConverter, SourceDocument } from './document-converter';
import { currentProcessGroup, listProcesses, officeProfile } from './office-processes';
import { PendingConversion, planConversion } from './source-formats';

export interface SofficeConverterOptions {
  /** LibreOffice's `soffice`. */
  sofficePath: string;
  /** Debian's unoconv client as a command line: its interpreter and script, or the script alone. */
  unoconvCommand: string[];
  /** Warm LibreOffice instances, each converting one batch at a time. */
  poolSize: number;
  /** How long a batch may take before its instance is killed and the batch fails. */
  timeoutMs: number;
  /** Where the instances' profiles and each batch's files are made; the system's temp dir unless told. */
  tempDir?: string;
}

/**
 * unoconv is a Python script that needs the uno module of the system's Python, which another
 * `python3` first on PATH (pyenv, a virtualenv) does not have.
 */
export function unoconvCommand(unoconvPath: string, systemPython = '/usr/bin/python3'): string[] {
  return unoconvPath.startsWith('/') && existsSync(systemPython) ? [systemPython, unoconvPath] : [unoconvPath];
}

/**
 * Converts with the machine's LibreOffice, kept warm: a cold `soffice --convert-to` costs seconds
 * per start, a call to a listening instance a fraction of one. Instances start on first use, each
 * in a profile directory of its own on a free port, and a dead one is started again on next use.
 */
export class SofficeConverter implements DocumentConverter {
  private readonly logger = new Logger(SofficeConverter.name);
  private readonly listeners: OfficeListener[];
  private readonly idle: OfficeListener[];
  private readonly waiting: ((listener: OfficeListener) => void)[] = [];
  private readonly tempDir: string;
  // An instance must not outlive the process that started it, even when close() was never called.
  private readonly killOnExit = () => this.listeners.forEach((listener) => listener.killNow());

  constructor(private readonly options: SofficeConverterOptions) {
    this.tempDir = options.tempDir ?? tmpdir();
    this.listeners = Array.from({ length: options.poolSize }, () => new OfficeListener(options.sofficePath, this.tempDir, this.logger));
    this.idle = [...this.listeners];
    process.on('exit', this.killOnExit);
  }

  async toPdf(documents: SourceDocument[], options: ConvertOptions = {}): Promise<Buffer[]> {
    const { results, pending } = planConversion(documents, options);
    if (pending.length > 0) {
      const listener = await this.acquire();
      const workDir = await mkdtemp(join(this.tempDir, 'namndrum-pdf-'));
      try {
        const pdfs = await this.convertBatch(listener, workDir, pending, options.archival ?? false);
        pending.forEach((item, position) => (results[item.index] = pdfs[position]));
      } finally {
        this.release(listener);
        await rm(workDir, { recursive: true, force: true });
      }
    }
    return results as Buffer[];
  }

  async close(): Promise<void> {
    process.off('exit', this.killOnExit);
    await Promise.all(this.listeners.map((listener) => listener.stop()));
  }

  private async convertBatch(listener: OfficeListener, workDir: string, pending: PendingConversion[], archival: boolean): Promise<Buffer[]> {
    const batchName = pending.map((item) => item.document.fileName).join(', ');
    await listener.ensureRunning().catch((error: Error) => {
      throw new ConversionError(batchName, `LibreOffice did not start: ${error.message}`);
    });
    const started = Date.now();
    const deadline = started + this.options.timeoutMs;
    const outDir = join(workDir, 'out');
    await mkdir(outDir);
    // Generated names: the user's file name never reaches a command line or the file system.
    const inputs = await Promise.all(
      pending.map(async (item, position) => {
        const path = join(workDir, `document-${position + 1}.${item.extension}`);
        await writeFile(path, item.document.content);
        return path;
      }),
    );
    const outputs = pending.map((_, position) => join(outDir, `document-${position + 1}.pdf`));
    // unoconv takes -o as a file name for one input and as a directory for several.
    await this.unoconv(listener, inputs, inputs.length === 1 ? outputs[0] : `${outDir}/`, archival, deadline, batchName);
    for (const [position, output] of outputs.entries()) {
      if (await hasContent(output)) continue;
      // Once more alone: the first call to a fresh instance can end without output, and a file that
      // fails again is the one to name.
      const fileName = pending[position].document.fileName;
      this.logger.warn({ fileName, documents: pending.length }, 'LibreOffice left a document of the batch without PDF; converting it alone');
      await this.unoconv(listener, [inputs[position]], output, archival, deadline, fileName);
      if (!(await hasContent(output))) throw new ConversionError(fileName, 'LibreOffice could not read the document (corrupt, encrypted or not of the kind its type says)');
    }
    this.logger.debug({ documents: pending.length, archival, durationMs: Date.now() - started }, 'Converted documents to PDF');
    return Promise.all(outputs.map((output) => readFile(output)));
  }

  private async unoconv(listener: OfficeListener, inputs: string[], output: string, archival: boolean, deadline: number, fileName: string): Promise<void> {
    const port = await listener.ensureRunning().catch((error: Error) => {
      throw new ConversionError(fileName, `LibreOffice did not start: ${error.message}`);
    });
    const remainingMs = deadline - Date.now();
    if (remainingMs <= 0) return this.timedOut(listener, fileName);
    const [command, ...prefix] = this.options.unoconvCommand;
    const args = [...prefix, '--no-launch', '--port', String(port), '-f', 'pdf', ...(archival ? ['-e', 'SelectPdfVersion=2'] : []), '-o', output, ...inputs];
    const outcome = await new Promise<{ timedOut: boolean; stderr: string }>((resolve) => {
      execFile(command, args, { timeout: remainingMs, killSignal: 'SIGKILL', maxBuffer: 1024 * 1024 }, (error, _stdout, stderr) => {
        resolve({ timedOut: Boolean(error && 'killed' in error && error.killed), stderr: withoutWarnings(stderr) });
      });
    });
    if (outcome.timedOut) return this.timedOut(listener, fileName);
    if (outcome.stderr) this.logger.warn({ fileName, stderr: outcome.stderr }, 'unoconv reported a problem');
  }

  private async timedOut(listener: OfficeListener, fileName: string): Promise<never> {
    this.logger.error({ fileName, timeoutMs: this.options.timeoutMs }, 'LibreOffice did not finish in time; restarting it');
    await listener.stop();
    throw new ConversionError(fileName, `no PDF within ${this.options.timeoutMs} ms`);
  }

  private acquire(): Promise<OfficeListener> {
    const listener = this.idle.pop();
    return listener ? Promise.resolve(listener) : new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(listener: OfficeListener): void {
    const next = this.waiting.shift();
    if (next) next(listener);
    else this.idle.push(listener);
  }
}

/** A cold start takes seconds; an instance that listens after a minute never will. Not part of a batch's time. */
const START_TIMEOUT_MS = 60_000;
const ORPHAN_STOP_TIMEOUT_MS = 5_000;

/** One `soffice --accept` instance on a port of its own, with a profile directory of its own. */
class OfficeListener {
  private process: ChildProcess | null = null;
  private port = 0;
  private profileDir: string | null = null;

  constructor(
    private readonly sofficePath: string,
    private readonly tempDir: string,
    private readonly logger: Logger,
  ) {}

  /** The port of a running instance that accepts connections, starting one when there is none. */
  async ensureRunning(): Promise<number> {
    if (this.process && (await accepts(this.port))) return this.port;
    if (this.process) this.logger.warn({ port: this.port }, 'LibreOffice no longer answers; restarting it');
    await this.stop();
    return this.start();
  }

  async stop(): Promise<void> {
    const child = this.process;
    this.process = null;
    // A child that could not be spawned (no such soffice) has no pid and never exits.
    if (child?.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      killGroup(child);
      await exited;
    } else if (child) {
      killGroup(child);
    }
    if (this.profileDir) await rm(this.profileDir, { recursive: true, force: true, maxRetries: 3 });
    this.profileDir = null;
  }

  killNow(): void {
    if (this.process) killGroup(this.process);
  }

  private async start(): Promise<number> {
    const started = Date.now();
    await reapOrphanedListeners(this.tempDir, this.logger);
    this.profileDir = await mkdtemp(join(this.tempDir, 'namndrum-soffice-'));
    this.port = await freePort();
    const args = [
      '--headless',
      '--invisible',
      '--nologo',
      '--norestore',
      '--nodefault',
      `--accept=socket,host=127.0.0.1,port=${this.port};urp;StarOffice.ComponentContext`,
      `-env:UserInstallation=file://${this.profileDir}`,
    ];
    // Its own process group: soffice is a script that starts oosplash, which starts soffice.bin, and
    // stopping the instance must reach all of them.
    const child = spawn(this.sofficePath, args, { detached: true, stdio: 'ignore' });
    this.process = child;
    const failed = new Promise<never>((_, reject) => {
      child.once('error', (error) => reject(error));
      child.once('exit', (code, signal) => reject(new Error(`soffice exited (${signal ?? `code ${code}`}) before it listened`)));
    });
    // Only the wait below is told; an exit after it is the next call's to notice.
    failed.catch(() => undefined);
    child.on('exit', () => {
      if (this.process === child) this.process = null;
    });
    child.unref();
    try {
      await Promise.race([failed, waitUntilAccepting(this.port, started + START_TIMEOUT_MS, () => this.process === child)]);
    } catch (error) {
      await this.stop();
      throw error;
    }
    this.logger.log({ port: this.port, pid: child.pid, durationMs: Date.now() - started }, 'LibreOffice listens');
    return this.port;
  }
}

/**
 * A worker that was killed (SIGKILL, out of memory) cannot stop its LibreOffice, which lives on under init. Such
 * orphans — one of our profiles in use by a process with no parent but init — are stopped and their profiles removed
 * before a new listener starts, so crashes do not pile up processes. The profile argument alone identifies them: an
 * orphan caught while `soffice` is still the shell script that execs oosplash runs as `/bin/sh`, and would otherwise
 * live on to start its soffice.bin.
 */
async function reapOrphanedListeners(tempDir: string, logger: Logger): Promise<void> {
  const ours = join(tempDir, 'namndrum-soffice-');
  const orphanedProfiles = new Set(
    listProcesses()
      .filter((entry) => entry.parent === 1)
      .map(officeProfile)
      .filter((profile): profile is string => profile?.startsWith(ours) ?? false),
  );
  for (const profile of orphanedProfiles) {
    const stopped = await stopEveryProcessOf(profile);
    await rm(profile, { recursive: true, force: true, maxRetries: 3 });
    logger.warn({ pids: stopped, profile }, 'Stopped a LibreOffice left behind by a worker that died');
  }
}

/**
 * Kills every process running with the profile, each with its group, until none is left. One pass is not enough: a
 * LibreOffice caught starting may still fork (the script's subshells, oosplash starting soffice.bin) or not yet be
 * in a group of its own; this process's own group is never signalled.
 */
async function stopEveryProcessOf(profile: string): Promise<number[]> {
  const ownGroup = currentProcessGroup();
  const stopped = new Set<number>();
  const deadline = Date.now() + ORPHAN_STOP_TIMEOUT_MS;
  for (;;) {
    const left = listProcesses().filter((entry) => officeProfile(entry) === profile);
    if (left.length === 0 || Date.now() > deadline) return [...stopped];
    for (const entry of left) {
      if (entry.group !== ownGroup) signal(-entry.group);
      signal(entry.pid);
      stopped.add(entry.pid);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function signal(target: number): void {
  try {
    process.kill(target, 'SIGKILL');
  } catch {
    // It ended meanwhile.
  }
}

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // The group is gone already.
  }
}

/** Polls until the port accepts, the deadline passes, or the process it waits for is gone. */
async function waitUntilAccepting(port: number, deadline: number, stillStarting: () => boolean): Promise<void> {
  while (!(await accepts(port))) {
    if (!stillStarting()) throw new Error('soffice is gone');
    if (Date.now() > deadline) throw new Error(`nothing listened on port ${port} in time`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

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

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

async function hasContent(path: string): Promise<boolean> {
  try {
    return (await stat(path)).size > 0;
  } catch {
    return false;
  }
}

/** unoconv's stderr without the DeprecationWarnings Python prints for it (each with the source line after it). */
function withoutWarnings(stderr: string): string {
  const lines = stderr.split('\n');
  return lines
    .filter((line, at) => line.trim() !== '' && !line.includes('DeprecationWarning') && !(at > 0 && lines[at - 1].includes('DeprecationWarning') && /^\s/.test(line)))
    .join('\n');
}
