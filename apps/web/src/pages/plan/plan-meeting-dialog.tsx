import { useState, type FormEvent } from 'react';
import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, call } from '../../api/client';
import { FormError } from '../../components/fields';
import { groupMeetingsBody, MeetingFields, meetingTimes, missingTimes, type MeetingFormValues } from './meeting-fields';

interface PlanMeetingDialogProps {
  organId: string;
  organName: string;
  /** The day the form starts from: a day in the year shown. */
  initialDate: string;
}

/** "Planera sammanträde": one meeting; once planned, its page opens so the agenda can be built. */
export function PlanMeetingDialog({ organId, organName, initialDate }: PlanMeetingDialogProps) {
  return (
    <DialogTrigger>
      <Button className="button button-primary">Planera sammanträde</Button>
      <ModalOverlay isDismissable>
        <Modal>
          <Dialog>{({ close }) => <PlanMeetingForm organId={organId} organName={organName} initialDate={initialDate} close={close} />}</Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}

function PlanMeetingForm({ organId, organName, initialDate, close }: PlanMeetingDialogProps & { close: () => void }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [values, setValues] = useState<MeetingFormValues>({ date: initialDate, startTime: '14:00', endTime: '17:00', place: '', groupMeetings: [] });
  const plan = useMutation({
    mutationFn: async (form: MeetingFormValues) => {
      const missing = missingTimes(form);
      if (missing) throw missing;
      return call(api.POST('/api/v1/meetings', { body: { organId, ...meetingTimes(form), place: form.place, groupMeetings: groupMeetingsBody(form.groupMeetings) } }));
    },
    onSuccess: (meeting) => {
      void queryClient.invalidateQueries({ queryKey: ['meetings'] });
      queryClient.setQueryData(['meeting', meeting.id], meeting);
      close();
      void navigate(`/moten/${meeting.id}`);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    plan.mutate(values);
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <Heading slot="title" level={2}>
        Planera sammanträde
      </Heading>
      <p className="dialog-lead">{organName}</p>
      <MeetingFields values={values} onChange={setValues} error={plan.error} autoFocus />
      <FormError error={plan.error} />
      <div className="dialog-buttons">
        <Button type="submit" className="button button-primary" isDisabled={plan.isPending}>
          Planera
        </Button>
        <Button className="button" onPress={close}>
          Avbryt
        </Button>
      </div>
    </form>
  );
}
