import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, call, isApiError, type FieldProblem, type Schemas } from '../../api/client';
import { FormError, TextInput } from '../../components/fields';
import { formatShortDate, formatWeekdayDate } from '../../format/dates';
import { ClockField } from '../../components/date-fields';
import { missingTimes, meetingTimes } from './meeting-fields';
import { isCalendarDate } from './stockholm-time';

interface PlanYearDialogProps {
  organId: string;
  organName: string;
  year: number;
  /** The organ's meetings of the year already planned: a second meeting on one of their days is not planned again. */
  planned: Schemas['MeetingDto'][];
}

interface PlanYearForm {
  dates: string;
  startTime: string;
  endTime: string;
  place: string;
}

interface Refusal {
  date: string;
  reason: string;
}

interface PlanYearResult {
  created: Schemas['MeetingDto'][];
  refused: Refusal[];
}

/** "Planera årets sammanträden": many days at once with a common time and place, as the organ's year plan is decided. */
export function PlanYearDialog(props: PlanYearDialogProps) {
  return (
    <DialogTrigger>
      <Button className="button">Planera årets sammanträden</Button>
      <ModalOverlay isDismissable>
        <Modal>
          <Dialog>{({ close }) => <PlanYearContent {...props} close={close} />}</Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}

/**
 * The days as typed, each judged before anything is sent: one that is not a date, lies in another year, is
 * typed twice or already has a meeting is refused here with the reason; the rest go to the API together.
 */
function sortDays(text: string, year: number, planned: Schemas['MeetingDto'][]): { days: string[]; refused: Refusal[] } {
  const plannedDays = new Set(planned.filter((meeting) => meeting.status !== 'cancelled').map((meeting) => formatShortDate(meeting.startsAt)));
  const days: string[] = [];
  const refused: Refusal[] = [];
  for (const day of text.split(/[\s,;]+/).filter(Boolean)) {
    if (!isCalendarDate(day)) refused.push({ date: day, reason: 'är inte ett datum (ÅÅÅÅ-MM-DD)' });
    else if (Number(day.slice(0, 4)) !== year) refused.push({ date: day, reason: `ligger inte i ${year}` });
    else if (days.includes(day)) refused.push({ date: day, reason: 'står mer än en gång' });
    else if (plannedDays.has(day)) refused.push({ date: day, reason: 'det finns redan ett sammanträde den dagen' });
    else days.push(day);
  }
  return { days: days.sort(), refused };
}

const PLAN_ITEM_FIELD = /^meetings(?:\[(\d+)\]|\.(\d+))\.(\w+)/;

/** The API names a planned meeting by its place in the list (meetings[2].startsAt); the form names it by its day. */
function onFormFields(error: unknown, days: string[]): unknown {
  if (!isApiError(error)) return error;
  const details: FieldProblem[] = error.details.map((detail) => {
    const match = PLAN_ITEM_FIELD.exec(detail.field ?? '');
    if (!match) return detail;
    const field = match[3];
    const message = detail.message ?? error.message;
    if (field === 'place' || field === 'endsAt') return { field, messages: detail.messages, message };
    const day = days[Number(match[1] ?? match[2])];
    return { field: 'dates', messages: detail.messages, message: `${day}: ${message}` };
  });
  return new ApiError(error.status, error.code, error.message, details, error.requestId);
}

function PlanYearContent({ organId, organName, year, planned, close }: PlanYearDialogProps & { close: () => void }) {
  const queryClient = useQueryClient();
  const [form, setForm] = useState<PlanYearForm>({ dates: '', startTime: '14:00', endTime: '17:00', place: '' });
  const [sentDays, setSentDays] = useState<string[]>([]);
  const set = (change: Partial<PlanYearForm>) => setForm((current) => ({ ...current, ...change }));

  const plan = useMutation({
    mutationFn: async (values: PlanYearForm): Promise<PlanYearResult> => {
      const { days, refused } = sortDays(values.dates, year, planned);
      setSentDays(days);
      const problems: FieldProblem[] = [];
      if (days.length === 0) {
        const message = refused.length > 0 ? refused.map((refusal) => `${refusal.date} ${refusal.reason}.`).join(' ') : 'Ange minst ett datum.';
        problems.push({ field: 'dates', messages: [message], message });
      }
      const missing = missingTimes({ date: days[0] ?? `${year}-01-01`, startTime: values.startTime, endTime: values.endTime });
      if (missing) problems.push(...missing.details.filter((detail) => detail.field !== 'startsAt'));
      if (problems.length > 0) throw new ApiError(400, 'INCOMPLETE', 'Inget sammanträde planerades. Rätta uppgifterna och försök igen.', problems);
      const meetings = days.map((day) => ({ ...meetingTimes({ date: day, startTime: values.startTime, endTime: values.endTime }), place: values.place }));
      const created = await call(api.POST('/api/v1/meetings/plan', { body: { organId, year, meetings } }));
      return { created, refused };
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['meetings'] }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    plan.mutate(form);
  };

  const title = (
    <>
      <Heading slot="title" level={2}>
        Planera årets sammanträden
      </Heading>
      <p className="dialog-lead">
        {organName}, {year}
      </p>
    </>
  );
  if (plan.data) return <PlanYearOutcome title={title} result={plan.data} close={close} />;
  const error = onFormFields(plan.error, sentDays);
  return (
    <form className="form" onSubmit={submit} noValidate>
      {title}
      <TextInput
        label="Datum"
        name="dates"
        multiline
        rows={6}
        value={form.dates}
        onChange={(dates) => set({ dates })}
        error={error}
        autoFocus
        description="Ett datum per rad, som ÅÅÅÅ-MM-DD."
      />
      <div className="form-row">
        <ClockField label="Starttid" name="startTime" value={form.startTime} onChange={(startTime) => set({ startTime })} error={error} />
        <ClockField label="Sluttid" name="endsAt" value={form.endTime} onChange={(endTime) => set({ endTime })} error={error} />
      </div>
      <TextInput label="Plats" name="place" value={form.place} onChange={(place) => set({ place })} error={error} description="t.ex. Sessionssalen, Stadshuset" />
      <FormError error={error} />
      <div className="dialog-buttons">
        <Button type="submit" className="button button-primary" isDisabled={plan.isPending}>
          Planera sammanträdena
        </Button>
        <Button className="button" onPress={close}>
          Avbryt
        </Button>
      </div>
    </form>
  );
}

function PlanYearOutcome({ title, result, close }: { title: ReactNode; result: PlanYearResult; close: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // The form the focus was in is gone; the outcome is read from its heading.
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="form">
      {title}
      <h3 ref={heading} tabIndex={-1}>
        {result.created.length === 1 ? '1 sammanträde planerat' : `${result.created.length} sammanträden planerade`}
      </h3>
      <ul>
        {result.created.map((meeting) => (
          <li key={meeting.id}>{formatWeekdayDate(meeting.startsAt)}</li>
        ))}
      </ul>
      {result.refused.length > 0 ? (
        <div className="notice notice-warning">
          <h4>Inte planerade</h4>
          <ul>
            {result.refused.map((refusal, index) => (
              <li key={`${refusal.date}-${index}`}>
                {refusal.date} {refusal.reason}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="dialog-buttons">
        <Button className="button button-primary" onPress={close}>
          Stäng
        </Button>
      </div>
    </div>
  );
}
