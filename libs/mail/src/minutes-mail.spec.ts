import { composeExtractMail, composeMinutesReviewMail, type ExtractMailView, type MinutesMailBase, type MinutesReviewMailView } from './minutes-mail';

/** Social- och utbildningsnämndens sammanträde 11 januari 2023 in Ludvika; a spec overrides what it tests. */
function minutesBase(): MinutesMailBase {
  return {
    municipalityName: 'Ludvika kommun',
    organName: 'Social- och utbildningsnämnden',
    meetingStartsAt: '2023-01-11T13:00:00Z',
    secretary: { name: 'Rita Österholm', title: 'Nämndsekreterare', email: 'rita.osterholm@ludvika.se', phone: '0240-861 74' },
    languages: ['sv'],
  };
}

function extractView(overrides: Partial<ExtractMailView> = {}): ExtractMailView {
  return {
    ...minutesBase(),
    kind: 'extract',
    paragraphNumber: 3,
    caseNumber: 'SUN 2022/00512',
    title: 'Bildande av arbetsutskott för SUN för tiden 2023-01-01–2026-12-31',
    verifiedOn: '2023-01-16',
    decision: [
      'Social- och utbildningsnämnden bildar ett arbetsutskott med tre ledamöter och tre ersättare.',
      'Arbetsutskottet sammanträder en vecka före nämndens sammanträden.',
    ],
    posting: { postedOn: '2023-01-17', lastAppealDay: '2023-02-07' },
    attachmentFileName: 'Protokollsutdrag SUN 2023-01-11 § 3.docx',
    ...overrides,
  };
}

const APPROVE_URL = 'https://namndrum.ludvika.se/protokoll/6f1c2d3e-5a4b-4c3d-8e2f-1a2b3c4d5e6f/justera';

function reviewView(overrides: Partial<MinutesReviewMailView> = {}): MinutesReviewMailView {
  return {
    ...minutesBase(),
    kind: 'review',
    role: 'verifier',
    paragraphRange: '§§ 1–7',
    deadline: '2023-01-25',
    approveUrl: APPROVE_URL,
    verificationPlaceAndTime: 'Social- och utbildningsförvaltningen, 16 januari 2023 kl. 10:00',
    ...overrides,
  };
}

describe('composeExtractMail', () => {
  it('names the organ, the meeting day, the paragraph and its title in the subject', () => {
    expect(composeExtractMail(extractView(), 'Socialförvaltningen').subject).toBe(
      'Protokollsutdrag: Social- och utbildningsnämnden 11 januari 2023 § 3 – Bildande av arbetsutskott för SUN för tiden 2023-01-01–2026-12-31',
    );
  });

  it('takes the meeting day in Stockholm, not in UTC', () => {
    // 23:30 UTC on 31 May is already 1 June in Stockholm (UTC+2).
    const { subject } = composeExtractMail(extractView({ meetingStartsAt: '2026-05-31T23:30:00Z', title: 'Budget' }), 'Kim');
    expect(subject).toBe('Protokollsutdrag: Social- och utbildningsnämnden 1 juni 2026 § 3 – Budget');
  });

  it('keeps line breaks in the organ name and title out of the subject', () => {
    const { subject } = composeExtractMail(extractView({ organName: 'Social- och\r\nutbildningsnämnden', title: 'Budget\n2023' }), 'Kim');
    expect(subject).toBe('Protokollsutdrag: Social- och utbildningsnämnden 11 januari 2023 § 3 – Budget 2023');
  });

  it('greets the recipient and says which minutes the extract comes from', () => {
    const { text, html } = composeExtractMail(extractView(), 'Socialförvaltningen');
    expect(
      text.startsWith(
        'Hej Socialförvaltningen!\n\nHär är ett utdrag ur protokollet från sammanträdet med Social- och utbildningsnämnden den 11 januari 2023.\n',
      ),
    ).toBe(true);
    expect(html).toContain('<p style="margin:0 0 16px;">Hej Socialförvaltningen!</p>');
    expect(html).toContain('Här är ett utdrag ur protokollet från sammanträdet med Social- och utbildningsnämnden den 11 januari 2023.');
  });

  it('shows the paragraph, case number and verification day', () => {
    const { text, html } = composeExtractMail(extractView(), 'Kim');
    expect(text).toContain('§ 3 Bildande av arbetsutskott för SUN för tiden 2023-01-01–2026-12-31\nDnr: SUN 2022/00512\nJusterat: 16 januari 2023\n');
    expect(html).toContain('<h2 style="font-size:17px;margin:24px 0 8px;">§ 3 Bildande av arbetsutskott för SUN för tiden 2023-01-01–2026-12-31</h2>');
    expect(html).toContain('<strong>Dnr:</strong> SUN 2022/00512<br>');
    expect(html).toContain('<strong>Justerat:</strong> 16 januari 2023');
  });

  it('leaves the Dnr line out when the matter has no case number', () => {
    const { text, html } = composeExtractMail(extractView({ caseNumber: null }), 'Kim');
    expect(text).not.toContain('Dnr');
    expect(html).not.toContain('Dnr');
  });

  it('numbers the decision points when there are several', () => {
    const { text, html } = composeExtractMail(extractView(), 'Kim');
    expect(text).toContain(
      'Beslut:\n1. Social- och utbildningsnämnden bildar ett arbetsutskott med tre ledamöter och tre ersättare.\n2. Arbetsutskottet sammanträder en vecka före nämndens sammanträden.\n',
    );
    expect(html).toMatch(
      /<ol[^>]*>\s*<li>Social- och utbildningsnämnden bildar ett arbetsutskott med tre ledamöter och tre ersättare\.<\/li>\s*<li>Arbetsutskottet sammanträder en vecka före nämndens sammanträden\.<\/li>\s*<\/ol>/,
    );
  });

  it('writes a single decision as a paragraph, without a number', () => {
    const decision = ['Social- och utbildningsnämnden godkänner informationen.'];
    const { text, html } = composeExtractMail(extractView({ decision }), 'Kim');
    expect(text).toContain('Beslut:\nSocial- och utbildningsnämnden godkänner informationen.\n');
    expect(text).not.toContain('1. Social');
    expect(html).toContain('<p style="margin:4px 0 16px;">Social- och utbildningsnämnden godkänner informationen.</p>');
    expect(html).not.toContain('<ol');
  });

  it('gives the posting day and the last day to appeal', () => {
    const { text, html } = composeExtractMail(extractView(), 'Kim');
    const appeal =
      'Beslutet har tillkännagetts på kommunens digitala anslagstavla den 17 januari 2023. ' +
      'Den som vill överklaga beslutet genom laglighetsprövning ska göra det senast den 7 februari 2023.';
    expect(text).toContain(`${appeal}\n`);
    expect(html).toContain(`<p style="margin:16px 0;">${appeal}</p>`);
  });

  it('says the appeal period has not started when the decision is not yet posted', () => {
    const { text } = composeExtractMail(extractView({ posting: null }), 'Kim');
    expect(text).toContain('Tiden för att överklaga beslutet börjar löpa när beslutet har tillkännagetts på kommunens digitala anslagstavla.\n');
    expect(text).not.toContain('laglighetsprövning ska göra det senast');
  });

  it('names the attached extract', () => {
    const { text, html } = composeExtractMail(extractView(), 'Kim');
    expect(text).toContain('Protokollsutdraget finns i den bifogade filen ”Protokollsutdrag SUN 2023-01-11 § 3.docx”.\n');
    expect(html).toContain('Protokollsutdraget finns i den bifogade filen ”Protokollsutdrag SUN 2023-01-11 § 3.docx”.');
  });

  it('gives the secretary with title as contact, and leaves the contact out when there is none', () => {
    const { text, html } = composeExtractMail(extractView(), 'Kim');
    expect(text).toContain(
      'Har du frågor om beslutet? Kontakta sekreteraren:\nRita Österholm, Nämndsekreterare\nE-post: rita.osterholm@ludvika.se\nTelefon: 0240-861 74\n',
    );
    expect(html).toContain('<a href="mailto:rita.osterholm@ludvika.se">rita.osterholm@ludvika.se</a>');
    expect(html).toContain('<a href="tel:+4624086174">0240-861 74</a>');

    const untitled = composeExtractMail(extractView({ secretary: { name: 'Rita Österholm', title: null, email: null, phone: null } }), 'Kim');
    expect(untitled.text).toContain('Kontakta sekreteraren:\nRita Österholm\n\nMed vänlig hälsning');

    const withoutSecretary = composeExtractMail(extractView({ secretary: null }), 'Kim');
    expect(withoutSecretary.text).not.toContain('sekreteraren');
    expect(withoutSecretary.html).not.toContain('sekreteraren');
  });

  it('escapes HTML in the title, decision and recipient but leaves the text part as written', () => {
    const view = extractView({ title: '<script>alert("x")</script> & "citat"', decision: ['Bifall <b>helt</b> & fullt', 'Punkt <em>två</em>'] });
    const { subject, text, html } = composeExtractMail(view, '<i>Kim</i>');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>helt</b>');
    expect(html).not.toContain('<i>Kim</i>');
    expect(html).toContain('§ 3 &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;citat&quot;</h2>');
    expect(html).toContain('<title>Protokollsutdrag: Social- och utbildningsnämnden 11 januari 2023 § 3 – &lt;script&gt;');
    expect(html).toContain('<li>Bifall &lt;b&gt;helt&lt;/b&gt; &amp; fullt</li>');
    expect(html).toContain('Hej &lt;i&gt;Kim&lt;/i&gt;!');
    expect(subject).toBe('Protokollsutdrag: Social- och utbildningsnämnden 11 januari 2023 § 3 – <script>alert("x")</script> & "citat"');
    expect(text).toContain('§ 3 <script>alert("x")</script> & "citat"\n');
    expect(text).toContain('Beslut:\n1. Bifall <b>helt</b> & fullt\n2. Punkt <em>två</em>\n');
    expect(text.startsWith('Hej <i>Kim</i>!')).toBe(true);

    const single = composeExtractMail(extractView({ decision: ['Bifall <b>helt</b> & fullt'] }), 'Kim');
    expect(single.html).not.toContain('<b>helt</b>');
    expect(single.html).toContain('<p style="margin:4px 0 16px;">Bifall &lt;b&gt;helt&lt;/b&gt; &amp; fullt</p>');
    expect(single.text).toContain('Beslut:\nBifall <b>helt</b> & fullt\n');
  });

  it('adds Finnish when the organ uses Finnish', () => {
    const { subject, text, html } = composeExtractMail(extractView({ languages: ['sv', 'fi'] }), 'Kim');
    expect(subject).toBe(
      'Protokollsutdrag / Pöytäkirjanote: Social- och utbildningsnämnden 11 januari 2023 § 3 – Bildande av arbetsutskott för SUN för tiden 2023-01-01–2026-12-31',
    );
    expect(text).toContain(
      [
        'Suomeksi',
        '',
        'Kokous: Social- och utbildningsnämnden',
        'Kokouspäivä: 11. tammikuuta 2023',
        '',
        'Tässä on ote kokouksen pöytäkirjasta (§ 3).',
        'Pöytäkirjanote on liitteenä tiedostossa ”Protokollsutdrag SUN 2023-01-11 § 3.docx”.',
        'Päätös on julkaistu kunnan sähköisellä ilmoitustaululla 17. tammikuuta 2023. Laillisuusvalitus on tehtävä viimeistään 7. helmikuuta 2023.',
        'Lisätietoja antaa sihteeri Rita Österholm, Nämndsekreterare, rita.osterholm@ludvika.se, 0240-861 74.',
      ].join('\n'),
    );
    expect(html).toContain('<div lang="fi"');
    expect(text.indexOf('Suomeksi')).toBeGreaterThan(text.indexOf('Kontakta sekreteraren'));
    expect(text.indexOf('Suomeksi')).toBeLessThan(text.indexOf('Med vänlig hälsning'));

    const unposted = composeExtractMail(extractView({ languages: ['sv', 'fi'], posting: null }), 'Kim');
    expect(unposted.text).toContain('Valitusaika alkaa, kun päätös on julkaistu kunnan sähköisellä ilmoitustaululla.\n');
  });

  it('writes no Finnish when the organ uses Swedish only', () => {
    const { text, html } = composeExtractMail(extractView(), 'Kim');
    expect(text).not.toContain('Suomeksi');
    expect(html).not.toContain('lang="fi"');
  });

  it('keeps the text part free of runs of blank lines and ends it with the signature', () => {
    for (const languages of [['sv'], ['sv', 'fi']] as const) {
      for (const overrides of [{}, { secretary: null, posting: null, caseNumber: null }, { decision: ['Godkänt.'] }]) {
        const { text } = composeExtractMail(extractView({ ...overrides, languages: [...languages] }), 'Kim');
        expect(text).not.toMatch(/\n\n\n/);
        expect(text.endsWith('Med vänlig hälsning\nSocial- och utbildningsnämnden\nLudvika kommun\n')).toBe(true);
      }
    }
  });

  it.each<[string, Partial<ExtractMailView>]>([
    ['a verification day that is an instant', { verifiedOn: '2023-01-16T10:00:00Z' }],
    ['a verification day that is no date', { verifiedOn: '2023-02-30' }],
    ['a posting day that is no date', { posting: { postedOn: 'i morgon', lastAppealDay: '2023-02-07' } }],
    ['a last appeal day before the posting', { posting: { postedOn: '2023-01-17', lastAppealDay: '2023-01-10' } }],
    ['a meeting start without time zone', { meetingStartsAt: '2023-01-11T14:00:00' }],
    ['a paragraph number that is not a whole number', { paragraphNumber: 0 }],
    ['a paragraph without decision', { decision: [] }],
  ])('refuses %s', (_case, overrides) => {
    expect(() => composeExtractMail(extractView(overrides), 'Kim')).toThrow(RangeError);
  });
});

describe('composeMinutesReviewMail', () => {
  it('names the organ and the meeting day in the subject of a request to verify', () => {
    expect(composeMinutesReviewMail(reviewView(), 'Anna Exempelsson').subject).toBe('Protokoll att justera: Social- och utbildningsnämnden 11 januari 2023');
  });

  it('names the deadline in the subject of a reminder', () => {
    expect(composeMinutesReviewMail(reviewView({ kind: 'reminder' }), 'Anna Exempelsson').subject).toBe(
      'Påminnelse: justera protokollet från Social- och utbildningsnämnden 11 januari 2023 senast 25 januari 2023',
    );
  });

  it('asks the recipient to verify the minutes, with the paragraphs, role and deadline', () => {
    const { text, html } = composeMinutesReviewMail(reviewView(), 'Anna Exempelsson');
    expect(text).toContain(
      [
        'Hej Anna Exempelsson!',
        '',
        'Protokollet från sammanträdet med Social- och utbildningsnämnden den 11 januari 2023 (§§ 1–7) är klart att justeras.',
        'Du ska justera protokollet som justerare.',
        'Läs och justera protokollet i Nämndrum senast den 25 januari 2023.',
        '',
      ].join('\n'),
    );
    expect(html).toContain(
      '<p style="margin:16px 0;">Protokollet från sammanträdet med Social- och utbildningsnämnden den 11 januari 2023 (§§ 1–7) är klart att justeras.</p>',
    );
    expect(html).toContain('<p style="margin:16px 0;">Du ska justera protokollet som justerare.</p>');
    expect(html).toContain('<p style="margin:16px 0;">Läs och justera protokollet i Nämndrum senast den 25 januari 2023.</p>');
  });

  it('tells the chair they verify as chair', () => {
    const { text, html } = composeMinutesReviewMail(reviewView({ role: 'chair' }), 'Håkan Frank');
    expect(text).toContain('Du ska justera protokollet som ordförande.\n');
    expect(html).toContain('Du ska justera protokollet som ordförande.');
    expect(text).not.toContain('som justerare');
  });

  it('reminds the recipient that the minutes still wait for them', () => {
    const review = composeMinutesReviewMail(reviewView(), 'Anna Exempelsson');
    const reminder = composeMinutesReviewMail(reviewView({ kind: 'reminder' }), 'Anna Exempelsson');
    const nudge = 'Påminnelse: du har ännu inte justerat protokollet från sammanträdet med Social- och utbildningsnämnden den 11 januari 2023 (§§ 1–7).';
    expect(reminder.text).toContain(`Hej Anna Exempelsson!\n\n${nudge}\nDu ska justera protokollet som justerare.\n`);
    expect(reminder.html).toContain(`<p style="margin:16px 0;">${nudge}</p>`);
    expect(reminder.text).not.toContain('är klart att justeras');
    expect(review.text).not.toContain('Påminnelse');
    expect(reminder.subject).not.toBe(review.subject);
    // The deadline and the link are in both.
    expect(reminder.text).toContain('Läs och justera protokollet i Nämndrum senast den 25 januari 2023.\n');
  });

  it('links to the page where the minutes are read and approved', () => {
    const { text, html } = composeMinutesReviewMail(reviewView(), 'Anna Exempelsson');
    expect(text).toContain(`Läs och justera protokollet:\n${APPROVE_URL}\n`);
    expect(html).toContain(`<a href="${APPROVE_URL}">Läs och justera protokollet</a>`);
  });

  it('shows the place and time set for verification, and leaves the line out when none is set', () => {
    const { text, html } = composeMinutesReviewMail(reviewView(), 'Anna Exempelsson');
    expect(text).toContain('Justeringens plats och tid: Social- och utbildningsförvaltningen, 16 januari 2023 kl. 10:00\n');
    expect(html).toContain('<strong>Justeringens plats och tid:</strong> Social- och utbildningsförvaltningen, 16 januari 2023 kl. 10:00');

    const unset = composeMinutesReviewMail(reviewView({ verificationPlaceAndTime: null }), 'Anna Exempelsson');
    expect(unset.text).not.toContain('Justeringens plats och tid');
    expect(unset.html).not.toContain('Justeringens plats och tid');
  });

  it('gives the secretary with title as contact, and leaves the contact out when there is none', () => {
    const { text } = composeMinutesReviewMail(reviewView(), 'Anna Exempelsson');
    expect(text).toContain(
      'Har du frågor om protokollet? Kontakta sekreteraren:\nRita Österholm, Nämndsekreterare\nE-post: rita.osterholm@ludvika.se\nTelefon: 0240-861 74\n',
    );
    expect(composeMinutesReviewMail(reviewView({ secretary: null }), 'Anna Exempelsson').text).not.toContain('sekreteraren');
  });

  it('escapes HTML in the recipient, range and verification place', () => {
    const view = reviewView({ paragraphRange: '§§ 1–7 <script>x</script>', verificationPlaceAndTime: 'Rum "Säfsen" & <b>kansliet</b>' });
    const { text, html } = composeMinutesReviewMail(view, '<i>Anna</i>');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>kansliet</b>');
    expect(html).not.toContain('<i>Anna</i>');
    expect(html).toContain('(§§ 1–7 &lt;script&gt;x&lt;/script&gt;)');
    expect(html).toContain('Rum &quot;Säfsen&quot; &amp; &lt;b&gt;kansliet&lt;/b&gt;');
    expect(text).toContain('Justeringens plats och tid: Rum "Säfsen" & <b>kansliet</b>\n');
  });

  it('adds Finnish when the organ uses Finnish', () => {
    const review = composeMinutesReviewMail(reviewView({ languages: ['sv', 'fi'] }), 'Anna Exempelsson');
    expect(review.subject).toBe('Protokoll att justera / Tarkastettava pöytäkirja: Social- och utbildningsnämnden 11 januari 2023');
    expect(review.text).toContain(
      [
        'Suomeksi',
        '',
        'Kokous: Social- och utbildningsnämnden',
        'Kokouspäivä: 11. tammikuuta 2023',
        '',
        'Kokouksen pöytäkirja (§§ 1–7) on valmis tarkastettavaksi.',
        'Tarkasta pöytäkirja pöytäkirjantarkastajana viimeistään 25. tammikuuta 2023.',
        `Lue ja tarkasta pöytäkirja: ${APPROVE_URL}`,
        'Lisätietoja antaa sihteeri Rita Österholm, Nämndsekreterare, rita.osterholm@ludvika.se, 0240-861 74.',
      ].join('\n'),
    );
    expect(review.html).toContain(`<a href="${APPROVE_URL}">Lue ja tarkasta pöytäkirja</a>`);

    const reminder = composeMinutesReviewMail(reviewView({ kind: 'reminder', role: 'chair', languages: ['sv', 'fi'] }), 'Håkan Frank');
    expect(reminder.subject).toBe(
      'Påminnelse / Muistutus: justera protokollet från Social- och utbildningsnämnden 11 januari 2023 senast 25 januari 2023',
    );
    expect(reminder.text).toContain(
      'Muistutus: kokouksen pöytäkirja (§§ 1–7) odottaa yhä tarkastustasi.\nTarkasta pöytäkirja puheenjohtajana viimeistään 25. tammikuuta 2023.\n',
    );
  });

  it('writes no Finnish when the organ uses Swedish only', () => {
    const { text, html } = composeMinutesReviewMail(reviewView(), 'Anna Exempelsson');
    expect(text).not.toContain('Suomeksi');
    expect(html).not.toContain('lang="fi"');
  });

  it('keeps the text part free of runs of blank lines and ends it with the signature', () => {
    for (const kind of ['review', 'reminder'] as const) {
      for (const languages of [['sv'], ['sv', 'fi']] as const) {
        for (const overrides of [{}, { secretary: null, verificationPlaceAndTime: null }]) {
          const { text } = composeMinutesReviewMail(reviewView({ ...overrides, kind, languages: [...languages] }), 'Anna Exempelsson');
          expect(text).not.toMatch(/\n\n\n/);
          expect(text.endsWith('Med vänlig hälsning\nSocial- och utbildningsnämnden\nLudvika kommun\n')).toBe(true);
        }
      }
    }
  });

  it.each<[string, Partial<MinutesReviewMailView>]>([
    ['a link that is not a web address', { approveUrl: 'javascript:alert(1)' }],
    ['a relative link', { approveUrl: '/protokoll/justera' }],
    ['a deadline that is no date', { deadline: '25/1' }],
    ['a meeting start without time zone', { meetingStartsAt: '2023-01-11' }],
  ])('refuses %s', (_case, overrides) => {
    expect(() => composeMinutesReviewMail(reviewView(overrides), 'Anna Exempelsson')).toThrow(RangeError);
  });
});
