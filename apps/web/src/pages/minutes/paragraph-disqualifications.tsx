import { useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { api, call } from '../../api/client';
import { FormError, TextInput } from '../../components/fields';
import { ChoiceSelect } from './paragraph-fields';
import { formLevelError, useParagraphChange, withParty, type Paragraph } from './paragraph-changes';

const NO_SUBSTITUTE = 'none';

/** Jäv: the member leaves the paragraph, and a substitute present may serve in the seat for it. */
export function ParagraphDisqualifications({ paragraph, meetingId }: { paragraph: Paragraph; meetingId: string }) {
  const [personId, setPersonId] = useState<string | null>(null);
  const [substituteId, setSubstituteId] = useState<string>(NO_SUBSTITUTE);
  const [reason, setReason] = useState('');
  const add = useParagraphChange(meetingId, () =>
    call(
      api.POST('/api/v1/paragraphs/{id}/disqualifications', {
        params: { path: { id: paragraph.id } },
        body: { personId: personId ?? '', ...(substituteId === NO_SUBSTITUTE ? {} : { substitutePersonId: substituteId }), ...(reason.trim() ? { reason } : {}) },
      }),
    ),
  );
  const remove = useParagraphChange(meetingId, (id: string) => call(api.DELETE('/api/v1/disqualifications/{id}', { params: { path: { id } } })));
  const open = paragraph.status === 'open';

  return (
    <section aria-labelledby={`jav-${paragraph.id}`} className="paragraph-part">
      <h4 id={`jav-${paragraph.id}`}>Jäv</h4>
      {paragraph.disqualifications.length === 0 ? <p>Ingen har anmält jäv.</p> : (
        <ul>
          {paragraph.disqualifications.map((row) => (
            <li key={row.id}>
              <strong>{row.name}</strong> anmäler jäv och deltar inte i handläggningen{row.reason ? ` (${row.reason})` : ''}.{' '}
              {row.substituteName ? <>I stället tjänstgör <strong>{row.substituteName}</strong>.</> : 'Ingen ersättare tjänstgör i stället.'}{' '}
              {open ? (
                <Button className="button button-small button-quiet" onPress={() => remove.mutate(row.id)} aria-label={`Ta bort jävet för ${row.name}`}>
                  Ta bort
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <FormError error={remove.error} />
      {open ? (
        <Form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            add.mutate(undefined, {
              onSuccess: () => {
                setPersonId(null);
                setSubstituteId(NO_SUBSTITUTE);
                setReason('');
              },
            });
          }}
        >
          <div className="form-row">
            <ChoiceSelect label="Jävig ledamot" name="personId" choices={paragraph.servingMembers.map((seat) => ({ id: seat.personId, label: withParty(seat) }))} value={personId} onChange={setPersonId} error={add.error} />
            <ChoiceSelect
              label="Ersättare som tjänstgör i stället"
              name="substitutePersonId"
              choices={[{ id: NO_SUBSTITUTE, label: 'Ingen ersättare' }, ...paragraph.standbySubstitutes.map((person) => ({ id: person.personId, label: withParty(person) }))]}
              value={substituteId}
              onChange={setSubstituteId}
              error={add.error}
            />
          </div>
          <TextInput label="Skäl (valfritt)" name="reason" value={reason} onChange={setReason} error={add.error} />
          <FormError error={formLevelError(add.error, ['personId', 'substitutePersonId', 'reason'])} />
          <div className="button-row">
            <Button type="submit" className="button" isDisabled={add.isPending}>
              Anmäl jäv
            </Button>
          </div>
        </Form>
      ) : null}
    </section>
  );
}
