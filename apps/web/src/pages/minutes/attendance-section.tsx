import { useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client';
import { FormError, TextInput } from '../../components/fields';
import { SuccessNotice } from '../../components/status';
import { AttendanceRow, type DraftAttendee } from './attendance-row';
import { CAPACITY_LABELS, rowProblems, SmallSelect, useMinutesChanged, type Capacity, type Minutes, type MinutesFrame } from './minutes-shared';

const asDraft = (attendee: Minutes['attendees'][number], index: number): DraftAttendee => ({ ...attendee, key: `${index}:${attendee.personId ?? attendee.name}` });

function asInput(row: DraftAttendee): Schemas['AttendeeInputDto'] {
  return {
    ...(row.personId ? { personId: row.personId } : { name: row.name }),
    ...(row.title ? { title: row.title } : {}),
    capacity: row.capacity,
    ...(row.capacity === 'serving_substitute' && row.replacesPersonId ? { replacesPersonId: row.replacesPersonId } : {}),
    ...(row.fromParagraph !== null ? { fromParagraph: row.fromParagraph } : {}),
    ...(row.toParagraph !== null ? { toParagraph: row.toParagraph } : {}),
  };
}

/** Närvaro: who was there and as what, and from which § to which § (arrivals and departures), saved as a whole. */
export function AttendanceSection({ minutes, frame }: { minutes: Minutes; frame: MinutesFrame }) {
  const minutesChanged = useMinutesChanged(minutes.meetingId);
  // Kept here, above the editor that starts afresh from each saved answer, so that the confirmation outlives it.
  const save = useMutation({
    mutationFn: (rows: DraftAttendee[]) => call(api.PUT('/api/v1/minutes/{id}/attendance', { params: { path: { id: minutes.id } }, body: { attendees: rows.map(asInput) } })),
    onSuccess: (saved) => minutesChanged(saved),
  });
  return (
    <section className="panel" aria-labelledby="narvaro-rubrik">
      <h2 id="narvaro-rubrik">Närvaro</h2>
      {minutes.status === 'draft' ? (
        // A new answer from the API starts the editing afresh from what was saved.
        <AttendanceEditor key={JSON.stringify(minutes.attendees)} minutes={minutes} frame={frame} save={save} />
      ) : (
        <AttendanceList minutes={minutes} />
      )}
    </section>
  );
}

type SaveAttendance = UseMutationResult<Minutes, Error, DraftAttendee[]>;

function AttendanceEditor({ minutes, frame, save }: { minutes: Minutes; frame: MinutesFrame; save: SaveAttendance }) {
  const [rows, setRows] = useState<DraftAttendee[]>(() => minutes.attendees.map(asDraft));
  const [added, setAdded] = useState(0);
  const [otherName, setOtherName] = useState('');
  const [otherTitle, setOtherTitle] = useState('');
  const [otherCapacity, setOtherCapacity] = useState<Capacity>('official');
  const numbers = minutes.paragraphs.map((paragraph) => paragraph.number);
  const present = new Set(rows.map((row) => row.personId));
  const seatHolders = [...frame.members, ...frame.substitutes].filter((seat) => !present.has(seat.person.id));

  const change = (key: string, patch: Partial<DraftAttendee>) => setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  const remove = (key: string) => setRows((current) => current.filter((row) => row.key !== key));
  const add = (row: Omit<DraftAttendee, 'key'>) => {
    setRows((current) => [...current, { ...row, key: `ny-${added}` }]);
    setAdded((count) => count + 1);
  };
  const addSeatHolder = (personId: string) => {
    const seat = seatHolders.find((holder) => holder.person.id === personId);
    if (!seat) return;
    const name = `${seat.person.firstName} ${seat.person.lastName}`;
    add({ personId, name, party: seat.party, title: null, capacity: seat.role === 'member' ? 'member' : 'substitute', replacesPersonId: null, fromParagraph: null, toParagraph: null });
  };
  const addOther = (event: FormEvent) => {
    event.preventDefault();
    add({ personId: null, name: otherName.trim(), party: null, title: otherTitle.trim() || null, capacity: otherCapacity, replacesPersonId: null, fromParagraph: null, toParagraph: null });
    setOtherName('');
    setOtherTitle('');
  };

  return (
    <>
      <p>
        Ange vilka som var närvarande och i vilken egenskap. Den som kom eller gick under sammanträdet får den första och sista paragraf där hen
        var med. Ändringarna gäller när du sparar.
      </p>
      <div className="table-scroll minutes-table-scroll">
        <table className="table attendance-table">
          <caption className="visually-hidden">Närvarande vid sammanträdet</caption>
          <thead>
            <tr>
              <th scope="col">Namn</th>
              <th scope="col">Närvarar som</th>
              <th scope="col">Ersätter</th>
              <th scope="col">Från §</th>
              <th scope="col">Till och med §</th>
              <th scope="col">
                <span className="visually-hidden">Ta bort</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <AttendanceRow
                key={row.key}
                row={row}
                members={frame.members}
                numbers={numbers}
                problems={rowProblems(save.error, `attendees[${index}]`)}
                onChange={(patch) => change(row.key, patch)}
                onRemove={() => remove(row.key)}
              />
            ))}
          </tbody>
        </table>
      </div>
      <div className="attendance-add">
        {seatHolders.length > 0 ? (
          <SmallSelect
            label="Lägg till ledamot eller ersättare"
            placeholder="Välj person"
            value=""
            options={seatHolders.map((seat) => ({
              id: seat.person.id,
              label: `${seat.person.firstName} ${seat.person.lastName} (${seat.party ?? 'utan parti'}, ${seat.role === 'member' ? 'ledamot' : 'ersättare'})`,
            }))}
            onChange={addSeatHolder}
          />
        ) : null}
        <Form className="attendance-other" onSubmit={addOther} aria-labelledby="annan-narvarande">
          <h3 id="annan-narvarande">Annan närvarande</h3>
          <div className="form-row">
            <TextInput label="Namn" name="otherName" value={otherName} onChange={setOtherName} isRequired />
            <TextInput label="Titel" name="otherTitle" value={otherTitle} onChange={setOtherTitle} />
            <SmallSelect
              label="Närvarar som"
              value={otherCapacity}
              options={(['official', 'other'] as const).map((capacity) => ({ id: capacity, label: CAPACITY_LABELS[capacity] }))}
              onChange={(value) => setOtherCapacity(value as Capacity)}
            />
          </div>
          <Button type="submit" className="button button-small">
            Lägg till i närvarolistan
          </Button>
        </Form>
      </div>
      <FormError error={save.error} />
      {save.isSuccess ? <SuccessNotice>Närvaron är sparad.</SuccessNotice> : null}
      <Button className="button button-primary" onPress={() => save.mutate(rows)} isDisabled={save.isPending}>
        {save.isPending ? 'Sparar …' : 'Spara närvaron'}
      </Button>
    </>
  );
}

function AttendanceList({ minutes }: { minutes: Minutes }) {
  const span = ({ fromParagraph: from, toParagraph: to }: Minutes['attendees'][number]) => {
    if (from === null && to === null) return 'Hela sammanträdet';
    if (from === null) return `Till och med § ${to}`;
    if (to === null) return `Från § ${from}`;
    return `§ ${from}–${to}`;
  };
  return (
    <div className="table-scroll minutes-table-scroll">
      <table className="table">
        <caption className="visually-hidden">Närvarande vid sammanträdet</caption>
        <thead>
          <tr>
            <th scope="col">Namn</th>
            <th scope="col">Närvarade som</th>
            <th scope="col">Närvarande</th>
          </tr>
        </thead>
        <tbody>
          {minutes.attendees.map((attendee, index) => (
            <tr key={index}>
              <td>
                {attendee.name}
                {attendee.party ? ` (${attendee.party})` : ''}
                {attendee.title ? `, ${attendee.title}` : ''}
              </td>
              <td>{CAPACITY_LABELS[attendee.capacity]}</td>
              <td>{span(attendee)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
