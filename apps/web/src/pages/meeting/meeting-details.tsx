import { useState } from 'react';
import type { Schemas } from '../../api/client';
import { SuccessNotice } from '../../components/status';
import { formatTimeSpan } from '../../format/dates';
import { canChangeMeeting, MeetingStatusBadge } from '../plan/meeting-status';
import { DetailsForm } from './details-form';

/** "Tid och plats": when and where the meeting is, the party groups' meetings before it, and changing them. */
export function MeetingDetails({ meeting }: { meeting: Schemas['MeetingDto'] }) {
  const [savedMessage, setSavedMessage] = useState<string | null>(null);
  return (
    <section aria-labelledby="meeting-details-rubrik">
      <h2 id="meeting-details-rubrik">Tid och plats</h2>
      <dl className="details-summary">
        <dt>Tid</dt>
        <dd>{formatTimeSpan(meeting.startsAt, meeting.endsAt)}</dd>
        <dt>Plats</dt>
        <dd>{meeting.place}</dd>
        <dt>Gruppmöten</dt>
        <dd>
          {meeting.groupMeetings.length === 0 ? (
            'Inga'
          ) : (
            <ul>
              {meeting.groupMeetings.map((group, index) => (
                <li key={index}>
                  {group.startTime}–{group.endTime} {group.parties.join('/')} i {group.room}
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>Status</dt>
        <dd>
          <MeetingStatusBadge status={meeting.status} />
        </dd>
      </dl>
      {savedMessage ? <SuccessNotice>{savedMessage}</SuccessNotice> : null}
      {canChangeMeeting(meeting.status) ? (
        // A fresh form from what was saved, so it shows the group meetings as the API moved them.
        <DetailsForm key={meeting.updatedAt} meeting={meeting} onSaved={setSavedMessage} />
      ) : (
        <p>Sammanträdet är {meeting.status === 'cancelled' ? 'inställt' : 'hållet'}; tid och plats kan inte längre ändras.</p>
      )}
    </section>
  );
}
