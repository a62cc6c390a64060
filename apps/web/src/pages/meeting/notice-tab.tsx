import type { Schemas } from '../../api/client';

export function NoticeTab({ meeting }: { meeting: Schemas['MeetingDto'] }) {
  return (
    <section aria-labelledby="notice-tab-rubrik">
      <h2 id="notice-tab-rubrik">Kallelse och utskick</h2>
      <p>Sammanträdet {meeting.id}.</p>
    </section>
  );
}
