import type { Schemas } from '../../api/client';

type Delivery = Schemas['MailDeliveryDto'];

export const NOTICE_KIND_LABELS: Record<Schemas['MeetingNoticeDto']['kind'], string> = {
  notice: 'Kallelse',
  revised: 'Reviderad kallelse',
  supplementary: 'Tilläggskallelse',
  cancellation: 'Meddelande om inställt sammanträde',
};

export const NOTICE_STATUS_LABELS: Record<Schemas['MeetingNoticeDto']['status'], string> = {
  scheduled: 'Väntar på utskick',
  dispatched: 'Skickad',
  superseded: 'Ersatt av en senare version',
  withdrawn: 'Återkallad',
};

export const RECIPIENT_ROLE_LABELS: Record<string, string> = {
  member: 'Ledamot',
  substitute: 'Ersättare',
  attendance_right: 'Närvarorätt',
  extra: 'Övrig mottagare',
};

/** A delivery is settled when nothing more will happen to it without the secretary. */
export function isPending(delivery: Delivery): boolean {
  return delivery.status === 'queued';
}

/** Where the e-mail is, in the words a secretary uses. */
export function deliveryStateLabel(delivery: Delivery): string {
  switch (delivery.status) {
    case 'sent':
      return 'Mottagen';
    case 'failed':
      return 'Inte mottagen';
    case 'no_address':
      return 'Saknar e-postadress';
    case 'queued':
      return delivery.lastError ? 'Nytt försök görs' : 'Skickas';
  }
}

/**
 * Why an e-mail did not arrive, read from the mail server's answer (an SMTP reply code or a network
 * error), in Swedish; the server's own words stay beside it for whoever looks into it.
 */
export function deliveryProblem(delivery: Delivery): string | null {
  if (delivery.status === 'no_address') return 'Personen har ingen e-postadress i Nämndrum. Skicka kallelsen på annat sätt och lägg in adressen.';
  if (!delivery.lastError) return null;
  const text = delivery.lastError;
  const code = /\b([45]\d\d)\b/.exec(text)?.[1];
  if (code === '550' || code === '551' || code === '553') return `Mottagarens e-postserver säger att adressen inte finns eller inte tar emot e-post (${code}). Kontrollera adressen.`;
  if (code === '552') return 'Mottagarens brevlåda är full (552).';
  if (code === '554') return 'Mottagarens e-postserver vägrade ta emot meddelandet (554).';
  if (code?.startsWith('4')) return `Mottagarens e-postserver svarade med ett tillfälligt fel (${code}).`;
  if (code?.startsWith('5')) return `Mottagarens e-postserver vägrade ta emot meddelandet (${code}).`;
  if (/ECONNREFUSED|ETIMEDOUT|ECONNRESET|EHOSTUNREACH|ENOTFOUND|Greeting never received|Connection/i.test(text)) return 'E-postservern kunde inte nås.';
  return 'Utskicket misslyckades.';
}
