import type { Schemas } from '../../api/client';

export type MatterStatus = Schemas['MatterDto']['status'];
export type MatterEventKind = Schemas['MatterEventDto']['kind'];
export type DocumentDirection = Schemas['DocumentDto']['direction'];
export type OfficerReportStatus = Schemas['OfficerReportDto']['status'];

export const MATTER_STATUS_LABELS: Record<MatterStatus, string> = {
  registered: 'Registrerat',
  in_preparation: 'Under beredning',
  ready_for_decision: 'Klart för beslut',
  decided: 'Beslutat',
  closed: 'Avslutat',
  withdrawn: 'Återkallat',
  cancelled: 'Makulerat',
};

export const MATTER_STATUSES = Object.keys(MATTER_STATUS_LABELS) as MatterStatus[];

export const MATTER_EVENT_LABELS: Record<MatterEventKind, string> = {
  registered: 'Registrerat',
  updated: 'Uppgifter ändrade',
  status_changed: 'Status ändrad',
  cancelled: 'Makulerat',
  document_added: 'Handling registrerad',
  document_secrecy_changed: 'Sekretessmarkering ändrad',
  document_file_replaced: 'Fil ersatt med läsbar kopia',
  report_drafted: 'Tjänsteskrivelse påbörjad',
  report_submitted: 'Tjänsteskrivelse inlämnad',
  report_returned: 'Tjänsteskrivelse återsänd',
  report_signed: 'Tjänsteskrivelse signerad',
  sent_to_organ: 'Uppsatt på föredragningslista',
  decided: 'Beslut',
};

export const DOCUMENT_DIRECTION_LABELS: Record<DocumentDirection, string> = {
  incoming: 'Inkommande',
  outgoing: 'Utgående',
  drawn_up: 'Upprättad',
};

export const OFFICER_REPORT_STATUS_LABELS: Record<OfficerReportStatus, string> = {
  draft: 'Utkast',
  submitted: 'Inlämnad för granskning',
  returned: 'Återsänd',
  signed: 'Signerad',
};

/** The badge colour of a matter's status, so closed and cancelled matters stand out from open ones. */
export function statusBadgeClass(status: MatterStatus): string {
  if (status === 'cancelled' || status === 'withdrawn') return 'badge badge-danger';
  if (status === 'ready_for_decision' || status === 'decided') return 'badge badge-success';
  return 'badge';
}
