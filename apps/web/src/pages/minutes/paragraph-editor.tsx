import { Link } from 'react-aria-components';
import { ParagraphDecision } from './paragraph-decision';
import { ParagraphDisqualifications } from './paragraph-disqualifications';
import { ParagraphDissents } from './paragraph-dissents';
import { ParagraphMotions } from './paragraph-motions';
import { ParagraphNotes } from './paragraph-notes';
import { ParagraphPropositions } from './paragraph-propositions';
import type { Minutes, Paragraph } from './paragraph-changes';

/** One paragraph as the secretary records it during the meeting, top to bottom in the order things happen. */
export function ParagraphEditor({ paragraph, minutes, next }: { paragraph: Paragraph; minutes: Minutes; next: Paragraph | null }) {
  const meetingId = minutes.meetingId;
  const decided = paragraph.status === 'decided';
  return (
    <article className="paragraph-editor" aria-labelledby={`rubrik-${paragraph.id}`}>
      <header className="paragraph-header">
        <h3 id={`rubrik-${paragraph.id}`}>
          § {paragraph.number} {paragraph.title}
        </h3>
        <p className="paragraph-facts">
          {paragraph.caseNumber ? <span>Dnr {paragraph.caseNumber}</span> : null}
          <span className={`badge ${decided ? 'badge-success' : ''}`}>{decided ? 'Beslutad' : 'Ej beslutad'}</span>
          <span className={`badge ${paragraph.quorum ? 'badge-success' : 'badge-danger'}`}>
            {paragraph.quorum ? 'Beslutför' : 'Ej beslutför'}: {paragraph.serving} av {paragraph.seats} tjänstgör
          </span>
        </p>
      </header>
      <section aria-labelledby={`forslag-${paragraph.id}`} className="paragraph-part">
        <h4 id={`forslag-${paragraph.id}`}>Förslag till beslut</h4>
        {paragraph.proposal.length === 0 ? <p>Inget förslag; skriv beslutet.</p> : (
          <ol>
            {paragraph.proposal.map((point, index) => (
              <li key={index}>{point}</li>
            ))}
          </ol>
        )}
      </section>
      <ParagraphDisqualifications paragraph={paragraph} meetingId={meetingId} />
      <ParagraphMotions paragraph={paragraph} meetingId={meetingId} />
      <ParagraphPropositions paragraph={paragraph} meetingId={meetingId} />
      <ParagraphDecision key={paragraph.id} paragraph={paragraph} meetingId={meetingId} />
      <ParagraphDissents paragraph={paragraph} minutes={minutes} />
      <ParagraphNotes paragraph={paragraph} meetingId={meetingId} />
      {next ? (
        <p>
          <Link className="button" href={`?paragraf=${next.number}`}>
            Nästa: § {next.number} {next.title}
          </Link>
        </p>
      ) : null}
    </article>
  );
}
