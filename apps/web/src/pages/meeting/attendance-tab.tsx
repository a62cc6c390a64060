import type { Schemas } from '../../api/client';

export function AttendanceTab({ meeting }: { meeting: Schemas['MeetingDto'] }) {
  return (
    <section aria-labelledby="attendance-tab-rubrik">
      <h2 id="attendance-tab-rubrik">Närvaro</h2>
      <p>Sammanträdet {meeting.id}.</p>
    </section>
  );
}
