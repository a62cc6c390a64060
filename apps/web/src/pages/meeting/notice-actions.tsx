import { useState, type FormEvent } from 'react';
import { Button, Dialog, DialogTrigger, Form, Heading, Modal } from 'react-aria-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, call, type Schemas } from '../../api/client';
import { FormError, TextInput } from '../../components/fields';
import { SuccessNotice } from '../../components/status';
import { formatDateTime } from '../../format/dates';
import { meetingQueryKey, noticesQueryKey } from './meeting-queries';
import { NOTICE_KIND_LABELS } from './notice-delivery-words';

const CANCELLABLE: Schemas['MeetingDto']['status'][] = ['planned', 'notice_finalized', 'notice_sent'];

/**
 * What the secretary can do once the notice is out: send the items added since as a tilläggskallelse,
 * or call the meeting off. A change of time or place (Tid och plats) sends a reviderad kallelse by itself.
 */
export function NoticeActions({ meeting }: { meeting: Schemas['MeetingDto'] }) {
  const [done, setDone] = useState<string | null>(null);
  if (!CANCELLABLE.includes(meeting.status)) return null;
  return (
    <section className="panel" aria-labelledby="notice-actions-rubrik">
      <h3 id="notice-actions-rubrik">{meeting.status === 'notice_sent' ? 'Ändringar efter utskicket' : 'Ställa in sammanträdet'}</h3>
      {meeting.status === 'notice_sent' ? (
        <p>Ändrar du tid eller plats under fliken Tid och plats skickas en reviderad kallelse genast. Ärenden som läggs till efter utskicket skickas som tilläggskallelse.</p>
      ) : (
        <p>Kallelsen är inte skickad ännu. Ändringar av föredragningslistan, tid eller plats kommer med i kallelsen när den skickas.</p>
      )}
      {done ? <SuccessNotice>{done}</SuccessNotice> : null}
      <div className="notice-action-buttons">
        {meeting.status === 'notice_sent' ? <SupplementaryNoticeDialog meeting={meeting} onDone={setDone} /> : null}
        <CancelMeetingDialog meeting={meeting} />
      </div>
    </section>
  );
}

function SupplementaryNoticeDialog({ meeting, onDone }: { meeting: Schemas['MeetingDto']; onDone: (message: string) => void }) {
  const queryClient = useQueryClient();
  const finalize = useMutation({
    mutationFn: () => call(api.POST('/api/v1/meetings/{id}/notices', { params: { path: { id: meeting.id } } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: noticesQueryKey(meeting.id) });
      await queryClient.invalidateQueries({ queryKey: meetingQueryKey(meeting.id) });
    },
  });
  return (
    <DialogTrigger onOpenChange={(open) => (open ? finalize.reset() : undefined)}>
      <Button className="button">Skicka tilläggskallelse</Button>
      <Modal isDismissable>
        <Dialog aria-labelledby="supplementary-notice-rubrik">
          {({ close }) => (
            <>
              <Heading slot="title" id="supplementary-notice-rubrik">
                Skicka tilläggskallelse
              </Heading>
              <p>De ärenden som har lagts till på föredragningslistan efter utskicket fastställs och skickas genast till alla mottagare som en tilläggskallelse.</p>
              <FormError error={finalize.error} />
              <div className="notice-action-buttons">
                <Button
                  className="button button-primary"
                  isDisabled={finalize.isPending}
                  onPress={() =>
                    finalize.mutate(undefined, {
                      onSuccess: (notice) => {
                        onDone(`${NOTICE_KIND_LABELS[notice.kind]}, version ${notice.version}, fastställdes ${formatDateTime(notice.finalizedAt)} och skickas genast.`);
                        close();
                      },
                    })
                  }
                >
                  {finalize.isPending ? 'Skickar …' : 'Skicka tilläggskallelsen'}
                </Button>
                <Button className="button" slot="close">
                  Avbryt
                </Button>
              </div>
            </>
          )}
        </Dialog>
      </Modal>
    </DialogTrigger>
  );
}

function CancelMeetingDialog({ meeting }: { meeting: Schemas['MeetingDto'] }) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const cancel = useMutation({
    mutationFn: (body: Schemas['CancelMeetingDto']) => call(api.POST('/api/v1/meetings/{id}/cancellation', { params: { path: { id: meeting.id } }, body })),
    onSuccess: async (cancelled) => {
      queryClient.setQueryData(meetingQueryKey(meeting.id), cancelled);
      await queryClient.invalidateQueries({ queryKey: noticesQueryKey(meeting.id) });
    },
  });
  const sent = meeting.status === 'notice_sent';
  return (
    <DialogTrigger
      onOpenChange={(open) => {
        if (!open) return;
        cancel.reset();
        setReason('');
      }}
    >
      <Button className="button button-danger">Ställ in sammanträdet</Button>
      <Modal isDismissable>
        <Dialog aria-labelledby="cancel-meeting-rubrik">
          {({ close }) => {
            const submit = (event: FormEvent) => {
              event.preventDefault();
              cancel.mutate({ reason: reason.trim() }, { onSuccess: close });
            };
            return (
              <Form onSubmit={submit} className="form">
                <Heading slot="title" id="cancel-meeting-rubrik">
                  Ställ in sammanträdet
                </Heading>
                <p>
                  {sent
                    ? 'Alla som har fått kallelsen får ett meddelande om att sammanträdet är inställt, med skälet, och händelsen tas bort ur deras kalendrar.'
                    : 'Kallelsen har inte skickats och kommer inte att skickas.'}{' '}
                  Det går inte att ångra.
                </p>
                <TextInput label="Skäl" name="reason" multiline rows={3} value={reason} onChange={setReason} isRequired autoFocus error={cancel.error} description="Skälet visas för mottagarna och på sammanträdet." />
                {/* A problem with the reason is shown at the field; anything else above the buttons. */}
                <FormError error={cancel.error instanceof ApiError && cancel.error.fieldMessage('reason') ? null : cancel.error} />
                <div className="notice-action-buttons">
                  <Button type="submit" className="button button-danger" isDisabled={cancel.isPending}>
                    {cancel.isPending ? 'Ställer in …' : 'Ställ in sammanträdet'}
                  </Button>
                  <Button className="button" slot="close">
                    Avbryt
                  </Button>
                </div>
              </Form>
            );
          }}
        </Dialog>
      </Modal>
    </DialogTrigger>
  );
}
