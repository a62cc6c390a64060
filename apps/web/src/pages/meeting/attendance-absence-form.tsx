import { useState, type FormEvent } from 'react';
import { Button, FieldError, Form, Label, ListBox, ListBoxItem, Popover, Select, SelectValue, type Key } from 'react-aria-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, call, type Schemas } from '../../api/client';
import { FormError } from '../../components/fields';
import { SuccessNotice } from '../../components/status';
import { expectedAttendanceQueryKey, substituteCallsQueryKey } from './attendance-tab';

interface Candidate {
  personId: string;
  label: string;
}

/** Everyone with a seat who has not already reported förhinder: the members first, then the ersättare. */
function candidates(attendance: Schemas['ExpectedAttendanceDto']): Candidate[] {
  const party = (value: string | null) => (value ? ` (${value})` : '');
  return [
    ...attendance.members.filter((seat) => !seat.absent).map((seat) => ({ personId: seat.member.personId, label: `${seat.member.name}${party(seat.member.party)}, ledamot` })),
    ...attendance.substitutes.filter((seat) => !seat.absent).map((seat) => ({ personId: seat.personId, label: `${seat.name}${party(seat.party)}, ersättare` })),
  ];
}

/** What happened after a report, read from the attendance the API now expects. */
function outcome(attendance: Schemas['ExpectedAttendanceDto'], personId: string): string {
  const seat = attendance.members.find((candidate) => candidate.member.personId === personId);
  if (seat) {
    return seat.servingSubstitute
      ? `Förhinder anmält för ${seat.member.name}. ${seat.servingSubstitute.name} är inkallad som tjänstgörande ersättare och har fått besked per e-post.`
      : `Förhinder anmält för ${seat.member.name}. Ingen ersättare kunde kallas in.`;
  }
  const substitute = attendance.substitutes.find((candidate) => candidate.personId === personId);
  return `Förhinder anmält för ${substitute?.name ?? 'ersättaren'}.`;
}

/** The secretary reports someone's förhinder; the API calls in the next ersättare in the organ's order. */
export function AbsenceForm({ meetingId, attendance }: { meetingId: string; attendance: Schemas['ExpectedAttendanceDto'] }) {
  const queryClient = useQueryClient();
  const [personId, setPersonId] = useState<Key | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const report = useMutation({
    mutationFn: (body: Schemas['ReportAbsenceDto']) => call(api.POST('/api/v1/meetings/{id}/absences', { params: { path: { id: meetingId } }, body })),
    onSuccess: async (absence) => {
      await queryClient.invalidateQueries({ queryKey: substituteCallsQueryKey(meetingId) });
      const refreshed = await queryClient.fetchQuery({
        queryKey: expectedAttendanceQueryKey(meetingId),
        queryFn: () => call(api.GET('/api/v1/meetings/{id}/expected-attendance', { params: { path: { id: meetingId } } })),
        staleTime: 0,
      });
      setDone(outcome(refreshed, absence.personId));
      setPersonId(null);
    },
  });
  const options = candidates(attendance);
  // The API's Swedish message names the problem; its per-field details are for developers.
  const personError = report.error instanceof ApiError && report.error.fieldMessage('personId') ? report.error.message : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (personId === null) return;
    setDone(null);
    report.mutate({ personId: String(personId) });
  };

  return (
    <section className="panel" aria-labelledby="absence-form-rubrik">
      <h3 id="absence-form-rubrik">Anmäl förhinder</h3>
      <Form onSubmit={submit} className="form attendance-absence-form">
        <Select value={personId} onChange={(key) => setPersonId(key)} isInvalid={Boolean(personError)} validationBehavior="aria" className="field attendance-select" name="personId" placeholder="Välj person">
          <Label>Vem har förhinder?</Label>
          <Button className="attendance-select-button">
            <SelectValue />
            <span aria-hidden="true">▾</span>
          </Button>
          <FieldError>{personError}</FieldError>
          <Popover className="attendance-select-popover">
            <ListBox items={options}>
              {(option) => (
                <ListBoxItem id={option.personId} textValue={option.label}>
                  {option.label}
                </ListBoxItem>
              )}
            </ListBox>
          </Popover>
        </Select>
        <FormError error={personError ? null : report.error} />
        <div>
          <Button type="submit" className="button button-primary" isDisabled={report.isPending || personId === null}>
            {report.isPending ? 'Anmäler …' : 'Anmäl förhinder'}
          </Button>
        </div>
      </Form>
      {done ? <SuccessNotice>{done}</SuccessNotice> : null}
    </section>
  );
}
