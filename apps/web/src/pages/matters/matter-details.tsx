import type { Schemas } from '../../api/client';
import { formatCalendarDate } from '../../format/dates';

/** The matter's particulars as a diarium shows them. */
export function MatterDetails({ overview }: { overview: Schemas['MatterOverviewDto'] }) {
  const { matter } = overview;
  const rows: [string, string][] = [
    ['Diarienummer', matter.caseNumber],
    ['Diarium', overview.registryName],
    ['Organ', overview.organName ?? '–'],
    ['Förvaltning', overview.departmentName ?? '–'],
    ['Handläggare', overview.caseOfficerName ?? 'Ingen ännu'],
    ['Registrerat', formatCalendarDate(matter.registeredOn)],
  ];
  if (matter.closedOn) rows.push(['Avslutat', formatCalendarDate(matter.closedOn)]);
  if (matter.classification) rows.push(['Klassificering', matter.classification]);
  if (matter.secret) rows.push(['Sekretess', matter.secrecyProvision ?? 'Ja']);
  if (matter.personalData) rows.push(['Personuppgifter', 'Ja, beslut och handlingar publiceras inte']);
  if (matter.exerciseOfPublicAuthority) rows.push(['Myndighetsutövning', 'Ja, behandlas aldrig offentligt']);
  if (matter.cancellationReason) rows.push(['Makulerat', matter.cancellationReason]);
  return (
    <section aria-labelledby="matter-details-heading" className="panel">
      <h2 id="matter-details-heading">Uppgifter</h2>
      <dl className="matter-facts">
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {matter.description ? <p className="matter-description">{matter.description}</p> : null}
    </section>
  );
}
