import type { Schemas } from '../../api/client';

export function MeetingDetails({ meeting }: { meeting: Schemas['MeetingDto'] }) {
  return (
    <section aria-labelledby="meeting-details-rubrik">
      <h2 id="meeting-details-rubrik">Tid och plats</h2>
      <p>Sammanträdet {meeting.id}.</p>
    </section>
  );
}
