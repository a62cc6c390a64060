import { useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client';
import { FormError } from '../../components/fields';
import { SuccessNotice } from '../../components/status';
import { expectedAttendanceQueryKey, substituteCallsQueryKey } from './attendance-tab';

const POSITION_LABELS: Record<string, string> = {
  chair: 'Ordförande',
  first_vice_chair: 'Vice ordförande',
  second_vice_chair: 'Andre vice ordförande',
};

interface AttendanceSeatsProps {
  meetingId: string;
  attendance: Schemas['ExpectedAttendanceDto'];
  canChange: boolean;
}

/** Ledamöter and ersättare as the secretary expects them on the day, with the förhinder that can still be withdrawn. */
export function AttendanceSeats({ meetingId, attendance, canChange }: AttendanceSeatsProps) {
  const queryClient = useQueryClient();
  const heading = useRef<HTMLHeadingElement>(null);
  const [done, setDone] = useState<string | null>(null);
  const withdraw = useMutation({
    mutationFn: (absence: { id: string; name: string }) => call(api.DELETE('/api/v1/absences/{id}', { params: { path: { id: absence.id } } })),
    onSuccess: async (_withdrawn, absence) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: expectedAttendanceQueryKey(meetingId) }),
        queryClient.invalidateQueries({ queryKey: substituteCallsQueryKey(meetingId) }),
      ]);
      setDone(`Förhindret för ${absence.name} är återkallat.`);
      // The button pressed is gone with the förhinder: keep the reader in the table.
      heading.current?.focus();
    },
  });
  const withdrawButton = (absenceId: string | null, name: string) =>
    canChange && absenceId ? (
      <Button className="button button-small" isDisabled={withdraw.isPending} onPress={() => withdraw.mutate({ id: absenceId, name })}>
        Återkalla förhinder<span className="visually-hidden"> för {name}</span>
      </Button>
    ) : null;

  return (
    <>
      <h3 ref={heading} tabIndex={-1}>
        Ledamöter
      </h3>
      {done ? <SuccessNotice>{done}</SuccessNotice> : null}
      <FormError error={withdraw.error} />
      <div className="table-scroll">
        <table className="table attendance-members">
          <thead>
            <tr>
              <th scope="col">Ledamot</th>
              <th scope="col">Parti</th>
              <th scope="col">Närvaro</th>
              <th scope="col">Tjänstgörande ersättare</th>
              {canChange ? <th scope="col"><span className="visually-hidden">Åtgärd</span></th> : null}
            </tr>
          </thead>
          <tbody>
            {attendance.members.map((seat) => (
              <tr key={seat.member.personId} data-person={seat.member.name}>
                <th scope="row">
                  {seat.member.name}
                  {POSITION_LABELS[seat.position] ? <div className="attendance-position">{POSITION_LABELS[seat.position]}</div> : null}
                </th>
                <td>{seat.member.party ?? '–'}</td>
                <td>{seat.absent ? <span className="badge badge-warning">Förhinder</span> : 'Väntas'}</td>
                <td>{seat.servingSubstitute ? `${seat.servingSubstitute.name}${seat.servingSubstitute.party ? ` (${seat.servingSubstitute.party})` : ''}` : seat.absent ? <span className="badge badge-danger">Ingen ersättare</span> : '–'}</td>
                {canChange ? <td>{withdrawButton(seat.absenceId, seat.member.name)}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>Ersättare i inkallelseordning</h3>
      <div className="table-scroll">
        <table className="table attendance-substitutes">
          <thead>
            <tr>
              <th scope="col">Ordning</th>
              <th scope="col">Ersättare</th>
              <th scope="col">Parti</th>
              <th scope="col">Status</th>
              {canChange ? <th scope="col"><span className="visually-hidden">Åtgärd</span></th> : null}
            </tr>
          </thead>
          <tbody>
            {attendance.substitutes.map((seat) => (
              <tr key={seat.personId} data-person={seat.name}>
                <td>{seat.substituteOrder ?? '–'}</td>
                <th scope="row">{seat.name}</th>
                <td>{seat.party ?? '–'}</td>
                <td>
                  {seat.absent ? (
                    <span className="badge badge-warning">Förhinder</span>
                  ) : seat.servingFor ? (
                    <span className="badge badge-success">Inkallad för {seat.servingFor.name}</span>
                  ) : (
                    'Inte inkallad'
                  )}
                </td>
                {canChange ? <td>{withdrawButton(seat.absenceId, seat.name)}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
