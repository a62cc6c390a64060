import { useSession } from '../../auth/session';
import { Page } from '../../components/page';
import { PostingsSection } from './postings-section';
import { useMunicipality, usePostings, type Posting } from './postings-query';

const comingDownFirst = (a: Posting, b: Posting) => a.takenDownOn.localeCompare(b.takenDownOn);
const goingUpFirst = (a: Posting, b: Posting) => a.postedOn.localeCompare(b.postedOn);
const latestDownFirst = (a: Posting, b: Posting) => b.takenDownOn.localeCompare(a.takenDownOn);

/** The municipality's notice board as the secretary follows it: what is up and when it comes down, what goes up next, what came down. */
export function PostingsPage() {
  const { user } = useSession();
  const up = usePostings('up');
  const scheduled = usePostings('scheduled');
  const down = usePostings('down');
  const municipality = useMunicipality(user.municipalityId);
  return (
    <Page
      title="Anslagstavla"
      subtitle="Anslag om justerade protokoll och kungörelser. Överklagandetiden är tre veckor från den dag anslaget sattes upp."
      ready={up.isSuccess && scheduled.isSuccess && down.isSuccess}
      actions={
        municipality.data ? (
          // The public notice board is a page of the API, outside this app: an ordinary link leaves the app for it.
          <a className="button" href={`/anslagstavla/${municipality.data.code}`}>
            Den allmänna anslagstavlan
          </a>
        ) : null
      }
    >
      <PostingsSection id="anslag-uppe" title="Uppe nu" empty="Inga anslag är uppe just nu." query={up} order={comingDownFirst} />
      <PostingsSection id="anslag-kommande" title="Sätts upp" empty="Inga anslag väntar på att sättas upp." query={scheduled} order={goingUpFirst} />
      <PostingsSection id="anslag-nedtagna" title="Nyligen nedtagna" empty="Inga anslag har tagits ned." query={down} order={latestDownFirst} />
    </Page>
  );
}
