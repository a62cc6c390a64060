import type { Schemas } from '../../api/client';
import { formatDateTime } from '../../format/dates';

interface SubstituteCallsProps {
  calls: Schemas['SubstituteCallDto'][];
  attendance: Schemas['ExpectedAttendanceDto'];
}

/** Every inkallelse made for the meeting, in the order made, including those released when a förhinder was withdrawn. */
export function SubstituteCalls({ calls, attendance }: SubstituteCallsProps) {
  if (calls.length === 0) return null;
  const names = new Map<string, string>([
    ...attendance.members.map((seat) => [seat.member.personId, seat.member.name] as const),
    ...attendance.substitutes.map((seat) => [seat.personId, seat.name] as const),
  ]);
  const name = (personId: string) => names.get(personId) ?? 'Utan uppdrag på sammanträdesdagen';
  return (
    <>
      <h3>Inkallelser</h3>
      <div className="table-scroll">
        <table className="table attendance-calls">
          <thead>
            <tr>
              <th scope="col">Ersättare</th>
              <th scope="col">Ersätter</th>
              <th scope="col">Inkallad</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {calls.map((substituteCall) => (
              <tr key={substituteCall.id}>
                <th scope="row">{name(substituteCall.substitutePersonId)}</th>
                <td>{name(substituteCall.absentPersonId)}</td>
                <td>{formatDateTime(substituteCall.calledAt)}</td>
                <td>
                  {substituteCall.status === 'called' ? (
                    <span className="badge badge-success">Inkallad</span>
                  ) : (
                    `Avbokad ${substituteCall.releasedAt ? formatDateTime(substituteCall.releasedAt) : ''}`.trim()
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
