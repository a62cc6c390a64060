import { useState, type FormEvent } from 'react';
import { Button, FieldError, Label, Radio, RadioGroup } from 'react-aria-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call, isApiError, type Schemas } from '../../api/client';
import { FormError } from '../../components/fields';
import { groupMeetingsBody, MeetingFields, meetingFormValues, meetingTimes, missingTimes, sameGroupMeetings, type MeetingFormValues } from '../plan/meeting-fields';

type Meeting = Schemas['MeetingDto'];
type GroupMeetingsOnMove = NonNullable<Schemas['UpdateMeetingDto']['groupMeetingsOnMove']>;

const NOTICE_WARNINGS: Partial<Record<Meeting['status'], string>> = {
  notice_finalized: 'Kallelsen är fastställd. Ändrar du tid, plats eller gruppmöten fastställs den på nytt med de nya uppgifterna.',
  notice_sent: 'Kallelsen är skickad. Ändrar du tid, plats eller gruppmöten skickas en reviderad kallelse genast till alla mottagare.',
};

function savedMessage(before: Meeting, after: Meeting): string {
  if (after.calendarSequence === before.calendarSequence) return 'Inget ändrades.';
  if (before.status === 'notice_sent') return 'Ändringarna är sparade. En reviderad kallelse skickas till alla mottagare.';
  if (before.status === 'notice_finalized') return 'Ändringarna är sparade och kallelsen är fastställd på nytt.';
  return 'Ändringarna är sparade.';
}

/** The PATCH body: group meetings only if the secretary changed them; otherwise, if the start moved, whether they move with it. */
function changes(meeting: Meeting, values: MeetingFormValues, onMove: GroupMeetingsOnMove): Schemas['UpdateMeetingDto'] {
  const body: Schemas['UpdateMeetingDto'] = { ...meetingTimes(values), place: values.place };
  if (!sameGroupMeetings(values.groupMeetings, meeting.groupMeetings)) return { ...body, groupMeetings: groupMeetingsBody(values.groupMeetings) };
  return startClockMoved(meeting, values) && meeting.groupMeetings.length > 0 ? { ...body, groupMeetingsOnMove: onMove } : body;
}

const startClockMoved = (meeting: Meeting, values: MeetingFormValues) => meetingFormValues(meeting).startTime !== values.startTime;

export function DetailsForm({ meeting, onSaved }: { meeting: Meeting; onSaved: (message: string | null) => void }) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState(() => meetingFormValues(meeting));
  const [onMove, setOnMove] = useState<GroupMeetingsOnMove>('move');
  const save = useMutation({
    mutationFn: async (form: MeetingFormValues) => {
      const missing = missingTimes(form);
      if (missing) throw missing;
      return call(api.PATCH('/api/v1/meetings/{id}', { params: { path: { id: meeting.id } }, body: changes(meeting, form, onMove) }));
    },
    onMutate: () => onSaved(null),
    onSuccess: (saved) => {
      queryClient.setQueryData(['meeting', meeting.id], saved);
      // The notice's versions, the agenda's header and the year's plan all show the time and place.
      void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'meeting' && query.queryKey.includes(meeting.id) });
      void queryClient.invalidateQueries({ queryKey: ['meetings'] });
      onSaved(savedMessage(meeting, saved));
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(values);
  };
  const asksAboutGroupMeetings =
    meeting.groupMeetings.length > 0 && startClockMoved(meeting, values) && sameGroupMeetings(values.groupMeetings, meeting.groupMeetings);
  const onMoveProblem = isApiError(save.error) ? save.error.fieldMessage('groupMeetingsOnMove') : undefined;
  const warning = NOTICE_WARNINGS[meeting.status];

  return (
    <form className="form panel" onSubmit={submit} noValidate aria-labelledby="details-form-rubrik">
      <h3 id="details-form-rubrik">Ändra tid och plats</h3>
      {warning ? <p className="notice notice-warning">{warning}</p> : null}
      <MeetingFields values={values} onChange={setValues} error={save.error} />
      {asksAboutGroupMeetings ? (
        <RadioGroup className="field details-on-move" name="groupMeetingsOnMove" value={onMove} onChange={(value) => setOnMove(value as GroupMeetingsOnMove)} isInvalid={Boolean(onMoveProblem)}>
          <Label>Starttiden ändras. Vad ska hända med gruppmötena?</Label>
          <Radio value="move">Flytta gruppmötena lika mycket som sammanträdet</Radio>
          <Radio value="keep">Behåll gruppmötenas tider</Radio>
          <FieldError>{onMoveProblem}</FieldError>
        </RadioGroup>
      ) : null}
      <FormError error={save.error} />
      <div>
        <Button type="submit" className="button button-primary" isDisabled={save.isPending}>
          Spara ändringar
        </Button>
      </div>
    </form>
  );
}
