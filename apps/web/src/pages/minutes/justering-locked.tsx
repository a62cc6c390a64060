import { formatCalendarDate, formatDateTime } from '../../format/dates';
import { JusteringApprovers } from './justering-approvers';
import { POSTING_STATUS_LABELS, type Minutes, type MinutesFrame } from './minutes-shared';

/** After the last approval: the minutes never change again; the file, and the posting on the notice board with its dates. */
export function JusteringLocked({ minutes, frame }: { minutes: Minutes; frame: MinutesFrame }) {
  const postings = frame.postings.filter((posting) => posting.paragraphId === null);
  return (
    <>
      <p className="notice notice-success">
        {minutes.kind === 'notes' ? 'Minnesanteckningarna färdigställdes' : 'Protokollet justerades'} {minutes.lockedAt ? formatDateTime(minutes.lockedAt) : ''} och kan
        inte längre ändras.
      </p>
      <p>
        <a href={`/api/v1/minutes/${minutes.id}/docx`} download>
          Ladda ned {minutes.kind === 'notes' ? 'minnesanteckningarna' : 'det justerade protokollet'} (Word)
        </a>
      </p>
      {minutes.kind === 'minutes' ? <JusteringApprovers minutes={minutes} /> : null}
      <h3>Anslag</h3>
      {postings.length === 0 ? (
        <p>Protokollet anslås inte på anslagstavlan enligt reglementet.</p>
      ) : (
        <div className="table-scroll minutes-table-scroll">
          <table className="table">
            <caption className="visually-hidden">Anslag om justeringen</caption>
            <thead>
              <tr>
                <th scope="col">Paragrafer</th>
                <th scope="col">Sätts upp</th>
                <th scope="col">Tas ned</th>
                <th scope="col">Sista dag att överklaga</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {postings.map((posting) => (
                <tr key={posting.id}>
                  <td>{posting.paragraphs}</td>
                  <td>{formatCalendarDate(posting.postedOn)}</td>
                  <td>{formatCalendarDate(posting.takenDownOn)}</td>
                  <td>{posting.lastAppealDay ? formatCalendarDate(posting.lastAppealDay) : '–'}</td>
                  <td>
                    <span className={`badge ${posting.status === 'up' ? 'badge-success' : ''}`}>{POSTING_STATUS_LABELS[posting.status]}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <a href={frame.noticeBoardPath}>Den offentliga anslagstavlan</a>
      </p>
    </>
  );
}
