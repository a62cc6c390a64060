import { formatDateTime } from '../../format/dates';
import { APPROVER_ROLE_LABELS, type Minutes } from './minutes-shared';

/** Who must approve, and who has approved the minutes as they read now. */
export function JusteringApprovers({ minutes }: { minutes: Minutes }) {
  if (minutes.approvers.length === 0) return <p>Ordförande och justerare är inte utsedda än.</p>;
  const approvedAt = (personId: string) =>
    minutes.approvals.filter((approval) => approval.paragraphId === null && approval.personId === personId && approval.valid).at(-1)?.approvedAt;
  return (
    <div className="table-scroll minutes-table-scroll">
      <table className="table">
        <caption className="justering-caption">Justeras av</caption>
        <thead>
          <tr>
            <th scope="col">Namn</th>
            <th scope="col">Roll</th>
            <th scope="col">Justerat</th>
          </tr>
        </thead>
        <tbody>
          {minutes.approvers.map((approver) => {
            const at = approvedAt(approver.personId);
            return (
              <tr key={approver.personId}>
                <td>{approver.name}</td>
                <td>{APPROVER_ROLE_LABELS[approver.role]}</td>
                <td>
                  {approver.approved ? (
                    <span className="badge badge-success">Justerat{at ? ` ${formatDateTime(at)}` : ''}</span>
                  ) : (
                    <span className="badge badge-warning">Inte justerat</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
