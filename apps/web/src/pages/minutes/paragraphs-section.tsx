export function ParagraphsSection({ minutesId }: { minutesId: string }) {
  return (
    <section aria-labelledby="paragrafer-rubrik">
      <h2 id="paragrafer-rubrik">Paragrafer</h2>
      <p>Protokollet {minutesId}.</p>
    </section>
  );
}
