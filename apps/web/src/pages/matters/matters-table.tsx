import { Link } from 'react-aria-components';
import type { Schemas } from '../../api/client';
import { MATTER_STATUS_LABELS, statusBadgeClass } from './labels';

interface MattersTableProps {
  matters: Schemas['MatterDto'][];
  options: Schemas['DiariumOptionsDto'] | undefined;
}

/** One row per matter; the case number opens the matter's page. A secret matter shows what the API gives of it. */
export function MattersTable({ matters, options }: MattersTableProps) {
  const caseOfficerNames = new Map(options?.caseOfficers.map((person) => [person.id, person.name]));
  return (
    <div className="table-scroll">
      <table className="table matters-table">
        <caption className="visually-hidden">Ärenden i diariet</caption>
        <thead>
          <tr>
            <th scope="col">Diarienummer</th>
            <th scope="col">Rubrik</th>
            <th scope="col">Status</th>
            <th scope="col">Handläggare</th>
            <th scope="col">Registrerat</th>
          </tr>
        </thead>
        <tbody>
          {matters.map((matter) => (
            <tr key={matter.id}>
              <th scope="row">
                <Link href={`/arenden/${matter.id}`}>{matter.caseNumber}</Link>
              </th>
              <td>
                {matter.title}
                {matter.secret ? <span className="badge badge-warning matter-secret-badge">Sekretessärende</span> : null}
              </td>
              <td>
                <span className={statusBadgeClass(matter.status)}>{MATTER_STATUS_LABELS[matter.status]}</span>
              </td>
              <td>{matter.caseOfficerId ? (caseOfficerNames.get(matter.caseOfficerId) ?? '–') : '–'}</td>
              <td>{matter.registeredOn}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
