import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

const RECORDED = join(__dirname, '..', '..', 'libs/goals/src/kolada/testing/recorded');

export interface RecordedKolada {
  url: string;
  close(): Promise<void>;
}

/**
 * Kolada's API answered from the recorded pages of N15419 for Ludvika (2085), with its links pointing
 * back here and the municipality code that `municipalityCode` gives at the time of the request.
 */
export async function startRecordedKolada(municipalityCode: () => string): Promise<RecordedKolada> {
  let url = '';
  const server = createServer((request, response) => {
    const page = new URL(request.url!, 'http://x').searchParams.get('page') ?? '1';
    const body = readFileSync(join(RECORDED, `N15419-2085-2018-2022.page-${page}.json`), 'utf8')
      .replaceAll('https://api.kolada.se', url)
      .replaceAll('"2085"', `"${municipalityCode()}"`);
    response.writeHead(200, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
