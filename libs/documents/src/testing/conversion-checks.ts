import { readdirSync, readFileSync } from 'node:fs';
import { ConversionError } from '../pdf/document-converter';

/** The processes whose command line names this directory: the LibreOffice instances whose profile is in it. */
export function processesUsing(dir: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(dir);
      } catch {
        // The process ended while the list was read.
        return false;
      }
    })
    .map(Number);
}

/** The ConversionError a conversion fails with; fails the test if it succeeds or fails otherwise. */
export async function conversionFailure(conversion: Promise<unknown>): Promise<ConversionError> {
  const error = await conversion.then(
    () => null,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(ConversionError);
  return error as ConversionError;
}

/** The LibreOffice processes this process started (soffice, oosplash, soffice.bin), with the profile each uses. */
export function officeProcessesStartedHere(): { pid: number; profileDir: string | null }[] {
  const processes = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map((pid) => {
      try {
        // The parent's pid is the 4th field of /proc/<pid>/stat, after the name in parentheses.
        const parent = Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
        return { pid: Number(pid), parent, commandLine: readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0') };
      } catch {
        return null;
      }
    })
    .filter((entry) => entry !== null);
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
  return processes
    .filter((entry) => entry.pid !== process.pid && descendants.has(entry.pid) && /soffice|oosplash/.test(entry.commandLine[0]))
    .map((entry) => ({ pid: entry.pid, profileDir: entry.commandLine.find((arg) => arg.startsWith('-env:UserInstallation=file://'))?.slice('-env:UserInstallation=file://'.length) ?? null }));
}
