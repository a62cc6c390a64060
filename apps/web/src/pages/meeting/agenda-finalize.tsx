import { useEffect, useState } from 'react';
import { Button, Dialog, DialogTrigger, Heading, Modal } from 'react-aria-components';
import type { Schemas } from '../../api/client';
import { FormError } from '../../components/fields';
import { ErrorNotice, LoadingNotice } from '../../components/status';
import { formatDateTime } from '../../format/dates';
import { useFinalizeNotice, useNoticePlan, useNotices, type AgendaItem, type MeetingNotice } from './agenda-queries';

const NOTICE_KIND_LABELS: Record<MeetingNotice['kind'], string> = {
  notice: 'Kallelse',
  revised: 'Reviderad kallelse',
  supplementary: 'Tilläggskallelse',
  cancellation: 'Inställt sammanträde',
};

/** Where the notice stands: the latest version, when it goes or went out, and whether it was late. */
function NoticeState({ notice }: { notice: MeetingNotice | undefined }) {
  if (!notice) return <p id="agenda-notice-state" tabIndex={-1}>Kallelsen är inte fastställd.</p>;
  const sent = notice.status === 'dispatched' && notice.dispatchedAt;
  return (
    <p id="agenda-notice-state" tabIndex={-1}>
      {NOTICE_KIND_LABELS[notice.kind]} version {notice.version}, fastställd {formatDateTime(notice.finalizedAt)}.{' '}
      {sent ? `Skickad ${formatDateTime(notice.dispatchedAt!)}.` : `Skickas ${formatDateTime(notice.dispatchAt)}.`}{' '}
      {notice.sentLate ? <span className="badge badge-danger">Skickad för sent</span> : null}
    </p>
  );
}

function FinalizeDialog({ meetingId, supplementary, close, announce, onFinalized }: { meetingId: string; supplementary: boolean; close: () => void; announce: (message: string) => void; onFinalized: () => void }) {
  const plan = useNoticePlan(meetingId, true);
  const finalize = useFinalizeNotice(meetingId);
  const confirm = () =>
    finalize.mutate(undefined, {
      onSuccess: (notice) => {
        close();
        announce(
          `${NOTICE_KIND_LABELS[notice.kind]} version ${notice.version} är fastställd och skickas ${notice.sentLate ? 'genast, för sent' : formatDateTime(notice.dispatchAt)}.`,
        );
        onFinalized();
      },
    });
  return (
    <Dialog className="react-aria-Dialog agenda-finalize-dialog">
      <Heading slot="title">{supplementary ? 'Fastställ tilläggskallelsen' : 'Fastställ kallelsen'}</Heading>
      {plan.isPending ? <LoadingNotice label="Hämtar när kallelsen skickas" /> : null}
      {plan.isError ? <ErrorNotice error={plan.error} /> : null}
      {plan.data ? <PlanText plan={plan.data} supplementary={supplementary} /> : null}
      <p>Ledamöter, ersättare och övriga mottagare får kallelsen med föredragningslistan och handlingarna som e-post.</p>
      <FormError error={finalize.error} />
      <div className="dialog-actions">
        <Button className="button" onPress={close}>
          Avbryt
        </Button>
        <Button className="button button-primary" onPress={confirm} isDisabled={finalize.isPending || !plan.data}>
          {supplementary ? 'Fastställ och skicka tilläggskallelsen' : 'Fastställ kallelsen'}
        </Button>
      </div>
    </Dialog>
  );
}

function PlanText({ plan, supplementary }: { plan: Schemas['NoticePlanDto']; supplementary: boolean }) {
  const rule = `Enligt nämndens regler ska kallelsen skickas ${plan.noticeLeadDays} dagar före sammanträdet kl. ${plan.noticeSendTime}, det vill säga ${formatDateTime(plan.deadline)}.`;
  if (plan.sentLate) {
    return (
      <div className="notice notice-warning">
        <p>{rule}</p>
        <p>
          <strong>Den tiden har passerat.</strong> {supplementary ? 'Tilläggskallelsen' : 'Kallelsen'} skickas genast när du fastställer den och markeras som
          skickad för sent.
        </p>
      </div>
    );
  }
  if (supplementary) return <p>Tilläggskallelsen med de tillagda punkterna skickas genast när du fastställer den. {rule}</p>;
  return (
    <p>
      {rule} Kallelsen skickas då, <strong>{formatDateTime(plan.dispatchAt)}</strong>. Ändras föredragningslistan innan dess skickas den ändrade versionen.
    </p>
  );
}

/** The kallelse from the agenda tab: preview it as Word, finalize it (or a supplementary notice), and see when it goes out. */
export function AgendaFinalize({ meeting, items, announce }: { meeting: Schemas['MeetingDto']; items: AgendaItem[]; announce: (message: string) => void }) {
  const notices = useNotices(meeting.id);
  const latest = notices.data?.filter((notice) => notice.kind !== 'cancellation').at(-1);
  const supplementary = meeting.status === 'notice_sent';
  const canFinalize = meeting.status === 'planned' || (supplementary && items.some((item) => item.noticedInVersion === null));
  const [focusNoticeState, setFocusNoticeState] = useState(false);

  // Once the dialog has closed — it holds the focus inside while it is open, and hands it back to its
  // button, which finalizing may have removed — the notice's new state takes the focus, so the keyboard
  // and the screen reader go on from there.
  useEffect(() => {
    if (!focusNoticeState) return;
    let frame = 0;
    const focusWhenClosed = () => {
      if (document.querySelector('.agenda-finalize-dialog')) {
        frame = requestAnimationFrame(focusWhenClosed);
        return;
      }
      document.getElementById('agenda-notice-state')?.focus();
      setFocusNoticeState(false);
    };
    frame = requestAnimationFrame(focusWhenClosed);
    return () => cancelAnimationFrame(frame);
  }, [focusNoticeState]);

  return (
    <section aria-labelledby="agenda-notice-rubrik" className="panel">
      <h3 id="agenda-notice-rubrik">Kallelse</h3>
      {notices.isError ? <ErrorNotice error={notices.error} /> : <NoticeState notice={latest} />}
      {meeting.status === 'notice_finalized' ? <p>Ändringar i föredragningslistan kommer med i kallelsen tills den skickas.</p> : null}
      <div className="agenda-notice-actions">
        {meeting.status !== 'cancelled' ? (
          <>
            <a className="button" href={`/api/v1/meetings/${meeting.id}/notice-preview.pdf`} download>
              Förhandsgranska kallelsen med handlingar (PDF)
            </a>
            <a className="button" href={`/api/v1/meetings/${meeting.id}/notice-preview`} download>
              Förhandsgranska kallelsen (Word)
            </a>
          </>
        ) : null}
        {canFinalize ? (
          <DialogTrigger>
            <Button className="button button-primary">{supplementary ? 'Fastställ tilläggskallelse' : 'Fastställ kallelsen'}</Button>
            <Modal isDismissable>
              {({ state }) => <FinalizeDialog meetingId={meeting.id} supplementary={supplementary} close={state.close} announce={announce} onFinalized={() => setFocusNoticeState(true)} />}
            </Modal>
          </DialogTrigger>
        ) : null}
      </div>
    </section>
  );
}
