import { useState, type FormEvent } from 'react';
import { Button, Checkbox, CheckboxGroup, FieldError, Form, Label, Text } from 'react-aria-components';
import { useMutation } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client';
import { CalendarDateField, ClockField } from '../../components/date-fields';
import { FormError, TextInput } from '../../components/fields';
import { SuccessNotice } from '../../components/status';
import { formatShortDate, formatTime } from '../../format/dates';
import { fieldProblem, isServing, stockholmInstant, useMinutesChanged, type Minutes, type MinutesFrame } from './minutes-shared';

/** Utses att justera, and the place and time of justering decided at the meeting. */
export function JusteringForm({ minutes, frame }: { minutes: Minutes; frame: MinutesFrame }) {
  const [verifiers, setVerifiers] = useState<string[]>(minutes.verifierPersonIds);
  const [place, setPlace] = useState(minutes.verificationPlace ?? '');
  const [date, setDate] = useState(minutes.verificationAt ? formatShortDate(minutes.verificationAt) : '');
  const [time, setTime] = useState(minutes.verificationAt ? formatTime(minutes.verificationAt) : '');
  const minutesChanged = useMinutesChanged(minutes.meetingId);
  const save = useMutation({
    mutationFn: (body: Schemas['UpdateMinutesDto']) => call(api.PATCH('/api/v1/minutes/{id}', { params: { path: { id: minutes.id } }, body })),
    onSuccess: (saved) => minutesChanged(saved),
  });
  const chair = minutes.attendees.find((attendee) => attendee.personId === minutes.chairPersonId);
  const candidates = minutes.attendees.filter((attendee) => isServing(attendee) && attendee.personId && attendee.personId !== minutes.chairPersonId);
  const wanted = frame.organ.verifierCount;
  const verifierProblem = fieldProblem(save.error, 'verifierPersonIds');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({
      ...(wanted > 0 ? { verifierPersonIds: verifiers } : {}),
      // Verifiers may be chosen before the place and time are known: sending for justering without them is what the API refuses.
      ...(place.trim() ? { verificationPlace: place } : {}),
      ...(date && time ? { verificationAt: stockholmInstant(date, time) } : {}),
    });
  };

  return (
    // The API's refusal marks the fields invalid; with the browser's own validation that would block every later attempt to correct them.
    <Form className="form" onSubmit={submit} aria-labelledby="justerare-rubrik" validationBehavior="aria">
      <h3 id="justerare-rubrik">Justerare, plats och tid</h3>
      <p>Ordförande: {chair ? chair.name : 'inte angiven'}</p>
      {wanted > 0 ? (
        <CheckboxGroup className="field checkbox-group" value={verifiers} onChange={setVerifiers} isInvalid={Boolean(verifierProblem)} validationBehavior="aria">
          <Label>Justerare</Label>
          <Text slot="description">
            {frame.organ.name} utser {wanted === 1 ? 'en justerare' : `${wanted} justerare`} bland de beslutande.
          </Text>
          <div className="checkbox-list">
            {candidates.map((attendee) => (
              <Checkbox key={attendee.personId} value={attendee.personId!} className="checkbox">
                {({ isSelected }) => (
                  <>
                    <span className="checkbox-box" aria-hidden="true">
                      {isSelected ? '✓' : ''}
                    </span>
                    {attendee.name}
                    {attendee.party ? ` (${attendee.party})` : ''}
                  </>
                )}
              </Checkbox>
            ))}
          </div>
          <FieldError>{verifierProblem}</FieldError>
        </CheckboxGroup>
      ) : null}
      <TextInput label="Plats för justering" name="verificationPlace" value={place} onChange={setPlace} error={save.error} />
      <div className="form-row">
        <CalendarDateField label="Datum för justering" name="verificationAt" value={date} onChange={setDate} error={save.error} />
        <ClockField label="Klockslag" name="verificationTime" value={time} onChange={setTime} error={null} />
      </div>
      <FormError error={save.error} />
      {save.isSuccess ? <SuccessNotice>Justerare, plats och tid är sparade.</SuccessNotice> : null}
      <div>
        <Button type="submit" className="button" isDisabled={save.isPending}>
          {save.isPending ? 'Sparar …' : 'Spara justerare, plats och tid'}
        </Button>
      </div>
    </Form>
  );
}
