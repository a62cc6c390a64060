import { Button } from 'react-aria-components';
import { CAPACITY_LABELS, SmallSelect, type Attendee, type Capacity, type MinutesFrame } from './minutes-shared';

export type DraftAttendee = Attendee & { key: string };

const FROM_START = 'start';
const TO_END = 'end';

/** One person in the attendance being edited: capacity, whose seat a serving substitute takes, arrival and departure by §. */
export function AttendanceRow({
  row,
  members,
  numbers,
  problems,
  onChange,
  onRemove,
}: {
  row: DraftAttendee;
  members: MinutesFrame['members'];
  numbers: number[];
  problems: string[];
  onChange: (patch: Partial<DraftAttendee>) => void;
  onRemove: () => void;
}) {
  const capacities: Capacity[] = row.personId ? ['member', 'serving_substitute', 'substitute', 'official', 'other'] : ['official', 'other'];
  const paragraphOptions = numbers.map((number) => ({ id: String(number), label: `§ ${number}` }));
  const problemId = `narvaro-problem-${row.key}`;
  return (
    <>
      <tr aria-describedby={problems.length ? problemId : undefined}>
        <th scope="row">
          {row.name}
          {row.party ? ` (${row.party})` : ''}
          {row.title ? <span className="attendance-title">, {row.title}</span> : null}
        </th>
        <td>
          <SmallSelect
            hideLabel
            label={`Närvarar som, ${row.name}`}
            value={row.capacity}
            options={capacities.map((capacity) => ({ id: capacity, label: CAPACITY_LABELS[capacity] }))}
            onChange={(capacity) => onChange({ capacity: capacity as Capacity, replacesPersonId: capacity === 'serving_substitute' ? row.replacesPersonId : null })}
          />
        </td>
        <td>
          {row.capacity === 'serving_substitute' ? (
            <SmallSelect
              hideLabel
              label={`Ersätter, ${row.name}`}
              placeholder="Välj ledamot"
              value={row.replacesPersonId ?? ''}
              options={members.map((seat) => ({ id: seat.person.id, label: `${seat.person.firstName} ${seat.person.lastName} (${seat.party ?? 'utan parti'})` }))}
              onChange={(personId) => onChange({ replacesPersonId: personId })}
            />
          ) : (
            <>
              <span aria-hidden="true">–</span>
              <span className="visually-hidden">Ersätter ingen</span>
            </>
          )}
        </td>
        <td>
          <SmallSelect
            hideLabel
            label={`Från §, ${row.name}`}
            value={row.fromParagraph === null ? FROM_START : String(row.fromParagraph)}
            options={[{ id: FROM_START, label: 'Från början' }, ...paragraphOptions]}
            onChange={(value) => onChange({ fromParagraph: value === FROM_START ? null : Number(value) })}
          />
        </td>
        <td>
          <SmallSelect
            hideLabel
            label={`Till och med §, ${row.name}`}
            value={row.toParagraph === null ? TO_END : String(row.toParagraph)}
            options={[{ id: TO_END, label: 'Till slutet' }, ...paragraphOptions]}
            onChange={(value) => onChange({ toParagraph: value === TO_END ? null : Number(value) })}
          />
        </td>
        <td>
          <Button className="button button-small button-danger" onPress={onRemove} aria-label={`Ta bort ${row.name} ur närvarolistan`}>
            Ta bort
          </Button>
        </td>
      </tr>
      {problems.length ? (
        <tr>
          <td colSpan={6} id={problemId} className="field-error">
            {problems.join(' ')}
          </td>
        </tr>
      ) : null}
    </>
  );
}
