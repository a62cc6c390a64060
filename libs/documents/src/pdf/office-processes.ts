import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** A process as /proc tells it: enough to find LibreOffice instances, their parents and their profiles. */
export interface ProcessEntry {
  pid: number;
  parent: number;
  group: number;
  commandLine: string[];
}

/** Every process of the machine (Linux; none where there is no /proc), skipping those that end while they are read. */
export function listProcesses(): ProcessEntry[] {
  if (!existsSync('/proc')) return [];
  const entries: ProcessEntry[] = [];
  for (const name of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      const { parent, group } = readStat(name);
      entries.push({ pid: Number(name), parent, group, commandLine: readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0') });
    } catch {
      // It ended meanwhile.
    }
  }
  return entries;
}

/** The process group this process is in; null where there is no /proc. */
export function currentProcessGroup(): number | null {
  return existsSync('/proc') ? readStat('self').group : null;
}

function readStat(pid: string): { parent: number; group: number } {
  // After the name in parentheses: state, parent pid, process group.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
  return { parent: Number(fields[1]), group: Number(fields[2]) };
}

const isOffice = (entry: ProcessEntry): boolean => /soffice|oosplash/.test(entry.commandLine[0]);

const PROFILE_ARGUMENT = '-env:UserInstallation=file://';

/** The profile directory a LibreOffice process runs with, or null. */
export function officeProfile(entry: ProcessEntry): string | null {
  return entry.commandLine.find((arg) => arg.startsWith(PROFILE_ARGUMENT))?.slice(PROFILE_ARGUMENT.length) ?? null;
}

/** The LibreOffice processes this process started, directly or through others (soffice, oosplash, soffice.bin). */
export function officeProcessesStartedHere(): { pid: number; profileDir: string | null }[] {
  const processes = listProcesses();
  const descendants = new Set([process.pid]);
  let grown = true;
  while (grown) {
    grown = false;
    for (const entry of processes) {
      if (!descendants.has(entry.pid) && descendants.has(entry.parent)) {
        descendants.add(entry.pid);
        grown = true;
      }
    }
  }
  return processes.filter((entry) => entry.pid !== process.pid && descendants.has(entry.pid) && isOffice(entry)).map((entry) => ({ pid: entry.pid, profileDir: officeProfile(entry) }));
}
