import { Logger, OnModuleDestroy } from '@nestjs/common';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ExtractionReply, ExtractionRequest } from './text-extraction.thread';

/**
 * The types whose text is extracted; for any other type there is nothing to read. Kept here rather
 * than beside extractText: that module loads mammoth and pdf-parse, which only the extraction threads
 * need, and pdf-parse's bundled core-js replaces JSON.parse and Array.prototype.push in whatever
 * process loads it, slowing every request of the API.
 */
export const EXTRACTABLE_EXTENSIONS: ReadonlySet<string> = new Set(['docx', 'pdf']);

export interface TextExtractionLimits {
  /** Threads reading files at once; further files wait their turn. */
  threads: number;
  /** The heap a thread may use; past it the thread dies, not the API. */
  maxHeapMb: number;
  timeoutMs: number;
}

/**
 * Room for mammoth's document tree of a long DOCX and pdf.js's pages; a file that needs more is no
 * document anyone wrote by hand. The time limit only cuts off what hangs: the thread has no deadline
 * of its own, and an upload waits for its text.
 */
export const TEXT_EXTRACTION_LIMITS: TextExtractionLimits = { threads: 2, maxHeapMb: 256, timeoutMs: 30_000 };

interface Slot {
  worker: Worker | null;
}

/**
 * Reads the text of uploaded files in worker threads with a memory cap and a time limit, so a hostile
 * file can neither fill the API's memory nor hold its event loop. A file that cannot be read within
 * the limits gets no text (logged); its upload is not refused for that.
 */
export class TextExtractor implements OnModuleDestroy {
  private readonly logger = new Logger(TextExtractor.name);
  private readonly idle: Slot[];
  private readonly waiting: ((slot: Slot) => void)[] = [];

  constructor(private readonly limits: TextExtractionLimits = TEXT_EXTRACTION_LIMITS) {
    this.idle = Array.from({ length: limits.threads }, () => ({ worker: null }));
  }

  async extract(content: Buffer, extension: string): Promise<string | null> {
    if (!EXTRACTABLE_EXTENSIONS.has(extension)) return null;
    const slot = await this.acquire();
    const started = Date.now();
    try {
      const reply = await this.run(slot, { content, extension });
      if ('text' in reply) return reply.text;
      this.logger.warn({ extension, sizeBytes: content.length, reason: reply.failure, durationMs: Date.now() - started }, 'Text extraction failed; the document is stored without searchable text');
      return null;
    } finally {
      this.release(slot);
    }
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.idle.map((slot) => this.stop(slot)));
  }

  private acquire(): Promise<Slot> {
    const slot = this.idle.pop();
    return slot ? Promise.resolve(slot) : new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(slot: Slot): void {
    const next = this.waiting.shift();
    if (next) next(slot);
    else this.idle.push(slot);
  }

  private run(slot: Slot, request: ExtractionRequest): Promise<ExtractionReply> {
    const worker = (slot.worker ??= this.startThread(slot));
    return new Promise((resolve) => {
      const finish = (reply: ExtractionReply, discardThread: boolean) => {
        clearTimeout(timer);
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        if (discardThread) void this.stop(slot);
        resolve(reply);
      };
      const onMessage = (reply: ExtractionReply) => finish(reply, false);
      const onError = (error: Error) => finish({ failure: `the reading thread failed: ${error.message}` }, true);
      const onExit = (code: number) => finish({ failure: `the reading thread exited with code ${code}` }, true);
      const timer = setTimeout(() => finish({ failure: `no text within ${this.limits.timeoutMs} ms` }, true), this.limits.timeoutMs);
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      worker.postMessage(request);
    });
  }

  private startThread(slot: Slot): Worker {
    const resourceLimits = { maxOldGenerationSizeMb: this.limits.maxHeapMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 };
    const compiled = join(__dirname, 'text-extraction.thread.js');
    // Under Jest and @swc-node/register the sources are TypeScript; the thread compiles them the same way.
    const worker = __filename.endsWith('.ts')
      ? new Worker(`require(${JSON.stringify(require.resolve('@swc-node/register'))}); require(${JSON.stringify(join(__dirname, 'text-extraction.thread.ts'))});`, { eval: true, resourceLimits })
      : new Worker(compiled, { resourceLimits });
    // A thread that dies between files is replaced at the next file; a failure while reading is handled by run().
    worker.on('error', () => undefined).on('exit', () => {
      if (slot.worker === worker) slot.worker = null;
    });
    // An idle thread must not keep the process alive on shutdown.
    worker.unref();
    return worker;
  }

  private async stop(slot: Slot): Promise<void> {
    const worker = slot.worker;
    slot.worker = null;
    await worker?.terminate();
  }
}
