import type { Schemas } from '../../api/client';

export const MEETING_STATUS_LABELS: Record<Schemas['ComingMeetingDto']['status'], string> = {
  planned: 'Planerat',
  notice_finalized: 'Kallelse fastställd',
  notice_sent: 'Kallelse skickad',
  held: 'Genomfört',
  minutes_verified: 'Protokoll justerat',
  cancelled: 'Inställt',
};
