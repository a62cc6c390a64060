import { ConversionError } from '../pdf/document-converter';
import { listProcesses } from '../pdf/office-processes';

/** The processes whose command line names this directory: the LibreOffice instances whose profile is in it. */
export function processesUsing(dir: string): number[] {
  return listProcesses()
    .filter((entry) => entry.commandLine.join('\0').includes(dir))
    .map((entry) => entry.pid);
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
