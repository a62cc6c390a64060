import type { Schemas } from '../../api/client';

export function AgendaTab({ meeting }: { meeting: Schemas['MeetingDto'] }) {
  return (
    <section aria-labelledby="agenda-tab-rubrik">
      <h2 id="agenda-tab-rubrik">Föredragningslista</h2>
      <p>Sammanträdet {meeting.id}.</p>
    </section>
  );
}
