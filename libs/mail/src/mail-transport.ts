import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer';
import SMTPPool from 'nodemailer/lib/smtp-pool';
import type { CalendarPart } from './mail-views';

/** A mailbox as nodemailer takes it; the object form lets nodemailer encode a name such as "Nämndrum Ludvika". */
export type MailAddress = string | { name: string; address: string };

export type OutgoingMail = {
  from: MailAddress;
  to: MailAddress | MailAddress[];
  subject: string;
  text: string;
  html: string;
  /** With angle brackets, e.g. from deterministicMessageId. */
  messageId: string;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
  calendar?: CalendarPart;
};

/**
 * A pooled SMTP transport from SMTP_URL ("smtp://user:pass@host:587" or "smtps://…:465"); options in the URL's
 * query (e.g. `tls.rejectUnauthorized=false`) are honoured as nodemailer documents them.
 * Built from SMTPPool directly because nodemailer.createTransport({ url, pool }) keeps only what the URL says
 * and would quietly drop `pool` and `maxConnections`.
 */
export function createMailTransport(
  smtpUrl: string,
  options: { maxConnections?: number } = {},
): Transporter<SMTPPool.SentMessageInfo, SMTPPool.Options> {
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
    // The URL may hold a password, so no message here repeats it.
    throw new RangeError('Ogiltig SMTP-adress (väntade smtp://… eller smtps://…)');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new RangeError('SMTP-adressen måste börja med smtp:// eller smtps://');
  // Without a host nodemailer would quietly try localhost.
  if (!url.hostname) throw new RangeError('SMTP-adressen saknar värdnamn');
  const { maxConnections } = options;
  if (maxConnections !== undefined && (!Number.isInteger(maxConnections) || maxConnections < 1)) {
    throw new RangeError(`Ogiltigt antal SMTP-anslutningar: ${maxConnections}`);
  }
  return nodemailer.createTransport(new SMTPPool({ pool: true, url: smtpUrl, ...(maxConnections ? { maxConnections } : {}) }));
}

interface SmtpErrorShape {
  code?: unknown;
  responseCode?: unknown;
  rejectedErrors?: unknown;
}

function isPermanentCode(responseCode: unknown): boolean {
  return typeof responseCode === 'number' && responseCode >= 500 && responseCode < 600;
}

/**
 * Whether sending again later is pointless: the server answered with a 5xx reply (unknown mailbox, message too
 * large …). 4xx replies, refused connections and timeouts are worth a retry.
 * A failed login (EAUTH, typically 535) is treated as temporary even though it is 5xx: it says the transport is
 * misconfigured, not that this mail is undeliverable, and the mail should go out once the password is fixed.
 */
export function isPermanentSmtpFailure(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const smtpError = error as SmtpErrorShape;
  if (smtpError.code === 'EAUTH') return false;
  // With several recipients nodemailer reports the last reply only; the mail is undeliverable only if every
  // recipient was refused for good.
  if (Array.isArray(smtpError.rejectedErrors) && smtpError.rejectedErrors.length > 0) {
    return smtpError.rejectedErrors.every((rejection: unknown) => isPermanentCode((rejection as SmtpErrorShape | null)?.responseCode));
  }
  return isPermanentCode(smtpError.responseCode);
}

/** The message nodemailer sends; the calendar goes both as text/calendar alternative and as an .ics attachment. */
export function toNodemailerMessage(mail: OutgoingMail): SendMailOptions {
  return {
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: mail.messageId,
    // RFC 3834: asks out-of-office responders not to answer a notice sent to a whole organ.
    headers: { 'Auto-Submitted': 'auto-generated' },
    ...(mail.attachments
      ? { attachments: mail.attachments.map(({ filename, content, contentType }) => ({ filename, content, contentType })) }
      : {}),
    ...(mail.calendar ? { icalEvent: { method: mail.calendar.method, content: mail.calendar.content, filename: CALENDAR_FILE_NAMES[mail.calendar.method] } } : {}),
  };
}

/** The calendar file is named for what it is: an invitation, an entry for information, or a cancellation. */
const CALENDAR_FILE_NAMES = { REQUEST: 'inbjudan.ics', PUBLISH: 'for-kannedom.ics', CANCEL: 'installt.ics' } as const;
