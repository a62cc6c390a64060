import { useState, type FormEvent } from 'react';
import { Button, ComboBox, FieldError, Form, Input, Label, ListBox, ListBoxItem, Popover, Radio, RadioGroup, TextField, type Key } from 'react-aria-components';
import { ApiError } from '../../api/client';
import { FormError } from '../../components/fields';
import { useAddAgendaItem, useAgendaTemplate, type AgendaItem } from './agenda-queries';

type Placement = NonNullable<AgendaItem['placement']>;

const TITLE_MISSING = 'Skriv en rubrik.';

/** The API's Swedish message when it concerns the title (its field details are for developers), or the title left empty. */
function titleProblem(error: unknown, missing: boolean): string | undefined {
  if (missing) return TITLE_MISSING;
  return error instanceof ApiError && error.details.some((detail) => detail.field === 'title') ? error.message : undefined;
}

/** An information item: a title, placed after the matters. */
export function AgendaAddInformation({ meetingId, announce }: { meetingId: string; announce: (message: string) => void }) {
  const [title, setTitle] = useState('');
  const [missing, setMissing] = useState(false);
  const add = useAddAgendaItem(meetingId);
  const problem = titleProblem(add.error, missing);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setMissing(!title.trim());
    if (!title.trim()) return;
    add.mutate(
      { kind: 'information', title, documentsLater: false, public: false },
      {
        onSuccess: (item) => {
          setTitle('');
          announce(`Informationspunkten ${item.title} är punkt ${item.position}.`);
        },
      },
    );
  };
  return (
    <Form className="agenda-add-form" onSubmit={submit} aria-labelledby="agenda-information-rubrik">
      <h4 id="agenda-information-rubrik">Informationspunkt</h4>
      <TextField className="field" name="title" value={title} onChange={setTitle} isInvalid={Boolean(problem)} validationBehavior="aria">
        <Label>Rubrik på informationspunkt</Label>
        <Input />
        <FieldError>{problem}</FieldError>
      </TextField>
      <FormError error={problem ? null : add.error} />
      <div>
        <Button type="submit" className="button" isDisabled={add.isPending}>
          Lägg till informationspunkt
        </Button>
      </div>
    </Form>
  );
}

/** A standing item (Val av justerande, Meddelanden …): one of the organ's template or a title of one's own, at the start or the end. */
export function AgendaAddStandard({ meetingId, organId, announce }: { meetingId: string; organId: string; announce: (message: string) => void }) {
  // The template is fetched when the field is first used, so the agenda tab shows itself with fewer requests.
  const [wanted, setWanted] = useState(false);
  const template = useAgendaTemplate(organId, wanted);
  const [title, setTitle] = useState('');
  const [placement, setPlacement] = useState<Placement>('end');
  const [missing, setMissing] = useState(false);
  const add = useAddAgendaItem(meetingId);
  const problem = titleProblem(add.error, missing);
  const entries = (template.data?.items ?? []).map((entry) => ({ id: entry.title, ...entry })).filter((entry) => entry.title.toLocaleLowerCase('sv').includes(title.trim().toLocaleLowerCase('sv')));

  const pick = (key: Key | null) => {
    const entry = entries.find((candidate) => candidate.id === key);
    if (!entry) return;
    setTitle(entry.title);
    setPlacement(entry.placement);
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setMissing(!title.trim());
    if (!title.trim()) return;
    add.mutate(
      { kind: 'standard', title, placement, documentsLater: false, public: false },
      {
        onSuccess: (item) => {
          setTitle('');
          announce(`Den stående punkten ${item.title} är punkt ${item.position}.`);
        },
      },
    );
  };

  return (
    <Form className="agenda-add-form" onSubmit={submit} aria-labelledby="agenda-standard-rubrik">
      <h4 id="agenda-standard-rubrik">Stående punkt</h4>
      <ComboBox
        className="field"
        items={entries}
        inputValue={title}
        onInputChange={setTitle}
        onSelectionChange={pick}
        allowsCustomValue
        onFocus={() => setWanted(true)}
        isInvalid={Boolean(problem)}
        validationBehavior="aria"
      >
        <Label>Rubrik på stående punkt</Label>
        <div className="combobox-input">
          <Input />
          <Button className="button button-small" aria-label="Visa nämndens stående punkter">
            <span aria-hidden="true">▾</span>
          </Button>
        </div>
        <FieldError>{problem}</FieldError>
        <Popover className="react-aria-Popover agenda-popover">
          <ListBox<(typeof entries)[number]>>{(entry) => <ListBoxItem id={entry.id}>{entry.title}</ListBoxItem>}</ListBox>
        </Popover>
      </ComboBox>
      <RadioGroup className="field" value={placement} onChange={(value) => setPlacement(value as Placement)} orientation="horizontal">
        <Label>Placering</Label>
        <div className="agenda-radios">
          <Radio value="start">I början</Radio>
          <Radio value="end">I slutet</Radio>
        </div>
      </RadioGroup>
      <FormError error={problem ? null : add.error} />
      <div>
        <Button type="submit" className="button" isDisabled={add.isPending}>
          Lägg till stående punkt
        </Button>
      </div>
    </Form>
  );
}
