import { Button } from 'react-aria-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { FormError } from '../../components/fields';
import { SuccessNotice } from '../../components/status';
import { formatDateTime } from '../../format/dates';
import { minutesFrameKey, useMinutesChanged, type MinutesFrame } from './minutes-shared';

const NOT_YET_HELD: MinutesFrame['meeting']['status'][] = ['planned', 'notice_finalized', 'notice_sent'];

/** Before the minutes: the meeting is marked held, then the protokoll is opened from its agenda. */
export function MinutesStart({ frame }: { frame: MinutesFrame }) {
  const { meeting } = frame;
  const queryClient = useQueryClient();
  const minutesChanged = useMinutesChanged(meeting.id);
  const markHeld = useMutation({
    mutationFn: () => call(api.POST('/api/v1/meetings/{id}/held', { params: { path: { id: meeting.id } } })),
    onSuccess: (held) => {
      queryClient.setQueryData(minutesFrameKey(meeting.id), { ...frame, meeting: held });
      void queryClient.invalidateQueries({ queryKey: ['meeting', meeting.id] });
    },
  });
  const open = useMutation({
    mutationFn: () => call(api.POST('/api/v1/meetings/{id}/minutes', { params: { path: { id: meeting.id } } })),
    onSuccess: (minutes) => {
      queryClient.setQueryData(minutesFrameKey(meeting.id), { ...frame, minutesId: minutes.id });
      minutesChanged(minutes);
    },
  });

  if (meeting.status === 'cancelled') {
    return (
      <section className="panel" aria-labelledby="protokoll-start-rubrik">
        <h2 id="protokoll-start-rubrik">Inget protokoll</h2>
        <p className="notice notice-warning">Sammanträdet är inställt{meeting.cancellationReason ? `: ${meeting.cancellationReason}` : ''}. Det förs inget protokoll.</p>
      </section>
    );
  }

  if (NOT_YET_HELD.includes(meeting.status)) {
    return (
      <section className="panel" aria-labelledby="protokoll-start-rubrik">
        <h2 id="protokoll-start-rubrik">Sammanträdet är inte genomfört än</h2>
        <p>
          Sammanträdet börjar {formatDateTime(meeting.startsAt)}. När det har börjat markerar du det som hållet; därefter kan protokollet upprättas
          från föredragningslistan.
        </p>
        <FormError error={markHeld.error} />
        <Button className="button button-primary" onPress={() => markHeld.mutate()} isDisabled={markHeld.isPending}>
          {markHeld.isPending ? 'Markerar …' : 'Markera sammanträdet som hållet'}
        </Button>
      </section>
    );
  }

  return (
    <section className="panel" aria-labelledby="protokoll-start-rubrik">
      <h2 id="protokoll-start-rubrik">Upprätta protokoll</h2>
      {markHeld.isSuccess ? <SuccessNotice>Sammanträdet är markerat som hållet.</SuccessNotice> : null}
      <p>
        Protokollet upprättas med en paragraf för varje punkt på föredragningslistan, numrerad i följd för året, och med närvaron som den väntas
        efter anmälda förhinder och inkallade ersättare.
      </p>
      <FormError error={open.error} />
      <Button className="button button-primary" onPress={() => open.mutate()} isDisabled={open.isPending} autoFocus={markHeld.isSuccess}>
        {open.isPending ? 'Upprättar …' : 'Upprätta protokoll'}
      </Button>
    </section>
  );
}
