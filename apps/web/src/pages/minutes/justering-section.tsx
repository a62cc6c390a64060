import { Button } from 'react-aria-components';
import { useMutation } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { FormError } from '../../components/fields';
import { SuccessNotice } from '../../components/status';
import { formatCalendarDate } from '../../format/dates';
import { JusteringApprovers } from './justering-approvers';
import { JusteringForm } from './justering-form';
import { JusteringLocked } from './justering-locked';
import { useMinutesChanged, type Minutes, type MinutesFrame } from './minutes-shared';

/** Justering: who verifies, where and when; sending the draft to them; who has approved; then the lock and the posting. */
export function JusteringSection({ minutes, frame }: { minutes: Minutes; frame: MinutesFrame }) {
  if (minutes.status !== 'draft') {
    return (
      <section className="panel" aria-labelledby="justering-rubrik">
        <h2 id="justering-rubrik">{minutes.kind === 'notes' ? 'Färdigställda' : 'Justering'}</h2>
        <JusteringLocked minutes={minutes} frame={frame} />
      </section>
    );
  }
  if (minutes.kind === 'notes') return <NotesCompletion minutes={minutes} />;
  return (
    <section className="panel" aria-labelledby="justering-rubrik">
      <h2 id="justering-rubrik">Justering</h2>
      <p>
        Protokollet ska vara justerat senast <strong>{formatCalendarDate(minutes.verificationDeadline)}</strong>{' '}
        {minutes.overdue ? <span className="badge badge-danger">Försenat</span> : null}
      </p>
      <JusteringForm minutes={minutes} frame={frame} />
      <ReviewRequest minutes={minutes} />
      <JusteringApprovers minutes={minutes} />
    </section>
  );
}

function ReviewRequest({ minutes }: { minutes: Minutes }) {
  const minutesChanged = useMinutesChanged(minutes.meetingId);
  const send = useMutation({
    mutationFn: () => call(api.POST('/api/v1/minutes/{id}/review-requests', { params: { path: { id: minutes.id } } })),
    // Invalidated, not set: the answer is not masked for secrecy the way GET is.
    onSuccess: () => minutesChanged(),
  });
  const pending = minutes.approvers.filter((approver) => !approver.approved).map((approver) => approver.name);
  return (
    <div className="justering-send">
      <h3>Skicka för justering</h3>
      <p>Ordföranden och justerarna får protokollet med e-post och justerar det på justeringssidan.</p>
      <FormError error={send.error} />
      {send.isSuccess ? <SuccessNotice>Protokollet är skickat för justering till {pending.join(' och ')}.</SuccessNotice> : null}
      <div className="page-actions">
        <Button className="button button-primary" onPress={() => send.mutate()} isDisabled={send.isPending}>
          {send.isPending ? 'Skickar …' : 'Skicka för justering'}
        </Button>
        <a className="button" href={`/protokoll/${minutes.id}/justering`}>
          Justeringssidan
        </a>
        <a className="button" href={`/api/v1/minutes/${minutes.id}/docx`} download>
          Utkast (Word)
        </a>
      </div>
    </div>
  );
}

/** Minnesanteckningar are not verified: the secretary completes them once every point is done. */
function NotesCompletion({ minutes }: { minutes: Minutes }) {
  const minutesChanged = useMinutesChanged(minutes.meetingId);
  const complete = useMutation({
    mutationFn: () => call(api.POST('/api/v1/minutes/{id}/completion', { params: { path: { id: minutes.id } } })),
    onSuccess: () => minutesChanged(),
  });
  return (
    <section className="panel" aria-labelledby="justering-rubrik">
      <h2 id="justering-rubrik">Färdigställ minnesanteckningarna</h2>
      <p>Minnesanteckningar justeras inte. När alla punkter är avslutade färdigställer du dem; därefter kan de inte ändras.</p>
      <FormError error={complete.error} />
      <Button className="button button-primary" onPress={() => complete.mutate()} isDisabled={complete.isPending}>
        Färdigställ minnesanteckningarna
      </Button>
    </section>
  );
}
