import { useState } from 'react';
import { Button, Checkbox, Form } from 'react-aria-components';
import { api, call } from '../../api/client';
import { FormError, TextInput } from '../../components/fields';
import { ChoiceSelect, ConflictNotice } from './paragraph-fields';
import { autosaveText } from './paragraph-autosave';
import { useEntryAutosave, type Entry } from './paragraph-entry-autosave';
import { formLevelError, useParagraphChange, withParty, type Paragraph } from './paragraph-changes';

const ORGAN = 'organ';

interface NoteDraft {
  /** ORGAN for a note of the organ. */
  personId: string;
  text: string;
}

const EMPTY: NoteDraft = { personId: ORGAN, text: '' };
const sameNote = (a: NoteDraft, b: NoteDraft) => a.personId === b.personId && a.text.trim() === b.text.trim();
const noteEntries = (paragraph: Paragraph): Entry<NoteDraft>[] => paragraph.notes.map((note) => ({ id: note.id, version: note.version, value: { personId: note.personId ?? ORGAN, text: note.text } }));

/** Protokollsanteckningar, entered with the chair's permission, by a member present or for the organ. */
export function ParagraphNotes({ paragraph, meetingId }: { paragraph: Paragraph; meetingId: string }) {
  // A new form for each note: the one just added is no longer the one being written.
  const [form, setForm] = useState(0);
  const [editing, setEditing] = useState<Entry<NoteDraft> | null>(null);
  const people = [...paragraph.servingMembers, ...paragraph.standbySubstitutes];
  const nameOf = (id: string | null) => people.find((person) => person.personId === id)?.name ?? 'Organet';
  const remove = useParagraphChange(meetingId, (noteId: string) => call(api.DELETE('/api/v1/minutes-notes/{id}', { params: { path: { id: noteId } } })));

  return (
    <section aria-labelledby={`anteckningar-${paragraph.id}`} className="paragraph-part">
      <h4 id={`anteckningar-${paragraph.id}`}>Protokollsanteckningar</h4>
      {paragraph.notes.length === 0 ? <p>Inga protokollsanteckningar.</p> : (
        <ul>
          {paragraph.notes.map((note) => (
            <li key={note.id}>
              <strong>{nameOf(note.personId)}</strong>: {note.text}{' '}
              <Button
                className="button button-small button-quiet"
                onPress={() => {
                  setEditing(noteEntries(paragraph).find((entry) => entry.id === note.id) ?? null);
                  setForm((count) => count + 1);
                }}
                aria-label={`Ändra protokollsanteckningen från ${nameOf(note.personId)}`}
              >
                Ändra
              </Button>{' '}
              <Button className="button button-small button-quiet" onPress={() => remove.mutate(note.id)} aria-label={`Ta bort protokollsanteckningen från ${nameOf(note.personId)}`}>
                Ta bort
              </Button>
            </li>
          ))}
        </ul>
      )}
      <FormError error={remove.error} />
      <NoteForm
        key={form}
        paragraph={paragraph}
        meetingId={meetingId}
        editing={editing}
        onDone={() => {
          setEditing(null);
          setForm((count) => count + 1);
        }}
      />
    </section>
  );
}

/**
 * A new note, or one being changed, saved as it is typed once the chair has permitted it; every pause
 * saves it again. The button saves what remains and starts a new form.
 */
function NoteForm({ paragraph, meetingId, editing, onDone }: { paragraph: Paragraph; meetingId: string; editing: Entry<NoteDraft> | null; onDone: () => void }) {
  const [draft, setDraft] = useState<NoteDraft>(editing?.value ?? EMPTY);
  // A note saved has the chair's permission already.
  const [chairPermission, setChairPermission] = useState(editing !== null);
  const people = [...paragraph.servingMembers, ...paragraph.standbySubstitutes];
  const entry = useEntryAutosave<NoteDraft>({
    paragraph,
    meetingId,
    value: draft,
    setValue: setDraft,
    staleCode: 'STALE_NOTE',
    entriesOf: noteEntries,
    same: sameNote,
    creatable: (value) => chairPermission && value.text.trim().length > 0,
    create: (value) =>
      call(api.POST('/api/v1/paragraphs/{id}/notes', { params: { path: { id: paragraph.id } }, body: { text: value.text, chairPermission, ...(value.personId === ORGAN ? {} : { personId: value.personId }) } })),
    editing,
    update: (id, value, expectedVersion) =>
      call(api.PATCH('/api/v1/minutes-notes/{id}', { params: { path: { id } }, body: { personId: value.personId === ORGAN ? null : value.personId, text: value.text, expectedVersion } })),
  });
  const submit = useParagraphChange(meetingId, () => entry.submit());
  const change = (patch: Partial<NoteDraft>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    // An emptied text is not saved (a note has a text); the note is removed with its own button.
    if (next.text.trim()) entry.autosave.schedule(next);
  };
  const error = entry.autosave.state === 'failed' ? entry.autosave.error : submit.error;
  const status =
    entry.autosave.state === 'held' && !entry.bound && !entry.conflict ? 'Inte sparat än: anteckningen sparas när ordföranden har medgett den' : autosaveText(entry.autosave.state);

  return (
    <Form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        submit.mutate(undefined, { onSuccess: onDone });
      }}
    >
      <ChoiceSelect
        label="Anteckning av"
        name="personId"
        choices={[{ id: ORGAN, label: 'Organet (ingen enskild)' }, ...people.map((person) => ({ id: person.personId, label: withParty(person) }))]}
        value={draft.personId}
        onChange={(personId) => change({ personId })}
        error={error}
      />
      <TextInput
        label="Anteckningens text"
        name="text"
        multiline
        rows={2}
        value={draft.text}
        onChange={(text) => change({ text })}
        onBlur={() => void entry.autosave.flush()}
        error={error}
        description="Sparas medan du skriver, när ordföranden har medgett anteckningen."
      />
      <Checkbox
        className="checkbox"
        isSelected={chairPermission}
        isReadOnly={entry.bound !== null}
        onChange={(permitted) => {
          setChairPermission(permitted);
          // Saved after the pause, by then with the permission given.
          if (permitted && draft.text.trim()) entry.autosave.schedule(draft);
        }}
      >
        Ordföranden medger anteckningen
      </Checkbox>
      <p className={`autosave autosave-${entry.autosave.state}`} role="status">
        {status}
      </p>
      {entry.conflict ? <ConflictNotice changed="Protokollsanteckningen" theirs={entry.conflict.theirs.text} keepMine={entry.keepMine} takeTheirs={entry.takeTheirs} /> : null}
      <FormError error={formLevelError(error, ['personId', 'text'])} />
      <div className="button-row">
        <Button type="submit" className="button" isDisabled={submit.isPending || entry.conflict !== null}>
          {editing ? 'Klar med anteckningen' : 'Lägg till protokollsanteckning'}
        </Button>
      </div>
    </Form>
  );
}
