import type { Schemas } from '../../api/client';

export function ParagraphsSection({ minutes }: { minutes: Schemas['MinutesDto'] }) {
  return (
    <section aria-labelledby="paragrafer-rubrik">
      <h2 id="paragrafer-rubrik">Paragrafer</h2>
      <p>{minutes.paragraphs.length} paragrafer.</p>
    </section>
  );
}
