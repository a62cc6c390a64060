import { useState, type FormEvent } from 'react';
import { Button, Dialog, DialogTrigger, Form, Heading, Modal } from 'react-aria-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client';
import { FormError, TextInput } from '../../components/fields';

type Document = Schemas['DocumentDto'];

/** Sekretessmarkering of a registered document with the provision of OSL that applies, or lifting it. */
export function MarkSecrecyDialog({ document }: { document: Document }) {
  return (
    <DialogTrigger>
      <Button className="button button-small">
        {document.secret ? 'Häv sekretess' : 'Sekretessmarkera'}
        <span className="visually-hidden"> {document.documentNumber}</span>
      </Button>
      <Modal isDismissable>
        <Dialog aria-labelledby={`secrecy-heading-${document.id}`}>{({ close }) => <MarkSecrecyForm document={document} onDone={close} />}</Dialog>
      </Modal>
    </DialogTrigger>
  );
}

function MarkSecrecyForm({ document, onDone }: { document: Document; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [secrecyProvision, setSecrecyProvision] = useState('');
  const mark = useMutation({
    mutationFn: (body: Schemas['MarkSecrecyDto']) => call(api.POST('/api/v1/documents/{id}/secrecy', { params: { path: { id: document.id } }, body })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['matter', document.matterId] });
      onDone();
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    mark.mutate(document.secret ? { secret: false } : { secret: true, secrecyProvision });
  };
  const headingId = `secrecy-heading-${document.id}`;
  return (
    <Form onSubmit={submit} className="form" aria-labelledby={headingId}>
      <Heading slot="title" id={headingId}>
        {document.secret ? `Häv sekretessen för ${document.documentNumber}` : `Sekretessmarkera ${document.documentNumber}`}
      </Heading>
      <p>{document.title ?? document.description}</p>
      {document.secret ? (
        <p>Handlingen är sekretessmarkerad enligt {document.secrecyProvision}. Efter hävningen kan alla med läsrätt i diariet se den.</p>
      ) : (
        <TextInput label="Sekretessbestämmelse" name="secrecyProvision" description="Paragrafen i offentlighets- och sekretesslagen, till exempel OSL 26 kap. 1 §" isRequired autoFocus value={secrecyProvision} onChange={setSecrecyProvision} error={mark.error} />
      )}
      <FormError error={mark.error} />
      <div className="form-actions">
        <Button type="submit" className={document.secret ? 'button button-danger' : 'button button-primary'} isDisabled={mark.isPending}>
          {document.secret ? 'Häv sekretess' : 'Sekretessmarkera'}
        </Button>
        <Button className="button" onPress={onDone}>
          Avbryt
        </Button>
      </div>
    </Form>
  );
}
