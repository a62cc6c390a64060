import { useState } from 'react';
import { Button, Checkbox, Form } from 'react-aria-components';
import { api, call } from '../../api/client';
import { FormError, TextInput } from '../../components/fields';
import { ChoiceSelect } from './paragraph-fields';
import { formLevelError, useParagraphChange, withParty, type Paragraph } from './paragraph-changes';

const ORGAN = 'organ';

/** Protokollsanteckningar, entered with the chair's permission, by a member present or for the organ. */
export function ParagraphNotes({ paragraph, meetingId }: { paragraph: Paragraph; meetingId: string }) {
  const [personId, setPersonId] = useState<string>(ORGAN);
  const [text, setText] = useState('');
  const [chairPermission, setChairPermission] = useState(false);
  const people = [...paragraph.servingMembers, ...paragraph.standbySubstitutes];
  const nameOf = (id: string | null) => people.find((person) => person.personId === id)?.name ?? 'Organet';
  const add = useParagraphChange(meetingId, () =>
    call(api.POST('/api/v1/paragraphs/{id}/notes', { params: { path: { id: paragraph.id } }, body: { text, chairPermission, ...(personId === ORGAN ? {} : { personId }) } })),
  );
  const remove = useParagraphChange(meetingId, (noteId: string) => call(api.DELETE('/api/v1/minutes-notes/{id}', { params: { path: { id: noteId } } })));

  return (
    <section aria-labelledby={`anteckningar-${paragraph.id}`} className="paragraph-part">
      <h4 id={`anteckningar-${paragraph.id}`}>Protokollsanteckningar</h4>
      {paragraph.notes.length === 0 ? <p>Inga protokollsanteckningar.</p> : (
        <ul>
          {paragraph.notes.map((note) => (
            <li key={note.id}>
              <strong>{nameOf(note.personId)}</strong>: {note.text}{' '}
              <Button className="button button-small button-quiet" onPress={() => remove.mutate(note.id)} aria-label={`Ta bort protokollsanteckningen från ${nameOf(note.personId)}`}>
                Ta bort
              </Button>
            </li>
          ))}
        </ul>
      )}
      <FormError error={remove.error} />
      <Form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          add.mutate(undefined, {
            onSuccess: () => {
              setText('');
              setChairPermission(false);
            },
          });
        }}
      >
        <ChoiceSelect
          label="Anteckning av"
          name="personId"
          choices={[{ id: ORGAN, label: 'Organet (ingen enskild)' }, ...people.map((person) => ({ id: person.personId, label: withParty(person) }))]}
          value={personId}
          onChange={setPersonId}
          error={add.error}
        />
        <TextInput label="Anteckningens text" name="text" multiline rows={2} value={text} onChange={setText} error={add.error} />
        <Checkbox className="checkbox" isSelected={chairPermission} onChange={setChairPermission}>
          Ordföranden medger anteckningen
        </Checkbox>
        <FormError error={formLevelError(add.error, ['personId', 'text'])} />
        <div className="button-row">
          <Button type="submit" className="button" isDisabled={add.isPending}>
            Lägg till protokollsanteckning
          </Button>
        </div>
      </Form>
    </section>
  );
}
