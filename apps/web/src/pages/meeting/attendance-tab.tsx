import { useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client';
import { useSession } from '../../auth/session';
import { ErrorNotice, LoadingNotice } from '../../components/status';
import { AbsenceForm } from './attendance-absence-form';
import { AttendanceSeats } from './attendance-seats';
import { SubstituteCalls } from './attendance-substitute-calls';
import { managesOrganMeetings } from './notice-access';

export function expectedAttendanceQueryKey(meetingId: string) {
  return ['expected-attendance', meetingId] as const;
}

export function substituteCallsQueryKey(meetingId: string) {
  return ['substitute-calls', meetingId] as const;
}

/** Förhinder can be reported and withdrawn until the meeting starts, for a meeting that takes place. */
const OPEN_FOR_ABSENCES: Schemas['MeetingDto']['status'][] = ['planned', 'notice_finalized', 'notice_sent'];

/** Närvaro: who is expected, who has förhinder and which ersättare serves for them, and whether the organ will be beslutfört. */
export function AttendanceTab({ meeting }: { meeting: Schemas['MeetingDto'] }) {
  const { user } = useSession();
  const attendance = useQuery({
    queryKey: expectedAttendanceQueryKey(meeting.id),
    queryFn: () => call(api.GET('/api/v1/meetings/{id}/expected-attendance', { params: { path: { id: meeting.id } } })),
  });
  const calls = useQuery({
    queryKey: substituteCallsQueryKey(meeting.id),
    queryFn: () => call(api.GET('/api/v1/meetings/{id}/substitute-calls', { params: { path: { id: meeting.id } } })),
  });
  const canChange = managesOrganMeetings(user, meeting.organId) && OPEN_FOR_ABSENCES.includes(meeting.status) && new Date(meeting.startsAt).getTime() > Date.now();

  return (
    <section aria-labelledby="attendance-tab-rubrik">
      <h2 id="attendance-tab-rubrik">Närvaro</h2>
      {attendance.isPending ? <LoadingNotice label="Hämtar väntad närvaro" /> : null}
      {attendance.isError ? <ErrorNotice error={attendance.error} /> : null}
      {attendance.data ? (
        <>
          <Quorum attendance={attendance.data} />
          {canChange ? <AbsenceForm meetingId={meeting.id} attendance={attendance.data} /> : null}
          <AttendanceSeats meetingId={meeting.id} attendance={attendance.data} canChange={canChange} />
          {calls.data ? <SubstituteCalls calls={calls.data} attendance={attendance.data} /> : null}
          {calls.isError ? <ErrorNotice error={calls.error} /> : null}
        </>
      ) : null}
    </section>
  );
}

/** KL 6 kap. 27 §: the organ may decide only when more than half of its members are present. */
function Quorum({ attendance }: { attendance: Schemas['ExpectedAttendanceDto'] }) {
  const needed = Math.floor(attendance.seats / 2) + 1;
  return (
    <div className={`notice ${attendance.quorumExpected ? 'notice-success' : 'notice-error'} attendance-quorum`} data-quorum={String(attendance.quorumExpected)}>
      <p>
        <strong>{attendance.quorumExpected ? 'Beslutfört' : 'Inte beslutfört'}</strong>:{' '}
        {attendance.expectedServing} av {attendance.seats} ledamöter eller tjänstgörande ersättare väntas. Minst {needed} behövs för att organet ska vara beslutfört.
      </p>
      {attendance.uncovered.length > 0 ? (
        <p>Ingen ersättare kan kallas in för {attendance.uncovered.map((person) => person.name).join(', ')}.</p>
      ) : null}
    </div>
  );
}
