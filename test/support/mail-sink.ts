import { AddressInfo } from 'node:net';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  recipients: string[];
  raw: Buffer;
  receivedAt: number;
}

/** A real SMTP server in the test process: it accepts everything and keeps the raw messages. */
export class MailSink {
  readonly received: ReceivedMail[] = [];
  private server!: SMTPServer;
  port = 0;

  /** Addresses refused for good (550), as a server does for a mailbox that does not exist. */
  readonly refused = new Set<string>();

  constructor(private readonly options: { delayMs?: number } = {}) {}

  async start(): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      size: 50 * 1024 * 1024,
      onRcptTo: (address, _session, callback) => {
        if (!this.refused.has(address.address.toLowerCase())) return callback();
        const error = new Error('Mailbox unavailable') as Error & { responseCode: number };
        error.responseCode = 550;
        return callback(error);
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const accept = () => {
            this.received.push({ recipients: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()), raw: Buffer.concat(chunks), receivedAt: Date.now() });
            callback();
          };
          if (this.options.delayMs) setTimeout(accept, this.options.delayMs);
          else accept();
        });
      },
    });
    // A client killed mid-message (the worker, on purpose) resets its connection; that is not a test failure.
    this.server.on('error', () => undefined);
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  to(address: string): ReceivedMail[] {
    return this.received.filter((mail) => mail.recipients.includes(address.toLowerCase()));
  }

  /** How many messages each address has received. */
  copiesPerRecipient(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const mail of this.received) for (const rcpt of mail.recipients) counts.set(rcpt, (counts.get(rcpt) ?? 0) + 1);
    return counts;
  }

  parse(mail: ReceivedMail): Promise<ParsedMail> {
    return simpleParser(mail.raw);
  }

  clear(): void {
    this.received.length = 0;
  }

  /** Waits until the predicate holds for the messages received so far. */
  async waitFor(predicate: (received: ReceivedMail[]) => boolean, timeoutMs = 30_000, what = 'e-mail'): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.received)) {
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what} (${this.received.length} received)`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

export function messageIdOf(raw: Buffer): string | null {
  const head = raw.subarray(0, Math.min(raw.length, 8192)).toString('latin1');
  return /^Message-ID:\s*(<[^>]+>)/im.exec(head)?.[1] ?? null;
}
