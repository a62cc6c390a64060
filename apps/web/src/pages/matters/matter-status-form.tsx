import { useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client';
import { FormError, TextInput } from '../../components/fields';
import { SuccessNotice } from '../../components/status';
import { ChoiceField } from './choice-field';
import { MATTER_STATUS_LABELS, type MatterStatus } from './labels';

type ChangeableStatus = Schemas['ChangeMatterStatusDto']['status'];

/** Moves the matter on in its lifecycle, to the statuses the API says are allowed now, with a reason for the history. */
export function MatterStatusForm({ matter, nextStatuses }: { matter: Schemas['MatterDto']; nextStatuses: MatterStatus[] }) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<string>(nextStatuses[0]);
  const [comment, setComment] = useState('');
  const change = useMutation({
    mutationFn: (body: Schemas['ChangeMatterStatusDto']) => call(api.POST('/api/v1/matters/{id}/status', { params: { path: { id: matter.id } }, body })),
    onSuccess: async () => {
      setComment('');
      await Promise.all([queryClient.invalidateQueries({ queryKey: ['matter', matter.id] }), queryClient.invalidateQueries({ queryKey: ['matters'] })]);
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    change.mutate({ status: status as ChangeableStatus, comment: comment.trim() || undefined });
  };
  return (
    <section aria-labelledby="matter-status-heading" className="panel">
      <h2 id="matter-status-heading">Ändra status</h2>
      <Form onSubmit={submit} className="form">
        <ChoiceField
          label="Ny status"
          name="status"
          value={nextStatuses.includes(status as MatterStatus) ? status : nextStatuses[0]}
          onChange={setStatus}
          error={change.error}
          choices={nextStatuses.map((next) => ({ id: next, label: MATTER_STATUS_LABELS[next] }))}
        />
        <TextInput label="Kommentar" name="comment" description="Varför, för ärendets historik" value={comment} onChange={setComment} error={change.error} />
        <FormError error={change.error} />
        {change.isSuccess ? <SuccessNotice>Status ändrad till {MATTER_STATUS_LABELS[change.data.status].toLowerCase()}.</SuccessNotice> : null}
        <div className="form-actions">
          <Button type="submit" className="button button-primary" isDisabled={change.isPending}>
            Ändra status
          </Button>
        </div>
      </Form>
    </section>
  );
}
