import { useState, type FormEvent } from 'react';
import { Button, Dialog, DialogTrigger, Form, Heading, Label, Modal, Radio, RadioGroup } from 'react-aria-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, call, type Schemas } from '../../api/client';
import { CalendarDateField } from '../../components/date-fields';
import { FormError, TextInput } from '../../components/fields';
import { todayInStockholm } from '../../format/dates';
import { CheckField } from './check-field';
import { DOCUMENT_DIRECTION_LABELS, type DocumentDirection } from './labels';

type Particulars = Omit<Schemas['RegisterDocumentFormDto'], 'file'>;

/** "Registrera handling": a file with its OSL 5 kap. 2 § particulars and, when it is secret, the provision. */
export function RegisterDocumentDialog({ matter }: { matter: Schemas['MatterDto'] }) {
  return (
    <DialogTrigger>
      <Button className="button button-primary">Registrera handling</Button>
      <Modal isDismissable>
        <Dialog aria-labelledby="register-document-heading">{({ close }) => <RegisterDocumentForm matter={matter} onDone={close} />}</Dialog>
      </Modal>
    </DialogTrigger>
  );
}

/** The particulars go as text fields of one multipart request, the file in the field "file", as the API takes them. */
function formDataOf(particulars: Particulars, file: File | null): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(particulars)) {
    if (value !== undefined && value !== '') form.append(name, String(value));
  }
  if (file) form.append('file', file);
  return form;
}

function RegisterDocumentForm({ matter, onDone }: { matter: Schemas['MatterDto']; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [direction, setDirection] = useState<DocumentDirection>('incoming');
  const [documentDate, setDocumentDate] = useState(todayInStockholm());
  const [counterparty, setCounterparty] = useState('');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [secret, setSecret] = useState(false);
  const [secrecyProvision, setSecrecyProvision] = useState('');

  const register = useMutation({
    mutationFn: (particulars: Particulars) =>
      call(
        api.POST('/api/v1/matters/{id}/documents', {
          params: { path: { id: matter.id } },
          // The typed body is the particulars; the serializer adds the file, which the schema can only call a string.
          body: { ...particulars, file: '' },
          bodySerializer: ({ file: _file, ...fields }) => formDataOf(fields, file),
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['matter', matter.id] });
      onDone();
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    register.mutate({
      direction,
      documentDate,
      counterparty: direction === 'drawn_up' ? undefined : counterparty.trim() || undefined,
      title: title.trim() || undefined,
      description,
      secret,
      secrecyProvision: secret ? secrecyProvision : undefined,
    });
  };
  const fileMessage = register.error instanceof ApiError ? register.error.fieldMessage('file') : undefined;

  return (
    <Form onSubmit={submit} className="form" aria-labelledby="register-document-heading">
      <Heading slot="title" id="register-document-heading">
        Registrera handling i {matter.caseNumber}
      </Heading>
      <div className="field">
        <label htmlFor="document-file">Fil</label>
        <input
          id="document-file"
          type="file"
          aria-required="true"
          aria-invalid={fileMessage ? true : undefined}
          aria-describedby={fileMessage ? 'document-file-error' : undefined}
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
        />
        {fileMessage ? (
          <span id="document-file-error" className="field-error">
            {fileMessage}
          </span>
        ) : null}
      </div>
      <RadioGroup value={direction} onChange={(value) => setDirection(value as DocumentDirection)} className="field radio-field" orientation="horizontal">
        <Label>Typ av handling</Label>
        <div className="radio-options">
          {(Object.keys(DOCUMENT_DIRECTION_LABELS) as DocumentDirection[]).map((value) => (
            <Radio key={value} value={value} className="radio-option">
              {DOCUMENT_DIRECTION_LABELS[value]}
            </Radio>
          ))}
        </div>
      </RadioGroup>
      <div className="form-row">
        <CalendarDateField label={direction === 'drawn_up' ? 'Upprättad' : direction === 'incoming' ? 'Inkom' : 'Skickad'} name="documentDate" isRequired value={documentDate} onChange={setDocumentDate} error={register.error} />
        {direction === 'drawn_up' ? null : (
          <TextInput label={direction === 'incoming' ? 'Avsändare' : 'Mottagare'} name="counterparty" isRequired value={counterparty} onChange={setCounterparty} error={register.error} />
        )}
      </div>
      <TextInput label="Handlingens rubrik" name="title" description="Om handlingen har en egen rubrik" value={title} onChange={setTitle} error={register.error} />
      <TextInput label="Beskrivning" name="description" description="Vad handlingen gäller, kort" isRequired value={description} onChange={setDescription} error={register.error} />
      <CheckField isSelected={secret} onChange={setSecret}>
        Sekretessmarkera handlingen
      </CheckField>
      {secret ? (
        <TextInput label="Sekretessbestämmelse" name="secrecyProvision" description="Paragrafen i offentlighets- och sekretesslagen, till exempel OSL 26 kap. 1 §" isRequired value={secrecyProvision} onChange={setSecrecyProvision} error={register.error} />
      ) : null}
      <FormError error={register.error} />
      <div className="form-actions">
        <Button type="submit" className="button button-primary" isDisabled={register.isPending}>
          {register.isPending ? 'Registrerar …' : 'Registrera handling'}
        </Button>
        <Button className="button" onPress={onDone}>
          Avbryt
        </Button>
      </div>
    </Form>
  );
}
