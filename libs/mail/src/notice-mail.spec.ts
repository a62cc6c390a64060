import { composeNoticeMail } from './notice-mail';
import type { NoticeMailKind } from './mail-views';
import { noticeView } from './testing/mail-views.factory';

describe('composeNoticeMail', () => {
  it.each<[NoticeMailKind, string]>([
    ['notice', 'Kallelse: Social- och utbildningsnämnden 11 januari 2023 kl. 14:00'],
    ['revised', 'Reviderad kallelse: Social- och utbildningsnämnden 11 januari 2023 kl. 14:00'],
    ['supplementary', 'Tilläggskallelse: Social- och utbildningsnämnden 11 januari 2023 kl. 14:00'],
    ['cancellation', 'Inställt sammanträde: Social- och utbildningsnämnden 11 januari 2023 kl. 14:00'],
  ])('gives a %s the subject "%s"', (kind, subject) => {
    expect(composeNoticeMail(noticeView({ kind }), 'Håkan Frank').subject).toBe(subject);
  });

  it.each<[NoticeMailKind, string]>([
    ['notice', 'Kallelse / Kokouskutsu: Social- och utbildningsnämnden 11 januari 2023 kl. 14:00'],
    ['revised', 'Reviderad kallelse / Muutettu kokouskutsu: Social- och utbildningsnämnden 11 januari 2023 kl. 14:00'],
    ['supplementary', 'Tilläggskallelse / Täydentävä kokouskutsu: Social- och utbildningsnämnden 11 januari 2023 kl. 14:00'],
    ['cancellation', 'Inställt sammanträde / Kokous peruttu: Social- och utbildningsnämnden 11 januari 2023 kl. 14:00'],
  ])('adds the Finnish label to a %s subject when the organ uses Finnish', (kind, subject) => {
    expect(composeNoticeMail(noticeView({ kind, languages: ['sv', 'fi'] }), 'Håkan Frank').subject).toBe(subject);
  });

  it('shows the time in Stockholm in winter (UTC+1)', () => {
    const mail = composeNoticeMail(noticeView({ startsAt: '2023-01-11T13:00:00Z', endsAt: '2023-01-11T16:00:00Z' }), 'Håkan Frank');
    expect(mail.subject).toContain('11 januari 2023 kl. 14:00');
    expect(mail.text).toContain('Tid: Onsdag 11 januari 2023, kl. 14:00–17:00\n');
  });

  it('shows the time in Stockholm in summer (UTC+2)', () => {
    const mail = composeNoticeMail(noticeView({ startsAt: '2026-04-02T12:00:00Z', endsAt: '2026-04-02T14:30:00Z' }), 'Håkan Frank');
    expect(mail.subject).toBe('Kallelse: Social- och utbildningsnämnden 2 april 2026 kl. 14:00');
    expect(mail.text).toContain('Tid: Torsdag 2 april 2026, kl. 14:00–16:30\n');
    expect(mail.html).toContain('<strong>Tid:</strong> Torsdag 2 april 2026, kl. 14:00–16:30');
  });

  it('names both days when the meeting runs past midnight', () => {
    const mail = composeNoticeMail(noticeView({ startsAt: '2023-01-11T19:00:00Z', endsAt: '2023-01-11T23:30:00Z' }), 'Håkan Frank');
    expect(mail.text).toContain('Tid: Onsdag 11 januari 2023, kl. 20:00 – torsdag 12 januari 2023, kl. 00:30\n');
  });

  it('greets the recipient and calls them to the meeting', () => {
    const mail = composeNoticeMail(noticeView(), 'Håkan Frank');
    expect(mail.text.startsWith('Hej Håkan Frank!\n\nDu kallas till sammanträde med Social- och utbildningsnämnden.\n')).toBe(true);
    expect(mail.html).toContain('<p style="margin:0 0 16px;">Hej Håkan Frank!</p>');
  });

  it('lists group meetings and the place', () => {
    const { text, html } = composeNoticeMail(noticeView(), 'Håkan Frank');
    expect(text).toContain('Gruppmöte: 13:00–14:00 (KD/M/S i sessionssalen, C/L/MP/V i smtr-rum "Säfsen", SD i smtr-rum "Grangärde")\n');
    expect(text).toContain('Plats: Sessionssalen, Stadshuset\n');
    expect(html).toContain('smtr-rum &quot;Säfsen&quot;');
  });

  it('writes the agenda into the text part, with dnr and notes', () => {
    const { text } = composeNoticeMail(noticeView(), 'Håkan Frank');
    expect(text).toContain(
      [
        'Ärenden:',
        '1. Val av justerande',
        '2. Anmälan av extra ärenden',
        '3. Bildande av arbetsutskott för SUN för tiden 2023-01-01–2026-12-31 (dnr SUN 2022/00512)',
        '4. Information om förvaltningens plan för målaktiviteter 2023 (dnr SUN 2022/00530) – Handlingar delges senare',
        '5. Ansökan om bistånd (dnr SUN 2022/00601) – Ej offentligt',
        '',
      ].join('\n'),
    );
  });

  it('writes the agenda into the HTML part as a table', () => {
    const { html } = composeNoticeMail(noticeView(), 'Håkan Frank');
    expect(html).toMatch(/<td[^>]*>4<\/td>\s*<td[^>]*>Information om förvaltningens plan för målaktiviteter 2023<br><em>Handlingar delges senare<\/em><\/td>\s*<td[^>]*>SUN 2022\/00530<\/td>/);
    expect(html).toMatch(/<td[^>]*>Ansökan om bistånd<br><em>Ej offentligt<\/em><\/td>/);
  });

  it('lists the decisions reported under "Anmälan av delegationsbeslut" below the item, in text and HTML', () => {
    const base = noticeView();
    const view = noticeView({
      items: [
        ...base.items,
        { number: 6, title: 'Anmälan av delegationsbeslut', caseNumber: null, documentsLater: false, closed: false, details: ['Punkt 3.2, 2023-01-02, Anna Berg: Skolskjuts <beviljad>', '2023-01-03, Håkan Frank: Yttrande'] },
      ],
    });
    const { text, html } = composeNoticeMail(view, 'Håkan Frank');
    expect(text).toContain('6. Anmälan av delegationsbeslut\n   - Punkt 3.2, 2023-01-02, Anna Berg: Skolskjuts <beviljad>\n   - 2023-01-03, Håkan Frank: Yttrande\n');
    expect(html).toMatch(/Anmälan av delegationsbeslut<ul[^>]*><li>Punkt 3.2, 2023-01-02, Anna Berg: Skolskjuts &lt;beviljad&gt;<\/li><li>2023-01-03, Håkan Frank: Yttrande<\/li><\/ul><\/td>/);
  });

  it('escapes HTML in a title but leaves the text part as written', () => {
    const view = noticeView({
      items: [{ number: 1, title: '<script>alert("x")</script> & "citat"', caseNumber: 'SUN 2022/1', documentsLater: false, closed: false }],
    });
    const { text, html } = composeNoticeMail(view, '<b>Håkan</b>');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>Håkan</b>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;citat&quot;');
    expect(text).toContain('1. <script>alert("x")</script> & "citat" (dnr SUN 2022/1)');
  });

  it('links to the meeting and names the attached document', () => {
    const view = noticeView();
    const { text, html } = composeNoticeMail(view, 'Håkan Frank');
    expect(text).toContain(`Öppna sammanträdet i Nämndrum:\n${view.meetingUrl}\n`);
    expect(html).toContain(`<a href="${view.meetingUrl}">Öppna sammanträdet i Nämndrum</a>`);
    expect(text).toContain('Kallelsen med handlingar finns i den bifogade filen ”Kallelse SUN 2023-01-11.docx”.');
  });

  it('gives the download link instead when the document is too large to attach', () => {
    const documentUrl = 'https://namndrum.ludvika.se/dokument/kallelse-sun-2023-01-11';
    const { text, html } = composeNoticeMail(noticeView({ documentUrl }), 'Håkan Frank');
    expect(text).toContain(`är för stor för att skickas med e-post. Ladda ner den här:\n${documentUrl}\n`);
    expect(html).toContain(`<a href="${documentUrl}">Ladda ner kallelsen</a>`);
    expect(text).not.toContain('bifogade');
  });

  it('gives the secretary as contact, and leaves the contact out when there is none', () => {
    const { text, html } = composeNoticeMail(noticeView(), 'Håkan Frank');
    expect(text).toContain('Kontakta sekreteraren:\nRita Österholm\nE-post: rita.osterholm@ludvika.se\nTelefon: 0240-861 74\n');
    expect(html).toContain('<a href="mailto:rita.osterholm@ludvika.se">rita.osterholm@ludvika.se</a>');
    expect(html).toContain('<a href="tel:+4624086174">0240-861 74</a>');

    const withoutSecretary = composeNoticeMail(noticeView({ secretary: null }), 'Håkan Frank');
    expect(withoutSecretary.text).not.toContain('sekreteraren');
  });

  it('lists what changed in a revised notice', () => {
    const changes = ['Sammanträdet börjar kl. 14:00 i stället för kl. 13:00.', 'Ärende 5 har lagts till.'];
    const { text, html } = composeNoticeMail(noticeView({ kind: 'revised', changes }), 'Håkan Frank');
    expect(text).toContain(
      'Kallelsen till sammanträdet med Social- och utbildningsnämnden har reviderats.\n\nÄndringar:\n- Sammanträdet börjar kl. 14:00 i stället för kl. 13:00.\n- Ärende 5 har lagts till.\n',
    );
    expect(html).toContain('<li>Ärende 5 har lagts till.</li>');
  });

  it('lists only the added items in a supplementary notice', () => {
    const items = [{ number: 8, title: 'Yttrande över remiss', caseNumber: 'SUN 2023/00010', documentsLater: false, closed: false }];
    const { text } = composeNoticeMail(noticeView({ kind: 'supplementary', items }), 'Håkan Frank');
    expect(text).toContain('Följande ärenden har lagts till:\n8. Yttrande över remiss (dnr SUN 2023/00010)\n');
    expect(text).not.toContain('Ärenden:');
  });

  it('says a cancelled meeting is cancelled, without agenda, group meetings or document', () => {
    const { text, html } = composeNoticeMail(noticeView({ kind: 'cancellation' }), 'Håkan Frank');
    expect(text).toContain('Sammanträdet med Social- och utbildningsnämnden onsdag 11 januari 2023 kl. 14:00 är inställt.\n');
    expect(text).not.toContain('Val av justerande');
    expect(text).not.toContain('Gruppmöte');
    expect(text).not.toContain('.docx');
    expect(html).not.toContain('<table');
  });

  it('states the reason for a cancellation, in text and HTML', () => {
    const { text, html } = composeNoticeMail(noticeView({ kind: 'cancellation', cancellationReason: 'Inga ärenden att behandla' }), 'Håkan Frank');
    expect(text).toContain('är inställt.\n\nSkäl: Inga ärenden att behandla\n');
    expect(html).toContain('<strong>Skäl:</strong> Inga ärenden att behandla');
  });

  it('gives the reason in the Finnish part too, as written', () => {
    const { text } = composeNoticeMail(noticeView({ kind: 'cancellation', cancellationReason: 'Inga ärenden att behandla', languages: ['sv', 'fi'] }), 'Håkan Frank');
    expect(text).toContain('Kokous on peruttu.\nSyy: Inga ärenden att behandla\n');
  });

  it('sends a substitute or an official the notice "för kännedom", in the subject and the words', () => {
    const { subject, text, html } = composeNoticeMail(noticeView(), 'Kerstin Lind', 'for_information');
    expect(subject).toBe('Kallelse för kännedom: Social- och utbildningsnämnden 11 januari 2023 kl. 14:00');
    expect(text.startsWith('Hej Kerstin Lind!\n\nDu får kallelsen till sammanträdet med Social- och utbildningsnämnden för kännedom.\n')).toBe(true);
    expect(text).not.toContain('Du kallas');
    expect(html).toContain('Du får kallelsen till sammanträdet med Social- och utbildningsnämnden för kännedom.');
  });

  it.each<[NoticeMailKind, string]>([
    ['revised', 'Kallelsen till sammanträdet med Social- och utbildningsnämnden har reviderats. Du får den för kännedom.'],
    ['supplementary', 'Ytterligare ärenden har lagts till inför sammanträdet med Social- och utbildningsnämnden. Du får tilläggskallelsen för kännedom.'],
  ])('says "för kännedom" in a %s notice too', (kind, intro) => {
    const mail = composeNoticeMail(noticeView({ kind }), 'Kerstin Lind', 'for_information');
    expect(mail.text).toContain(`${intro}\n`);
    expect(mail.subject).toMatch(/^\S.* för kännedom: /);
  });

  it('tells a reader "för kännedom" of a cancellation as it tells a member', () => {
    const view = noticeView({ kind: 'cancellation', cancellationReason: 'Sjukdom' });
    const forInformation = composeNoticeMail(view, 'Kerstin Lind', 'for_information');
    expect(forInformation.subject).toBe(composeNoticeMail(view, 'Kerstin Lind').subject);
    expect(forInformation.text).toContain('Skäl: Sjukdom');
  });

  it('says "tiedoksi" in the Finnish part and subject for a reader "för kännedom"', () => {
    const { subject, text } = composeNoticeMail(noticeView({ languages: ['sv', 'fi'] }), 'Kerstin Lind', 'for_information');
    expect(subject).toBe('Kallelse för kännedom / Kokouskutsu tiedoksi: Social- och utbildningsnämnden 11 januari 2023 kl. 14:00');
    expect(text).toContain('Saat kokouskutsun tiedoksi.\n');
    expect(text).not.toContain('Sinut kutsutaan kokoukseen.');
  });

  it('adds a Finnish summary when the organ uses Finnish', () => {
    const { text, html } = composeNoticeMail(noticeView({ languages: ['sv', 'fi'] }), 'Håkan Frank');
    expect(text).toContain(
      [
        'Suomeksi',
        '',
        'Kokous: Social- och utbildningsnämnden',
        'Aika: keskiviikko 11. tammikuuta 2023 klo 14.00–17.00',
        'Paikka: Sessionssalen, Stadshuset',
        '',
        'Sinut kutsutaan kokoukseen.',
        'Kokouskutsu asiakirjoineen on tämän viestin liitteenä.',
      ].join('\n'),
    );
    expect(text).toContain('Lisätietoja antaa sihteeri Rita Österholm, rita.osterholm@ludvika.se, 0240-861 74.');
    expect(html).toContain('<div lang="fi"');
    // The Finnish part comes after the Swedish one and before the signature.
    expect(text.indexOf('Suomeksi')).toBeGreaterThan(text.indexOf('Kontakta sekreteraren'));
    expect(text.indexOf('Suomeksi')).toBeLessThan(text.indexOf('Med vänlig hälsning'));
  });

  it('writes no Finnish when the organ uses Swedish only', () => {
    const { text, html } = composeNoticeMail(noticeView({ languages: ['sv'] }), 'Håkan Frank');
    expect(text).not.toContain('Suomeksi');
    expect(html).not.toContain('lang="fi"');
  });

  it('keeps the text part free of runs of blank lines and ends it with the signature', () => {
    for (const kind of ['notice', 'revised', 'supplementary', 'cancellation'] as const) {
      for (const languages of [['sv'], ['sv', 'fi']] as const) {
        const { text } = composeNoticeMail(noticeView({ kind, languages: [...languages], secretary: null }), 'Håkan Frank');
        expect(text).not.toMatch(/\n\n\n/);
        expect(text.endsWith('Med vänlig hälsning\nSocial- och utbildningsnämnden\nLudvika kommun\n')).toBe(true);
      }
    }
  });

  it('keeps line breaks in the organ name out of the subject', () => {
    expect(composeNoticeMail(noticeView({ organName: 'Social- och\r\nutbildningsnämnden' }), 'Håkan Frank').subject).toBe(
      'Kallelse: Social- och utbildningsnämnden 11 januari 2023 kl. 14:00',
    );
  });

  it.each(['2023-01-11T14:00:00', '2023-01-11', 'imorgon'])('refuses the start "%s", which has no time zone or is no time', (startsAt) => {
    expect(() => composeNoticeMail(noticeView({ startsAt }), 'Håkan Frank')).toThrow(RangeError);
  });

  it('refuses a meeting that ends before it starts', () => {
    expect(() => composeNoticeMail(noticeView({ endsAt: '2023-01-11T12:00:00Z' }), 'Håkan Frank')).toThrow(RangeError);
  });

  it('refuses links that are not web addresses', () => {
    expect(() => composeNoticeMail(noticeView({ meetingUrl: 'javascript:alert(1)' }), 'Håkan Frank')).toThrow(RangeError);
    expect(() => composeNoticeMail(noticeView({ documentUrl: '/relativ/sökväg' }), 'Håkan Frank')).toThrow(RangeError);
  });
});
