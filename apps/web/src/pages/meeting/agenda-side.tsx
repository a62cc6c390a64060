import type { Schemas } from '../../api/client';
import { AgendaAddInformation, AgendaAddStandard } from './agenda-add-items';
import { AgendaAddMatter } from './agenda-add-matter';
import { AgendaFinalize } from './agenda-finalize';
import type { AgendaItem } from './agenda-queries';

/** Beside the agenda: the kallelse's state and finalizing it, and adding matters and items. */
export function AgendaSide({ meeting, items, editable, announce }: { meeting: Schemas['MeetingDto']; items: AgendaItem[]; editable: boolean; announce: (message: string) => void }) {
  return (
    <div className="agenda-side">
      <AgendaFinalize meeting={meeting} items={items} announce={announce} />
      {editable ? (
        <section aria-labelledby="agenda-add-rubrik" className="panel">
          <h3 id="agenda-add-rubrik">Lägg till</h3>
          <AgendaAddMatter meetingId={meeting.id} items={items} announce={announce} />
          <AgendaAddInformation meetingId={meeting.id} announce={announce} />
          <AgendaAddStandard meetingId={meeting.id} organId={meeting.organId} announce={announce} />
        </section>
      ) : null}
    </div>
  );
}
