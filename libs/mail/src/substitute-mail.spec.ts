import { composeSubstituteCallMail } from './substitute-mail';
import { substituteView } from './testing/mail-views.factory';

describe('composeSubstituteCallMail', () => {
  it('calls the substitute in to serve for the absent member', () => {
    const view = substituteView({ kind: 'called' });
    const { subject, text, html } = composeSubstituteCallMail(view);
    expect(subject).toBe('Inkallelse att tjänstgöra: Social- och utbildningsnämnden 11 januari 2023 kl. 14:00');
    expect(text).toContain(
      'Hej Sara Lind!\n\nDu är inkallad att tjänstgöra som ersättare för Håkan Frank vid sammanträdet med Social- och utbildningsnämnden onsdag 11 januari 2023 kl. 14:00.\n',
    );
    expect(text).toContain('Tid: Onsdag 11 januari 2023, kl. 14:00–17:00\n');
    expect(text).toContain('Plats: Sessionssalen, Stadshuset\n');
    expect(text).toContain(`Öppna sammanträdet i Nämndrum:\n${view.meetingUrl}\n`);
    expect(text).toContain('Meddela sekreteraren om du inte kan komma:\nRita Österholm\nE-post: rita.osterholm@ludvika.se\nTelefon: 0240-861 74\n');
    expect(html).toContain('Du är inkallad att tjänstgöra som ersättare för Håkan Frank');
  });

  it('still asks to be told of absence when no secretary is registered', () => {
    const { text } = composeSubstituteCallMail(substituteView({ kind: 'called', secretary: null }));
    expect(text).toContain('Meddela sekreteraren om du inte kan komma.\n');
  });

  it('withdraws the call', () => {
    const { subject, text } = composeSubstituteCallMail(substituteView({ kind: 'released' }));
    expect(subject).toBe('Inkallelsen återkallad: Social- och utbildningsnämnden 11 januari 2023 kl. 14:00');
    expect(text).toContain('Du behöver inte tjänstgöra för Håkan Frank vid sammanträdet med Social- och utbildningsnämnden onsdag 11 januari 2023 kl. 14:00.\n');
    expect(text).not.toContain('inte kan komma');
    expect(text).not.toContain('Gruppmöte');
  });

  it('uses the Stockholm time in summer', () => {
    const { subject } = composeSubstituteCallMail(substituteView({ startsAt: '2026-04-02T12:00:00Z', endsAt: '2026-04-02T15:00:00Z' }));
    expect(subject).toBe('Inkallelse att tjänstgöra: Social- och utbildningsnämnden 2 april 2026 kl. 14:00');
  });

  it('adds Finnish when the organ uses Finnish', () => {
    const called = composeSubstituteCallMail(substituteView({ kind: 'called', languages: ['sv', 'fi'] }));
    expect(called.subject).toBe('Inkallelse att tjänstgöra / Kutsu varajäseneksi: Social- och utbildningsnämnden 11 januari 2023 kl. 14:00');
    expect(called.text).toContain('Sinut on kutsuttu varajäseneksi jäsenen Håkan Frank tilalle.');
    expect(called.text).toContain('Ilmoita sihteerille, jos et pääse paikalle: Rita Österholm, rita.osterholm@ludvika.se, 0240-861 74.');
    const released = composeSubstituteCallMail(substituteView({ kind: 'released', languages: ['sv', 'fi'] }));
    expect(released.subject).toBe('Inkallelsen återkallad / Varajäsenkutsu peruttu: Social- och utbildningsnämnden 11 januari 2023 kl. 14:00');
  });

  it('escapes names in the HTML part', () => {
    const { html } = composeSubstituteCallMail(substituteView({ replacesName: '<img src=x onerror=alert(1)>' }));
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
  });
});
