import { useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { api, call, type Schemas } from '../../api/client';
import { FormError, TextInput } from '../../components/fields';
import { ChoiceSelect } from './paragraph-fields';
import { formLevelError, MOTION_KIND_LABELS, useParagraphChange, withParty, type Paragraph } from './paragraph-changes';

type MotionKind = Schemas['MotionDto']['kind'];
const KIND_CHOICES = (Object.keys(MOTION_KIND_LABELS) as MotionKind[]).map((kind) => ({ id: kind, label: MOTION_KIND_LABELS[kind] }));

/** Yrkanden: who moves what, in order; withdrawn ones stay visible but struck through. */
export function ParagraphMotions({ paragraph, meetingId }: { paragraph: Paragraph; meetingId: string }) {
  const [personId, setPersonId] = useState<string | null>(null);
  const [kind, setKind] = useState<MotionKind>('amendment');
  const [text, setText] = useState('');
  const add = useParagraphChange(meetingId, () =>
    call(api.POST('/api/v1/paragraphs/{id}/motions', { params: { path: { id: paragraph.id } }, body: { personId: personId ?? '', kind, ...(text.trim() ? { text } : {}) } })),
  );
  const withdraw = useParagraphChange(meetingId, (motionId: string) => call(api.POST('/api/v1/motions/{id}/withdrawal', { params: { path: { id: motionId } } })));
  const open = paragraph.status === 'open';

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
        <Form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            add.mutate(undefined, { onSuccess: () => setText('') });
          }}
        >
          <div className="form-row">
            <ChoiceSelect label="Yrkande av" name="personId" choices={paragraph.servingMembers.map((seat) => ({ id: seat.personId, label: withParty(seat) }))} value={personId} onChange={setPersonId} error={add.error} />
            <ChoiceSelect label="Slag av yrkande" name="kind" choices={KIND_CHOICES} value={kind} onChange={(value) => setKind(value as MotionKind)} error={add.error} />
          </div>
          <TextInput label="Yrkandets lydelse eller motivering" name="text" multiline rows={2} value={text} onChange={setText} error={add.error} />
          <FormError error={formLevelError(add.error, ['personId', 'kind', 'text'])} />
          <div className="button-row">
            <Button type="submit" className="button" isDisabled={add.isPending}>
              Lägg till yrkande
            </Button>
          </div>
        </Form>
      ) : null}
    </section>
  );
}
