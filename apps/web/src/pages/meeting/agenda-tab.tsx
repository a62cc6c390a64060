import { lazy, Suspense, useState } from 'react';
import type { Schemas } from '../../api/client';
import { ErrorNotice, LoadingNotice } from '../../components/status';
import { AgendaList } from './agenda-list';
import { useAgenda } from './agenda-queries';

// The list is what the page is opened for; the side's dialogs and pickers (React Aria's overlays, a
// third of the page's code) are fetched at once beside it but do not hold it back.
const agendaSide = import('./agenda-side');
const AgendaSide = lazy(async () => ({ default: (await agendaSide).AgendaSide }));

/** Until the meeting is held the agenda can change; once the notice is out, only by adding (extra ärenden). */
const EDITABLE_STATUSES: Schemas['MeetingDto']['status'][] = ['planned', 'notice_finalized', 'notice_sent'];

/** The agenda builder: the items in order, adding and arranging them, and finalizing the kallelse. */
export function AgendaTab({ meeting }: { meeting: Schemas['MeetingDto'] }) {
  const agenda = useAgenda(meeting.id);
  const [announcement, setAnnouncement] = useState('');
  const editable = EDITABLE_STATUSES.includes(meeting.status);
  const reorderable = meeting.status === 'planned' || meeting.status === 'notice_finalized';

  return (
    <section aria-labelledby="agenda-tab-rubrik" className="agenda-tab" data-agenda-ready={agenda.isSuccess ? 'true' : 'false'}>
      <h2 id="agenda-tab-rubrik">Föredragningslista</h2>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {agenda.isPending ? <LoadingNotice label="Hämtar föredragningslistan" /> : null}
      {agenda.isError ? <ErrorNotice error={agenda.error} /> : null}
      {agenda.data ? (
        <div className="agenda-layout">
          <div className="agenda-items">
            <h3 id="agenda-list-rubrik" tabIndex={-1}>
              Punkter
            </h3>
            {announcement ? (
              <p className="notice notice-success" aria-hidden="true">
                {announcement}
              </p>
            ) : null}
            <AgendaList meetingId={meeting.id} items={agenda.data} editable={editable} reorderable={reorderable} announce={setAnnouncement} />
          </div>
          <Suspense fallback={<div className="agenda-side"><LoadingNotice label="Hämtar verktygen för föredragningslistan" /></div>}>
            <AgendaSide meeting={meeting} items={agenda.data} editable={editable} announce={setAnnouncement} />
          </Suspense>
        </div>
      ) : null}
    </section>
  );
}
