import { parentPort } from 'node:worker_threads';
import { extractText } from './text-extraction';

export interface ExtractionRequest {
  content: Uint8Array;
  extension: string;
}

export type ExtractionReply = { text: string | null } | { failure: string };

/** The text-extraction thread: one request at a time, answered with the text or why there is none. */
parentPort!.on('message', async ({ content, extension }: ExtractionRequest) => {
  let reply: ExtractionReply;
  try {
    reply = { text: await extractText(Buffer.from(content.buffer, content.byteOffset, content.byteLength), extension) };
  } catch (error) {
    reply = { failure: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
