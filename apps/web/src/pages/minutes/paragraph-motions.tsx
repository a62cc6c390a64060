import { useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { api, call, type Schemas } from '../../api/client';
import { FormError, TextInput } from '../../components/fields';
import { ChoiceSelect, ConflictNotice } from './paragraph-fields';
import { autosaveText } from './paragraph-autosave';
import { useEntryAutosave, type Entry } from './paragraph-entry-autosave';
import { formLevelError, MOTION_KIND_LABELS, useParagraphChange, withParty, type Paragraph } from './paragraph-changes';

type MotionKind = Schemas['MotionDto']['kind'];
const KIND_CHOICES = (Object.keys(MOTION_KIND_LABELS) as MotionKind[]).map((kind) => ({ id: kind, label: MOTION_KIND_LABELS[kind] }));

interface MotionDraft {
  personId: string | null;
  kind: MotionKind;
  text: string;
}

const EMPTY: MotionDraft = { personId: null, kind: 'amendment', text: '' };
const sameMotion = (a: MotionDraft, b: MotionDraft) => a.personId === b.personId && a.kind === b.kind && a.text.trim() === b.text.trim();
const motionEntries = (paragraph: Paragraph): Entry<MotionDraft>[] =>
  paragraph.motions.filter((motion) => !motion.withdrawn).map((motion) => ({ id: motion.id, version: motion.version, value: { personId: motion.personId, kind: motion.kind, text: motion.text ?? '' } }));

/** Yrkanden: who moves what, in order; withdrawn ones stay visible but struck through. */
export function ParagraphMotions({ paragraph, meetingId }: { paragraph: Paragraph; meetingId: string }) {
  // A new form for each motion: the one just added is no longer the one being written.
  const [form, setForm] = useState(0);
  const withdraw = useParagraphChange(meetingId, (motionId: string) => call(api.POST('/api/v1/motions/{id}/withdrawal', { params: { path: { id: motionId } } })));
  const [editing, setEditing] = useState<Entry<MotionDraft> | null>(null);
  const open = paragraph.status === 'open';
  const put = new Set(paragraph.propositions.flatMap((proposition) => proposition.alternatives));

  return (
    <section aria-labelledby={`yrkanden-${paragraph.id}`} className="paragraph-part">
      <h4 id={`yrkanden-${paragraph.id}`}>Yrkanden</h4>
      {paragraph.motions.length === 0 ? <p>Inga yrkanden.</p> : (
        <ol className="motion-list">
          {paragraph.motions.map((motion) => (
            <li key={motion.id} className={motion.withdrawn ? 'withdrawn' : undefined}>
              <strong>{motion.name}</strong>: {MOTION_KIND_LABELS[motion.kind].toLocaleLowerCase('sv')}
              {motion.text ? <> – {motion.text}</> : null}
              {motion.withdrawn ? <span className="badge"> återtaget</span> : null}
              {open && !motion.withdrawn && !put.has(motion.id) ? (
                <Button
                  className="button button-small button-quiet"
                  onPress={() => {
                    setEditing(motionEntries(paragraph).find((entry) => entry.id === motion.id) ?? null);
                    setForm((count) => count + 1);
                  }}
                  aria-label={`Ändra yrkandet från ${motion.name}`}
                >
                  Ändra
                </Button>
              ) : null}
              {open && !motion.withdrawn ? (
                <Button className="button button-small button-quiet" onPress={() => withdraw.mutate(motion.id)} aria-label={`Återta yrkandet från ${motion.name}`}>
                  Återta
                </Button>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      <FormError error={withdraw.error} />
      {open ? (
        <MotionForm
          key={form}
          paragraph={paragraph}
          meetingId={meetingId}
          editing={editing}
          onDone={() => {
            setEditing(null);
            setForm((count) => count + 1);
          }}
        />
      ) : null}
    </section>
  );
}

/**
 * A new motion, or one being changed, saved as it is typed: once the mover is chosen and the wording
 * begun, the motion is saved, and every pause saves it again. The button saves what remains and
 * starts a new form; a motion without wording (bifall, avslag) is added by the button alone.
 */
function MotionForm({ paragraph, meetingId, editing, onDone }: { paragraph: Paragraph; meetingId: string; editing: Entry<MotionDraft> | null; onDone: () => void }) {
  const [draft, setDraft] = useState<MotionDraft>(editing?.value ?? EMPTY);
  const entry = useEntryAutosave<MotionDraft>({
    paragraph,
    meetingId,
    value: draft,
    setValue: setDraft,
    staleCode: 'STALE_MOTION',
    entriesOf: motionEntries,
    same: sameMotion,
    creatable: (value) => value.personId !== null && value.text.trim().length > 0,
    create: (value) =>
      call(api.POST('/api/v1/paragraphs/{id}/motions', { params: { path: { id: paragraph.id } }, body: { personId: value.personId ?? '', kind: value.kind, ...(value.text.trim() ? { text: value.text } : {}) } })),
    editing,
    update: (id, value, expectedVersion) =>
      call(
        api.PATCH('/api/v1/motions/{id}', {
          params: { path: { id } },
          body: { ...(value.personId ? { personId: value.personId } : {}), kind: value.kind, text: value.text.trim() ? value.text : null, expectedVersion },
        }),
      ),
  });
  const submit = useParagraphChange(meetingId, () => entry.submit());
  const change = (patch: Partial<MotionDraft>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    entry.autosave.schedule(next);
  };
  const error = entry.autosave.state === 'failed' ? entry.autosave.error : submit.error;
  const status =
    entry.autosave.state === 'held' && !entry.bound && !entry.conflict ? 'Inte sparat än: välj vem som yrkar, så sparas yrkandet medan du skriver' : autosaveText(entry.autosave.state);

  return (
    <Form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        submit.mutate(undefined, { onSuccess: onDone });
      }}
    >
      <div className="form-row">
        <ChoiceSelect
          label="Yrkande av"
          name="personId"
          choices={paragraph.servingMembers.map((seat) => ({ id: seat.personId, label: withParty(seat) }))}
          value={draft.personId}
          onChange={(personId) => change({ personId })}
          error={error}
        />
        <ChoiceSelect label="Slag av yrkande" name="kind" choices={KIND_CHOICES} value={draft.kind} onChange={(kind) => change({ kind: kind as MotionKind })} error={error} />
      </div>
      <TextInput
        label="Yrkandets lydelse eller motivering"
        name="text"
        multiline
        rows={2}
        value={draft.text}
        onChange={(text) => change({ text })}
        onBlur={() => void entry.autosave.flush()}
        error={error}
        description="Sparas medan du skriver, så snart det är valt vem som yrkar."
      />
      <p className={`autosave autosave-${entry.autosave.state}`} role="status">
        {status}
      </p>
      {entry.conflict ? <ConflictNotice changed="Yrkandet" theirs={entry.conflict.theirs.text || '(ingen lydelse)'} keepMine={entry.keepMine} takeTheirs={entry.takeTheirs} /> : null}
      <FormError error={formLevelError(error, ['personId', 'kind', 'text'])} />
      <div className="button-row">
        <Button type="submit" className="button" isDisabled={submit.isPending || entry.conflict !== null}>
          {entry.bound && editing ? 'Klar med yrkandet' : 'Lägg till yrkande'}
        </Button>
      </div>
    </Form>
  );
}
