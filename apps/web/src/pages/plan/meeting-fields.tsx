import { useState } from 'react';
import { Button } from 'react-aria-components';
import { ApiError, type FieldProblem, type Schemas } from '../../api/client';
import { TextInput } from '../../components/fields';
import { CalendarDateField, ClockField } from '../../components/date-fields';
import { isCalendarDate, isClockTime, stockholmDateAndTime, stockholmInstant } from './stockholm-time';

/** A group meeting as typed: the parties as one text ("KD, M, S"), a key that follows the row when others are removed. */
export interface GroupMeetingRow {
  key: number;
  startTime: string;
  endTime: string;
  parties: string;
  room: string;
}

export interface MeetingFormValues {
  date: string;
  startTime: string;
  endTime: string;
  place: string;
  groupMeetings: GroupMeetingRow[];
}

let nextRowKey = 1;

export function groupMeetingRows(groupMeetings: Schemas['GroupMeetingViewDto'][]): GroupMeetingRow[] {
  return groupMeetings.map((group) => ({ key: nextRowKey++, startTime: group.startTime, endTime: group.endTime, parties: group.parties.join(', '), room: group.room }));
}

export function meetingFormValues(meeting: Schemas['MeetingDto']): MeetingFormValues {
  const start = stockholmDateAndTime(meeting.startsAt);
  return { date: start.date, startTime: start.time, endTime: stockholmDateAndTime(meeting.endsAt).time, place: meeting.place, groupMeetings: groupMeetingRows(meeting.groupMeetings) };
}

export function groupMeetingsBody(rows: GroupMeetingRow[]): Schemas['GroupMeetingDto'][] {
  return rows.map((row) => ({ startTime: row.startTime, endTime: row.endTime, parties: row.parties.split(/[\s,/]+/).filter(Boolean), room: row.room }));
}

/** Whether the rows say the same as the saved group meetings; the API's JSON need not keep the keys' order. */
export function sameGroupMeetings(rows: GroupMeetingRow[], saved: Schemas['GroupMeetingViewDto'][]): boolean {
  const typed = groupMeetingsBody(rows);
  return (
    typed.length === saved.length &&
    typed.every((group, index) => {
      const other = saved[index];
      return group.startTime === other.startTime && group.endTime === other.endTime && group.room === other.room && group.parties.join('/') === other.parties.join('/');
    })
  );
}

/**
 * Date and clock times the browser must turn into instants before the API can judge them; what is missing
 * is named under its field like the API's own answers.
 */
export function missingTimes(values: Pick<MeetingFormValues, 'date' | 'startTime' | 'endTime'>): ApiError | null {
  const problems: FieldProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ field, messages: [message], message });
  if (!isCalendarDate(values.date)) problem('startsAt', 'Ange datum som ÅÅÅÅ-MM-DD.');
  if (!isClockTime(values.startTime)) problem('startTime', 'Ange starttid som TT:MM.');
  if (!isClockTime(values.endTime)) problem('endsAt', 'Ange sluttid som TT:MM.');
  return problems.length > 0 ? new ApiError(400, 'INCOMPLETE', 'Ange datum, starttid och sluttid.', problems) : null;
}

/** The meeting's day, start and end; the meeting ends on the day it starts. */
export function meetingTimes(values: Pick<MeetingFormValues, 'date' | 'startTime' | 'endTime'>): { startsAt: string; endsAt: string } {
  return { startsAt: stockholmInstant(values.date, values.startTime), endsAt: stockholmInstant(values.date, values.endTime) };
}

interface MeetingFieldsProps {
  values: MeetingFormValues;
  onChange: (values: MeetingFormValues) => void;
  error: unknown;
  autoFocus?: boolean;
}

/** Day, time, place and group meetings of a meeting; the API's objections appear under the field they concern. */
export function MeetingFields({ values, onChange, error, autoFocus }: MeetingFieldsProps) {
  const set = (change: Partial<MeetingFormValues>) => onChange({ ...values, ...change });
  return (
    <>
      <div className="form-row">
        <CalendarDateField label="Datum" name="startsAt" value={values.date} onChange={(date) => set({ date })} error={error} isRequired autoFocus={autoFocus} />
        <ClockField label="Starttid" name="startTime" value={values.startTime} onChange={(startTime) => set({ startTime })} error={error} isRequired />
        <ClockField label="Sluttid" name="endsAt" value={values.endTime} onChange={(endTime) => set({ endTime })} error={error} isRequired />
      </div>
      <TextInput label="Plats" name="place" value={values.place} onChange={(place) => set({ place })} error={error} isRequired description="t.ex. Sessionssalen, Stadshuset" />
      <GroupMeetingsFields rows={values.groupMeetings} onChange={(groupMeetings) => set({ groupMeetings })} error={error} />
    </>
  );
}

function GroupMeetingsFields({ rows, onChange, error }: { rows: GroupMeetingRow[]; onChange: (rows: GroupMeetingRow[]) => void; error: unknown }) {
  const [addedKey, setAddedKey] = useState<number | null>(null);
  const update = (key: number, change: Partial<GroupMeetingRow>) => onChange(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const add = () => {
    const key = nextRowKey++;
    setAddedKey(key);
    onChange([...rows, { key, startTime: '', endTime: '', parties: '', room: '' }]);
  };
  // The API names the group meetings as a whole, each problem in Swedish, when they clash with each other or with the meeting's start.
  const wholeListProblem = error instanceof ApiError ? error.details.find((detail) => detail.field === 'groupMeetings') : undefined;
  return (
    <fieldset className="group-meetings">
      <legend>Gruppmöten</legend>
      {rows.length === 0 ? <p className="group-meetings-empty">Inga gruppmöten.</p> : null}
      {rows.map((row, index) => (
        <div key={row.key} role="group" aria-label={`Gruppmöte ${index + 1}`} className="form-row group-meeting">
          <ClockField label="Från" name={`groupMeetings.${index}.startTime`} value={row.startTime} onChange={(startTime) => update(row.key, { startTime })} error={error} autoFocus={row.key === addedKey} />
          <ClockField label="Till" name={`groupMeetings.${index}.endTime`} value={row.endTime} onChange={(endTime) => update(row.key, { endTime })} error={error} />
          <TextInput label="Partier" name={`groupMeetings.${index}.parties`} value={row.parties} onChange={(parties) => update(row.key, { parties })} error={error} description="t.ex. KD, M, S" />
          <TextInput label="Lokal" name={`groupMeetings.${index}.room`} value={row.room} onChange={(room) => update(row.key, { room })} error={error} />
          <Button className="button button-small button-quiet" onPress={() => onChange(rows.filter((candidate) => candidate.key !== row.key))}>
            Ta bort gruppmöte {index + 1}
          </Button>
        </div>
      ))}
      <Button className="button button-small" onPress={add}>
        Lägg till gruppmöte
      </Button>
      {wholeListProblem ? (
        <ul className="field-error" aria-live="polite">
          {wholeListProblem.messages.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}
