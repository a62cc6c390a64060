import { createServer, type AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { SMTPServer } from 'smtp-server';
import { createMailTransport, isPermanentSmtpFailure, toNodemailerMessage, type OutgoingMail } from './mail-transport';
import { deterministicMessageId } from './message-id';
import { composeNoticeMail, noticeCalendar, withAttendee } from './notice-mail';
import { noticeView } from './testing/mail-views.factory';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** An in-process SMTP server that keeps what it receives and refuses recipients as the test asks. */
async function startSmtpServer(): Promise<{ port: number; received: Buffer[]; close: () => Promise<void> }> {
  const received: Buffer[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      // "finns-inte@" is a mailbox that does not exist (permanent), "full@" one that is over quota for now.
      if (address.address.startsWith('finns-inte@')) return callback(Object.assign(new Error('Mottagaren finns inte'), { responseCode: 550 }));
      if (address.address.startsWith('full@')) return callback(Object.assign(new Error('Försök igen senare'), { responseCode: 451 }));
      callback();
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push(Buffer.concat(chunks));
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

function outgoing(to: string): OutgoingMail {
  const view = noticeView({ calendarSequence: 2 });
  const composed = composeNoticeMail(view, 'Håkan Frank');
  return {
    from: { name: 'Nämndrum – Ludvika kommun', address: 'namndrum@ludvika.se' },
    to: { name: 'Håkan Frank', address: to },
    ...composed,
    messageId: deterministicMessageId(['notice', view.meetingId, '2', to], view.mailDomain),
    attachments: [{ filename: view.documentFileName, content: Buffer.from('PK\u0003\u0004 inte en riktig docx'), contentType: DOCX }],
    calendar: withAttendee(noticeCalendar(view, 'invited'), { name: 'Håkan Frank', email: to, rsvp: false }),
  };
}

describe('mail transport against a real SMTP server', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let transport: ReturnType<typeof createMailTransport>;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    transport = createMailTransport(`smtp://127.0.0.1:${smtp.port}`, { maxConnections: 2 });
  });

  afterAll(async () => {
    transport.close();
    await smtp.close();
  });

  it('pools connections as asked', () => {
    expect(transport.transporter.name).toBe('SMTP (pool)');
    expect((transport.transporter as SMTPPool).options.maxConnections).toBe(2);
  });

  it('delivers a composed notice with its document and calendar invitation', async () => {
    const mail = outgoing('hakan.frank@ludvika.se');
    const info = await transport.sendMail(toNodemailerMessage(mail));
    expect(info.accepted).toEqual(['hakan.frank@ludvika.se']);
    expect(smtp.received).toHaveLength(1);

    const raw = smtp.received[0];
    const parsed = await simpleParser(raw);
    expect(parsed.subject).toBe('Kallelse: Social- och utbildningsnämnden 11 januari 2023 kl. 14:00');
    expect(parsed.messageId).toBe(mail.messageId);
    expect(parsed.from?.value).toEqual([{ name: 'Nämndrum – Ludvika kommun', address: 'namndrum@ludvika.se' }]);
    expect(parsed.headers.get('auto-submitted')).toBe('auto-generated');
    expect(parsed.text).toContain('3. Bildande av arbetsutskott för SUN för tiden 2023-01-01–2026-12-31 (dnr SUN 2022/00512)');
    expect(parsed.html).toContain('Hej Håkan Frank!');

    const document = parsed.attachments.find((attachment) => attachment.filename === 'Kallelse SUN 2023-01-11.docx');
    expect(document?.contentType).toBe(DOCX);
    expect(document?.content.equals(mail.attachments![0].content)).toBe(true);

    // The invitation travels as a text/calendar alternative (what Outlook and Gmail act on) and as inbjudan.ics.
    expect(raw.toString('latin1')).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
    const invitation = parsed.attachments.find((attachment) => attachment.filename === 'inbjudan.ics');
    expect(invitation?.contentType).toBe('application/ics');
    expect(invitation?.content.toString('utf8')).toBe(mail.calendar!.content);
  });

  it('reports a 550 refusal of the recipient as permanent', async () => {
    const error: unknown = await transport.sendMail(toNodemailerMessage(outgoing('finns-inte@ludvika.se'))).then(
      () => null,
      (rejection: unknown) => rejection,
    );
    expect(error).toMatchObject({ responseCode: 550 });
    expect(isPermanentSmtpFailure(error)).toBe(true);
  });

  it('reports a 451 refusal of the recipient as temporary', async () => {
    const error: unknown = await transport.sendMail(toNodemailerMessage(outgoing('full@ludvika.se'))).then(
      () => null,
      (rejection: unknown) => rejection,
    );
    expect(error).toMatchObject({ responseCode: 451 });
    expect(isPermanentSmtpFailure(error)).toBe(false);
  });

  it('is permanent only when every recipient was refused for good', async () => {
    const message = { ...toNodemailerMessage(outgoing('finns-inte@ludvika.se')), to: ['finns-inte@ludvika.se', 'full@ludvika.se'] };
    const error: unknown = await transport.sendMail(message).then(
      () => null,
      (rejection: unknown) => rejection,
    );
    expect(error).toMatchObject({ code: 'EENVELOPE' });
    expect(isPermanentSmtpFailure(error)).toBe(false);
  });
});

describe('isPermanentSmtpFailure', () => {
  it('treats a refused connection as temporary', async () => {
    // A port that was free a moment ago: nothing listens there any more.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));

    const transport = createMailTransport(`smtp://127.0.0.1:${port}`);
    try {
      const error: unknown = await transport.sendMail(toNodemailerMessage(outgoing('hakan.frank@ludvika.se'))).then(
        () => null,
        (rejection: unknown) => rejection,
      );
      // Errors from node:net come from another realm than Jest's, so the code is checked rather than the class.
      expect(error).toMatchObject({ code: 'ESOCKET', message: expect.stringContaining('ECONNREFUSED') });
      expect(isPermanentSmtpFailure(error)).toBe(false);
    } finally {
      transport.close();
    }
  });

  it.each<[string, unknown, boolean]>([
    ['a 552 (message too large)', { code: 'EMESSAGE', responseCode: 552 }, true],
    ['a 421 (service not available)', { code: 'EENVELOPE', responseCode: 421 }, false],
    ['a timeout', Object.assign(new Error('Timeout'), { code: 'ETIMEDOUT' }), false],
    ['a failed login, even with 535', { code: 'EAUTH', responseCode: 535 }, false],
    ['something that is no error', 'fel', false],
    ['null', null, false],
  ])('judges %s', (_label, error, permanent) => {
    expect(isPermanentSmtpFailure(error)).toBe(permanent);
  });
});

describe('createMailTransport', () => {
  it.each(['http://mail.ludvika.se', 'inte en adress', 'smtp:', 'smtp:///utan-värd'])('refuses "%s"', (url) => {
    expect(() => createMailTransport(url)).toThrow(RangeError);
  });

  it('does not repeat the password of a refused address', () => {
    for (const url of ['imap://namndrum:hemligt@mail.ludvika.se', 'smtp://namndrum:hemligt@[mail.ludvika.se']) {
      const error: unknown = (() => {
        try {
          createMailTransport(url);
          return null;
        } catch (thrown: unknown) {
          return thrown;
        }
      })();
      expect(error).toBeInstanceOf(RangeError);
      expect((error as Error).message).not.toContain('hemligt');
    }
  });

  it('refuses a number of connections that is not a positive integer', () => {
    expect(() => createMailTransport('smtp://127.0.0.1:25', { maxConnections: 0 })).toThrow(RangeError);
  });
});

describe('toNodemailerMessage', () => {
  it('maps the calendar to an icalEvent named for what it is: inbjudan.ics, for-kannedom.ics or installt.ics', () => {
    const mail = outgoing('hakan.frank@ludvika.se');
    expect(toNodemailerMessage(mail).icalEvent).toEqual({ method: 'REQUEST', content: mail.calendar!.content, filename: 'inbjudan.ics' });
    const information = { ...mail, calendar: { ...mail.calendar!, method: 'PUBLISH' as const } };
    expect(toNodemailerMessage(information).icalEvent).toMatchObject({ method: 'PUBLISH', filename: 'for-kannedom.ics' });
    const cancellation = { ...mail, calendar: { ...mail.calendar!, method: 'CANCEL' as const } };
    expect(toNodemailerMessage(cancellation).icalEvent).toMatchObject({ method: 'CANCEL', filename: 'installt.ics' });
  });

  it('sends no calendar or attachments when there are none', () => {
    const { calendar: _calendar, attachments: _attachments, ...plain } = outgoing('hakan.frank@ludvika.se');
    const message = toNodemailerMessage(plain);
    expect(message).not.toHaveProperty('icalEvent');
    expect(message).not.toHaveProperty('attachments');
  });
});
