import { useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { api, call, type Schemas } from '../../api/client';
import { FormError, TextInput } from '../../components/fields';
import { formatTime } from '../../format/dates';
import { autosaveText, useAutosave } from './paragraph-autosave';
import { ChoiceSelect } from './paragraph-fields';
import { formLevelError, replaceParagraph, useParagraphChange, withParty, type Minutes, type Paragraph } from './paragraph-changes';
import { useQueryClient } from '@tanstack/react-query';

/** "14:35" on the meeting's day as an instant, read as Stockholm time whatever the device's zone. */
function instantOnMeetingDay(minutes: Minutes, clock: string): string | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(clock.trim());
  if (!match) return null;
  const start = new Date(minutes.startedAt);
  const [hour, minute] = formatTime(start).split(':').map(Number);
  const offsetMinutes = (((hour * 60 + minute - (start.getUTCHours() * 60 + start.getUTCMinutes())) % 1440) + 1440 + 720) % 1440 - 720;
  const [year, month, day] = minutes.meetingDate.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day, Number(match[1]), Number(match[2])) - offsetMinutes * 60_000).toISOString();
}

/** Now, if the meeting is on; otherwise the nearest moment of it (the secretary enters a reservation announced at the meeting afterwards). */
function likelyAnnouncement(minutes: Minutes): string {
  const now = Date.now();
  const start = new Date(minutes.startedAt).getTime();
  const end = new Date(minutes.endedAt).getTime();
  return formatTime(new Date(Math.min(Math.max(now, start), end)));
}

/** Reservationer against the decision, with the written reasons saved as they are typed. */
export function ParagraphDissents({ paragraph, minutes }: { paragraph: Paragraph; minutes: Minutes }) {
  const [personId, setPersonId] = useState<string | null>(null);
  const [reasons, setReasons] = useState('');
  const [announced, setAnnounced] = useState(() => likelyAnnouncement(minutes));
  const add = useParagraphChange(minutes.meetingId, () =>
    call(
      api.POST('/api/v1/paragraphs/{id}/dissents', {
        params: { path: { id: paragraph.id } },
        body: { personId: personId ?? '', ...(reasons.trim() ? { reasons } : {}), ...(instantOnMeetingDay(minutes, announced) ? { announcedAt: instantOnMeetingDay(minutes, announced)! } : {}) },
      }),
    ),
  );

  return (
    <section aria-labelledby={`reservationer-${paragraph.id}`} className="paragraph-part">
      <h4 id={`reservationer-${paragraph.id}`}>Reservationer</h4>
      {paragraph.dissents.length === 0 ? <p>Ingen har reserverat sig.</p> : (
        <ul className="dissent-list">
          {paragraph.dissents.map((dissent) => (
            <li key={dissent.id}>
              <DissentReasons dissent={dissent} meetingId={minutes.meetingId} />
            </li>
          ))}
        </ul>
      )}
      {paragraph.status === 'decided' ? (
        <Form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            add.mutate(undefined, {
              onSuccess: () => {
                setReasons('');
                setPersonId(null);
              },
            });
          }}
        >
          <div className="form-row">
            <ChoiceSelect label="Reservation av" name="personId" choices={paragraph.servingMembers.map((seat) => ({ id: seat.personId, label: withParty(seat) }))} value={personId} onChange={setPersonId} error={add.error} />
            <TextInput label="Anmäld klockan" name="announcedAt" value={announced} onChange={setAnnounced} error={add.error} description="Under sammanträdet, tt:mm" />
          </div>
          <TextInput label="Skriftlig motivering (kan lämnas senare)" name="reasons" multiline rows={2} value={reasons} onChange={setReasons} error={add.error} />
          <FormError error={formLevelError(add.error, ['personId', 'announcedAt', 'reasons'])} />
          <div className="button-row">
            <Button type="submit" className="button" isDisabled={add.isPending}>
              Anmäl reservation
            </Button>
          </div>
        </Form>
      ) : (
        <p className="hint">Reservation anmäls mot ett fattat beslut.</p>
      )}
    </section>
  );
}

function DissentReasons({ dissent, meetingId }: { dissent: Schemas['DissentDto']; meetingId: string }) {
  const queryClient = useQueryClient();
  const [text, setText] = useState(dissent.reasons ?? '');
  const autosave = useAutosave(async (reasons) => {
    if (!reasons.trim() || reasons === (dissent.reasons ?? '')) return true;
    replaceParagraph(queryClient, meetingId, await call(api.PATCH('/api/v1/dissents/{id}', { params: { path: { id: dissent.id } }, body: { reasons } })));
    return true;
  });
  return (
    <>
      <p>
        <strong>{dissent.name}</strong> reserverar sig mot beslutet.
      </p>
      <TextInput
        label={`Skriftlig reservation från ${dissent.name}`}
        name="reasons"
        multiline
        rows={2}
        value={text}
        onChange={(value) => {
          setText(value);
          autosave.schedule(value);
        }}
        onBlur={() => void autosave.flush()}
        error={autosave.error}
      />
      <p className={`autosave autosave-${autosave.state}`} role="status">
        {autosaveText(autosave.state)}
      </p>
      {autosave.state === 'failed' ? <FormError error={formLevelError(autosave.error, ['reasons'])} /> : null}
    </>
  );
}
