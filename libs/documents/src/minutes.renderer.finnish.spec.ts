import { renderMinutes, renderMinutesExtract } from './minutes.renderer';
import { radNotes, sunExtract, sunMinutes } from './testing/minutes-views';
import { readDocx, ReadDocx } from './testing/read-docx';
import { MinutesView } from './minutes.view-model';

const FINNISH_TITLE = 'Pöytäkirjantarkastajien valinta';

/** The SUN minutes as an organ with Finnish would have them, § 1 with the Finnish title the secretary entered. */
function finnishMinutes(overrides: Partial<MinutesView> = {}): MinutesView {
  const view = sunMinutes({ languages: ['sv', 'fi'], ...overrides });
  return { ...view, paragraphs: view.paragraphs.map((paragraph, index) => (index === 0 ? { ...paragraph, titleFi: FINNISH_TITLE } : paragraph)) };
}

describe('the protokoll of an organ with Finnish (lag 2009:724)', () => {
  let doc: ReadDocx;

  beforeAll(async () => {
    doc = await readDocx(await renderMinutes(finnishMinutes()));
  });

  it('gives the title, the headings of the signature page and the meeting date in Swedish and Finnish', () => {
    expect(doc.html).toContain('<h1>Sammanträdesprotokoll / Kokouspöytäkirja</h1><p>11 januari 2023<br />11. tammikuuta 2023</p><h2>Plats och tid / Paikka ja aika</h2>');
    for (const heading of [
      '<h2>Beslutande / Päätöksentekijät</h2>',
      '<h2>Övriga närvarande / Muut läsnäolijat</h2>',
      '<h3>Tjänstemän / Viranhaltijat</h3>',
      '<h2>Utses att justera / Pöytäkirjantarkastajat</h2>',
      '<h2>Justeringens plats och tid / Pöytäkirjan tarkastuksen paikka ja aika</h2>',
      '<h2>Underskrifter / Allekirjoitukset</h2>',
      '<strong>Ordförande / Puheenjohtaja</strong>',
      '<strong>Justerande / Pöytäkirjantarkastaja</strong>',
      '<h3>Elektroniskt justerat / Tarkastettu sähköisesti</h3>',
      '<h1>Ärendelista / Asialuettelo</h1>',
    ]) {
      expect(doc.html).toContain(heading);
    }
  });

  it('prints the ANSLAG/BEVIS box in both languages, dates in both', () => {
    expect(doc.html).toContain(
      '<strong>ANSLAG/BEVIS / ILMOITUS/TODISTUS</strong><br />Protokollet är justerat. Justeringen har tillkännagivits genom anslag.<br />' +
        'Pöytäkirja on tarkastettu. Tarkastuksesta on ilmoitettu ilmoitustaululla.',
    );
    expect(doc.html).toContain('<td><p>Sista dag för överklagande / Valitusajan viimeinen päivä</p></td><td><p>7 februari 2023<br />7. helmikuuta 2023</p></td>');
    expect(doc.html).toContain('<td><p>Förvaringsplats för protokollet / Pöytäkirjan säilytyspaikka</p></td>');
  });

  it('gives each paragraph\'s headings in both languages and the Finnish title under the Swedish one', () => {
    expect(doc.html).toContain(`<h1>§ 1<br />Val av justerande<br />${FINNISH_TITLE}</h1><h2>Beslut / Päätös</h2>`);
    expect(doc.html).toContain(`<td><p>§ 1</p></td><td><p>Val av justerande<br />${FINNISH_TITLE}</p></td>`);
    for (const heading of ['<h2>Yrkanden / Ehdotukset</h2>', '<h2>Omröstning / Äänestys</h2>', '<h2>Reservation / Eriävä mielipide</h2>', '<h2>Beslut skickas till / Päätös lähetetään</h2>']) {
      expect(doc.html).toContain(heading);
    }
    expect(doc.html).toContain('<th><p><strong>Ledamot / Jäsen</strong></p></th><th><p><strong>Ja / Jaa</strong></p></th><th><p><strong>Nej / Ei</strong></p></th><th><p><strong>Avstår / Tyhjä</strong></p></th>');
  });

  it('heads every page "SAMMANTRÄDESPROTOKOLL / KOKOUSPÖYTÄKIRJA" with "Sida / Sivu"', () => {
    const header = (doc.part('word/header1.xml') ?? '').replace(/<[^>]+>/g, '');
    expect(header).toContain('SAMMANTRÄDESPROTOKOLL / KOKOUSPÖYTÄKIRJA');
    expect(header).toContain('Sida / Sivu');
    expect(header).toContain('Sammanträdesdatum / Kokouspäivä 11 januari 2023');
  });

  it('leaves what was said and decided as it was written', () => {
    expect(doc.html).toContain('<p>Social- och utbildningsnämnden utser Anna Exempelsson (S) att jämte ordföranden justera dagens protokoll.</p>');
  });
});

describe('the protokoll of an organ without Finnish', () => {
  it('prints no Finnish, not even a Finnish title the item carries', async () => {
    const { html, text } = await readDocx(await renderMinutes(finnishMinutes({ languages: ['sv'] })));
    expect(html).toContain('<h1>§ 1<br />Val av justerande</h1><h2>Beslut</h2>');
    for (const finnish of [FINNISH_TITLE, 'Kokouspöytäkirja', 'Päätös', 'Allekirjoitukset', 'ILMOITUS', 'tammikuuta']) expect(text).not.toContain(finnish);
  });
});

describe('the protokollsutdrag of an organ with Finnish', () => {
  it('is headed "Utdrag ur protokoll / Pöytäkirjanote" and certified in both languages', async () => {
    const { html } = await readDocx(await renderMinutesExtract(sunExtract({ languages: ['sv', 'fi'] })));
    expect(html).toContain('<h1>Utdrag ur protokoll / Pöytäkirjanote</h1><p>Social- och utbildningsnämnden, sammanträde 11 januari 2023 / kokous 11. tammikuuta 2023</p>');
    expect(html).toContain('<h2>Justering / Tarkastus</h2>');
    expect(html).toContain('<h2>Utdragsbestyrkande / Otteen oikeaksi todistaminen</h2><p>Utdraget överensstämmer med originalet. / Ote vastaa alkuperäistä pöytäkirjaa.</p>');
    expect(html).toContain('Sista dag för överklagande / Valitusajan viimeinen päivä: 7 februari 2023 / 7. helmikuuta 2023');
  });
});

describe('the minnesanteckningar of a råd with Finnish', () => {
  it('are titled "Minnesanteckningar / Muistio" with Punkt / Kohta before each point', async () => {
    const { html } = await readDocx(await renderMinutes(radNotes({ languages: ['sv', 'fi'] })));
    expect(html).toContain('<h1>Minnesanteckningar / Muistio</h1>');
    expect(html).toContain('<h2>Närvarande / Läsnä</h2>');
    expect(html).toMatch(/<h1>Punkt \/ Kohta 1/);
    expect(html).toContain('<h2>Vid anteckningarna / Muistion laati</h2>');
  });
});
