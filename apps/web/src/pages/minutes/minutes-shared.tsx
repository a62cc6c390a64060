import type { Key } from 'react-aria-components';
import { Button, Label, ListBox, ListBoxItem, Popover, Select, SelectValue } from 'react-aria-components';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, type Schemas } from '../../api/client';

export type Minutes = Schemas['MinutesDto'];
export type MinutesFrame = Schemas['MinutesPageDto'];
export type Attendee = Schemas['AttendeeDto'];
export type Capacity = Attendee['capacity'];

export const minutesKey = (meetingId: string) => ['minutes', 'of-meeting', meetingId] as const;
export const minutesFrameKey = (meetingId: string) => ['minutes', 'page', meetingId] as const;

/** After a write that answers with the minutes: show them at once, and read the frame (postings, the meeting's status) again. */
export function useMinutesChanged(meetingId: string) {
  const queryClient = useQueryClient();
  return (minutes?: Minutes) => {
    if (minutes) queryClient.setQueryData(minutesKey(meetingId), minutes);
    else void queryClient.invalidateQueries({ queryKey: minutesKey(meetingId) });
    void queryClient.invalidateQueries({ queryKey: minutesFrameKey(meetingId) });
  };
}

export const CAPACITY_LABELS: Record<Capacity, string> = {
  member: 'Ledamot',
  serving_substitute: 'Tjänstgörande ersättare',
  substitute: 'Ersättare (ej tjänstgörande)',
  official: 'Tjänsteperson',
  other: 'Övrig närvarande',
};

export const MINUTES_STATUS_LABELS: Record<Minutes['status'], string> = {
  draft: 'Utkast',
  verified: 'Justerat',
  completed: 'Färdigställt',
};

export const APPROVER_ROLE_LABELS: Record<Schemas['ApproverDto']['role'], string> = {
  chair: 'Ordförande',
  verifier: 'Justerare',
};

export const POSTING_STATUS_LABELS: Record<Schemas['PostingDto']['status'], string> = {
  scheduled: 'Sätts upp',
  up: 'Uppsatt',
  down: 'Nedtaget',
};

/** Members and serving substitutes vote: they are the ones counted for quorum and who may verify. */
export const isServing = (attendee: Pick<Attendee, 'capacity'>) => attendee.capacity === 'member' || attendee.capacity === 'serving_substitute';

const problemsWith = (error: unknown, field: string) =>
  error instanceof ApiError
    ? error.details.filter((detail) => detail.field === field || detail.field?.startsWith(`${field}.`) || detail.field?.startsWith(`${field}[`))
    : [];

/**
 * The API's Swedish word on one field: the field's own message from validation, or the error's message
 * when a rule names the field (also as `verifierPersonIds[1]`, which ApiError.fieldMessage does not match).
 */
export function fieldProblem(error: unknown, field: string): string | undefined {
  const [problem] = problemsWith(error, field);
  if (!problem || !(error instanceof ApiError)) return undefined;
  return problem.message ?? error.message;
}

/** What is wrong with one attendance row: the attendance rules word each problem in Swedish, per row. */
export function rowProblems(error: unknown, field: string): string[] {
  return problemsWith(error, field).map((problem) => problem.message ?? problem.messages.join(' '));
}

const stockholmClock = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Stockholm',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** The instant (ISO) of a Stockholm wall-clock date and time, whatever the device's own zone. */
export function stockholmInstant(date: string, time: string): string {
  const naive = new Date(`${date}T${time}:00Z`);
  const parts = Object.fromEntries(stockholmClock.formatToParts(naive).map((part) => [part.type, Number(part.value)]));
  const shownAsUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute);
  return new Date(naive.getTime() - (shownAsUtc - naive.getTime())).toISOString();
}

interface Option {
  id: string;
  label: string;
}

/** A labelled drop-down from react-aria-components, small enough for a table cell. */
export function SmallSelect({
  label,
  options,
  value,
  onChange,
  hideLabel,
  placeholder = 'Välj',
}: {
  label: string;
  options: Option[];
  value: string;
  onChange: (value: string) => void;
  hideLabel?: boolean;
  placeholder?: string;
}) {
  return (
    <Select
      className="minutes-select"
      placeholder={placeholder}
      selectedKey={value === '' ? null : value}
      onSelectionChange={(key: Key | null) => {
        if (key !== null) onChange(String(key));
      }}
      aria-label={hideLabel ? label : undefined}
    >
      {hideLabel ? null : <Label>{label}</Label>}
      <Button className="button button-small minutes-select-button">
        <SelectValue />
        <span aria-hidden="true">▾</span>
      </Button>
      <Popover className="minutes-popover">
        <ListBox items={options}>{(option) => <ListBoxItem id={option.id}>{option.label}</ListBoxItem>}</ListBox>
      </Popover>
    </Select>
  );
}
