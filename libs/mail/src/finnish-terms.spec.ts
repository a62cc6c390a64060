import { DOCUMENT_KIND_TERMS, renderMeetingNotice, renderMinutes, renderMinutesExtract } from '@namndrum/documents';
import { sunNotice } from '../../documents/src/testing/meeting-notice.factory';
import { sunExtract, sunMinutes } from '../../documents/src/testing/minutes-views';
import { readDocx } from '../../documents/src/testing/read-docx';
import { composeExtractMail } from './minutes-mail';
import { composeNoticeMail } from './notice-mail';
import { noticeView } from './testing/mail-views.factory';

/**
 * One Finnish name per kind of document (lag 2009:724): what the DOCX calls itself, the e-mail that carries it says in its
 * subject, so that a Finnish-speaking reader meets one word for one thing.
 */
describe('one Finnish term per kind, in the documents and the e-mails', () => {
  it.each(['notice', 'revised', 'supplementary'] as const)('names a %s alike in its DOCX and its e-mail', async (kind) => {
    const term = DOCUMENT_KIND_TERMS[kind];
    const docx = await readDocx(await renderMeetingNotice(sunNotice({ kind, languages: ['sv', 'fi'], changes: ['Ärende 7 har tillkommit.'] })));
    const mail = composeNoticeMail(noticeView({ kind, languages: ['sv', 'fi'] }), 'Håkan Frank');
    expect(docx.html).toContain(`<h1>${term.sv} / ${term.fi}</h1>`);
    expect(mail.subject.startsWith(`${term.sv} / ${term.fi}: `)).toBe(true);
  });

  it('names a cancellation "Inställt sammanträde / Kokous peruttu" in its e-mail', () => {
    const mail = composeNoticeMail(noticeView({ kind: 'cancellation', languages: ['sv', 'fi'] }), 'Håkan Frank');
    expect(mail.subject.startsWith(`${DOCUMENT_KIND_TERMS.cancellation.sv} / ${DOCUMENT_KIND_TERMS.cancellation.fi}: `)).toBe(true);
  });

  it('names a protokollsutdrag "Pöytäkirjanote" in its DOCX, in its e-mail\'s subject and in the e-mail\'s Finnish part', async () => {
    const extract = sunExtract({ languages: ['sv', 'fi'] });
    const docx = await readDocx(await renderMinutesExtract(extract));
    const mail = composeExtractMail(
      {
        kind: 'extract',
        municipalityName: 'Ludvika kommun',
        organName: 'Social- och utbildningsnämnden',
        meetingStartsAt: '2023-01-11T13:00:00Z',
        secretary: null,
        languages: ['sv', 'fi'],
        paragraphNumber: 4,
        caseNumber: 'SUN 2022/2',
        title: 'Bildande av individutskott',
        verifiedOn: '2023-01-16',
        decision: ['Beslut'],
        posting: null,
        attachmentFileName: 'Protokollsutdrag SUN 2023-01-11 § 4.docx',
      },
      'Förtroendemannaregistret',
    );
    expect(docx.text).toContain(DOCUMENT_KIND_TERMS.extract.fi);
    expect(mail.subject.startsWith(`${DOCUMENT_KIND_TERMS.extract.sv} / ${DOCUMENT_KIND_TERMS.extract.fi}: `)).toBe(true);
    expect(mail.text).toContain(`${DOCUMENT_KIND_TERMS.extract.fi} on liitteenä`);
  });

  it('names the protokoll "Kokouspöytäkirja" on its first page and on every page\'s header', async () => {
    const docx = await readDocx(await renderMinutes(sunMinutes({ languages: ['sv', 'fi'] })));
    const term = DOCUMENT_KIND_TERMS.meetingMinutes;
    expect(docx.html).toContain(`<h1>${term.sv} / ${term.fi}</h1>`);
    expect(docx.part('word/header1.xml')).toContain(`${term.sv} / ${term.fi}`.toLocaleUpperCase('sv-SE'));
  });
});

describe('Finnish titles in the notice e-mail', () => {
  const items = noticeView().items.map((item) => (item.number === 1 ? { ...item, titleFi: 'Pöytäkirjantarkastajien valinta' } : item));

  it('lists the agenda in the Finnish part, with the Finnish title where the secretary entered one', () => {
    const { text, html } = composeNoticeMail(noticeView({ languages: ['sv', 'fi'], items }), 'Håkan Frank');
    const finnishPart = text.slice(text.indexOf('Suomeksi'));
    expect(finnishPart).toContain('Asiat:\n1. Pöytäkirjantarkastajien valinta\n2. Anmälan av extra ärenden\n');
    expect(finnishPart).toContain('4. Information om förvaltningens plan för målaktiviteter 2023 (dnro SUN 2022/00530) – Asiakirjat toimitetaan myöhemmin\n');
    expect(finnishPart).toContain('5. Ansökan om bistånd (dnro SUN 2022/00601) – Ei julkinen\n');
    expect(html.slice(html.indexOf('lang="fi"'))).toContain('<li value="1">Pöytäkirjantarkastajien valinta</li>');
    // The Swedish agenda keeps the Swedish title.
    expect(text.slice(0, text.indexOf('Suomeksi'))).toContain('1. Val av justerande\n');
  });

  it('shows no Finnish title to an organ without Finnish', () => {
    const { text } = composeNoticeMail(noticeView({ items }), 'Håkan Frank');
    expect(text).not.toContain('Pöytäkirjantarkastajien valinta');
  });
});

describe('the Finnish title in the protokollsutdrag e-mail', () => {
  it('names the paragraph by its Finnish title in the Finnish part', () => {
    const mail = composeExtractMail(
      {
        kind: 'extract',
        municipalityName: 'Ludvika kommun',
        organName: 'Råd för finskt förvaltningsområde',
        meetingStartsAt: '2023-01-11T13:00:00Z',
        secretary: null,
        languages: ['sv', 'fi'],
        paragraphNumber: 4,
        caseNumber: 'KS 2022/9',
        title: 'Tvåspråkig skyltning',
        titleFi: 'Kaksikielinen opastus',
        verifiedOn: '2023-01-16',
        decision: ['Rådet tillstyrker förslaget.'],
        posting: null,
        attachmentFileName: 'Protokollsutdrag FFO 2023-01-11 § 4.docx',
      },
      'Sverigefinska föreningen',
    );
    expect(mail.text).toContain('Tässä on ote kokouksen pöytäkirjasta (§ 4 Kaksikielinen opastus).');
    expect(mail.text).toContain('Kokous: Råd för finskt förvaltningsområde\nKokouspäivä: 11. tammikuuta 2023');
  });
});
