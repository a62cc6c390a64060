import { createHash } from 'node:crypto';
import { domainToASCII } from 'node:url';

/** RFC 5322 dot-atom-text: what may stand on the right of the @ in a Message-ID without quoting. */
const DOT_ATOM = /^[A-Za-z0-9!#$%&'*+\/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+\/=?^_`{|}~-]+)*$/;

/**
 * A Message-ID computed from what the mail is about (e.g. ['notice', meetingId, version, recipientId]),
 * so that a job retried after the SMTP server had already accepted the mail sends the same Message-ID again
 * and the receiving system can recognise the duplicate.
 * Form: `<32 hex of SHA-256>.namndrum@domain>`; the fixed label tells our mails apart in a mail log.
 */
export function deterministicMessageId(parts: string[], domain: string): string {
  if (parts.length === 0) throw new RangeError('Message-ID behöver minst en del att räknas fram ur');
  // The parts are joined with NUL; a part containing NUL could make two different lists give the same ID.
  if (parts.some((part) => part.includes('\u0000'))) throw new RangeError('En del av Message-ID får inte innehålla NUL-tecken');
  // An internationalised domain (e.g. "nämndrum.se") is not allowed in a header as it stands; its punycode form is.
  const asciiDomain = domainToASCII(domain.trim()).toLowerCase();
  if (!asciiDomain || !DOT_ATOM.test(asciiDomain)) throw new RangeError(`Ogiltig domän för Message-ID: "${domain}"`);
  const hash = createHash('sha256').update(parts.join('\u0000'), 'utf8').digest('hex').slice(0, 32);
  return `<${hash}.namndrum@${asciiDomain}>`;
}
