import { inSentence, swedishPlural, workingForHeading, yearSpan } from './report-wording';

describe('the words of a goal report', () => {
  it('prints a span of one year as that year, and a longer one with a dash', () => {
    expect(yearSpan(2024, 2024)).toBe('2024');
    expect(yearSpan(2021, 2025)).toBe('2021–2025');
  });

  it('puts level and tier names in the plural, leaving nouns whose plural is their singular as they are', () => {
    expect(swedishPlural('Indikator')).toBe('Indikatorer');
    expect(swedishPlural('Strategiskt mål')).toBe('Strategiska mål');
    expect(swedishPlural('Målområde')).toBe('Målområden');
    expect(swedishPlural('Inriktning')).toBe('Inriktningar');
    expect(swedishPlural('Aktivitet')).toBe('Aktiviteter');
    expect(swedishPlural('Verksamhetsmål')).toBe('Verksamhetsmål');
    expect(swedishPlural('Resultatmått')).toBe('Resultatmått');
    expect(swedishPlural('Delmått')).toBe('Delmått');
    expect(swedishPlural('Perspektiv')).toBe('Perspektiv');
  });

  it('writes a name in lower case inside a sentence, but not an abbreviation', () => {
    expect(inSentence('Strategiska mål')).toBe('strategiska mål');
    expect(inSentence('KF-mål')).toBe('KF-mål');
  });

  it('heads the goals one level down with their level name, and Ludvika\'s "Vi jobbar för att" as its documents do', () => {
    expect(workingForHeading('Strategiskt mål')).toBe('Strategiska mål');
    expect(workingForHeading('Vi jobbar för att')).toBe('Det här jobbar vi särskilt för');
  });
});
