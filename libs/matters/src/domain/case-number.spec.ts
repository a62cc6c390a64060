import { CaseNumber, formatCaseNumber, formatDocumentNumber, isValidSuffixFormat, parseCaseNumber, suffixFitsFormat } from './case-number';

describe('formatCaseNumber', () => {
  it('writes code, year and sequence without a suffix', () => {
    expect(formatCaseNumber({ registryCode: 'SUN', year: 2022, sequence: 5, suffix: null })).toBe('SUN 2022/5');
  });

  it('appends the classification suffix after a dash', () => {
    expect(formatCaseNumber({ registryCode: 'KS', year: 2021, sequence: 263, suffix: '00' })).toBe('KS 2021/263-00');
  });

  it('keeps a code with a dash and letters with dots in the suffix', () => {
    expect(formatCaseNumber({ registryCode: 'KS-AU', year: 2023, sequence: 12, suffix: '1.2.3' })).toBe('KS-AU 2023/12-1.2.3');
  });

  it('treats an empty suffix as no suffix', () => {
    expect(formatCaseNumber({ registryCode: 'SUN', year: 2022, sequence: 5, suffix: '' })).toBe('SUN 2022/5');
  });
});

describe('formatDocumentNumber', () => {
  it('puts the document sequence after the matter number', () => {
    expect(formatDocumentNumber({ registryCode: 'KS', year: 2021, sequence: 263 }, 3)).toBe('KS 2021/263-3');
  });

  it('drops the matter’s classification suffix', () => {
    const matter: CaseNumber = { registryCode: 'KS', year: 2021, sequence: 263, suffix: '00' };
    expect(formatDocumentNumber(matter, 7)).toBe('KS 2021/263-7');
  });
});

describe('parseCaseNumber', () => {
  it('reads a plain case number', () => {
    expect(parseCaseNumber('SUN 2022/5')).toEqual({ registryCode: 'SUN', year: 2022, sequence: 5, suffix: null });
  });

  it('reads a case number with a suffix', () => {
    expect(parseCaseNumber('KS 2021/263-00')).toEqual({ registryCode: 'KS', year: 2021, sequence: 263, suffix: '00' });
  });

  it('upper-cases the code, trims and collapses spaces', () => {
    expect(parseCaseNumber(' ks  2021/263-00 ')).toEqual({ registryCode: 'KS', year: 2021, sequence: 263, suffix: '00' });
  });

  it('collapses tabs and newlines like spaces', () => {
    expect(parseCaseNumber('\tsun\t 2022/5\n')).toEqual({ registryCode: 'SUN', year: 2022, sequence: 5, suffix: null });
  });

  it('keeps the case of the suffix', () => {
    expect(parseCaseNumber('ks 2021/263-Ab.1')).toEqual({ registryCode: 'KS', year: 2021, sequence: 263, suffix: 'Ab.1' });
  });

  it('accepts a code with a dash', () => {
    expect(parseCaseNumber('KS-AU 2023/12')).toEqual({ registryCode: 'KS-AU', year: 2023, sequence: 12, suffix: null });
  });

  it('accepts a code with digits after the first letter', () => {
    expect(parseCaseNumber('BN2 2023/1')).toEqual({ registryCode: 'BN2', year: 2023, sequence: 1, suffix: null });
  });

  it('accepts Å, Ä and Ö in the code, upper-casing them', () => {
    expect(parseCaseNumber('ÅVN 2023/4')?.registryCode).toBe('ÅVN');
    expect(parseCaseNumber('äldre 2023/4')?.registryCode).toBe('ÄLDRE');
    expect(parseCaseNumber('ÖFN 2023/4')?.registryCode).toBe('ÖFN');
  });

  it('reads a plain number after the dash as a suffix, leaving the caller to decide', () => {
    expect(parseCaseNumber('KS 2021/263-3')).toEqual({ registryCode: 'KS', year: 2021, sequence: 263, suffix: '3' });
  });

  it('accepts the longest parts allowed', () => {
    expect(parseCaseNumber('ABCDEFGHIJKL 2022/1234567-ABCDEFGHIJKL')).toEqual({
      registryCode: 'ABCDEFGHIJKL',
      year: 2022,
      sequence: 1234567,
      suffix: 'ABCDEFGHIJKL',
    });
  });

  it('accepts the first and last year of the range', () => {
    expect(parseCaseNumber('SUN 1900/1')?.year).toBe(1900);
    expect(parseCaseNumber('SUN 2999/1')?.year).toBe(2999);
  });

  it.each([
    ['a zero sequence', 'SUN 2022/0'],
    ['a sequence with a leading zero', 'SUN 2022/05'],
    ['a two-digit year', 'SUN 22/5'],
    ['a five-digit year', 'SUN 20222/5'],
    ['no space between code and year', 'SUN2022/5'],
    ['a missing sequence', 'SUN 2022/'],
    ['a missing code', '2022/5'],
    ['a dash with no suffix', 'SUN 2022/5-'],
    ['a code longer than twelve characters', 'ABCDEFGHIJKLM 2022/5'],
    ['a sequence longer than seven digits', 'SUN 2022/12345678'],
    ['a suffix longer than twelve characters', 'SUN 2022/5-ABCDEFGHIJKLM'],
    ['a year before 1900', 'SUN 1899/5'],
    ['a year after 2999', 'SUN 3000/5'],
    ['a code starting with a digit', '1SUN 2022/5'],
    ['a code starting with a dash', '-SUN 2022/5'],
    ['a code with a letter outside A–Ö', 'SÜN 2022/5'],
    ['a suffix with a space', 'SUN 2022/5-0 0'],
    ['a suffix with a slash', 'SUN 2022/5-0/0'],
    ['a dash instead of a slash', 'SUN 2022-5'],
    ['trailing words', 'SUN 2022/5 extra'],
    ['an empty string', ''],
    ['only spaces', '   '],
  ])('refuses %s (%j)', (_description, text) => {
    expect(parseCaseNumber(text)).toBeNull();
  });

  it.each<CaseNumber>([
    { registryCode: 'SUN', year: 2022, sequence: 5, suffix: null },
    { registryCode: 'KS', year: 2021, sequence: 263, suffix: '00' },
    { registryCode: 'KS-AU', year: 2023, sequence: 12, suffix: 'a.1' },
    { registryCode: 'ÄN', year: 1900, sequence: 9999999, suffix: null },
  ])('reads back what formatCaseNumber wrote for %j', (caseNumber) => {
    expect(parseCaseNumber(formatCaseNumber(caseNumber))).toEqual(caseNumber);
  });

  it.each(['SUN 2022/5', 'KS 2021/263-00', 'KS-AU 2023/12-A.1'])('writes %j back unchanged after reading it', (text) => {
    const parsed = parseCaseNumber(text);
    expect(parsed).not.toBeNull();
    expect(formatCaseNumber(parsed!)).toBe(text);
  });

  it('writes a messy input back in its normal form', () => {
    expect(formatCaseNumber(parseCaseNumber('  ks-au   2023/12-00 ')!)).toBe('KS-AU 2023/12-00');
  });
});

describe('suffixFitsFormat', () => {
  it('accepts a suffix matching the format', () => {
    expect(suffixFitsFormat('00', '\\d{2}')).toBe(true);
    expect(suffixFitsFormat('42', '\\d{2}')).toBe(true);
  });

  it('requires the whole suffix to match the format', () => {
    expect(suffixFitsFormat('0', '\\d{2}')).toBe(false);
    expect(suffixFitsFormat('000', '\\d{2}')).toBe(false);
    expect(suffixFitsFormat('A00', '\\d{2}')).toBe(false);
  });

  it('anchors every branch of an alternation', () => {
    expect(suffixFitsFormat('AB', 'A|B')).toBe(false);
    expect(suffixFitsFormat('A', 'A|B')).toBe(true);
    expect(suffixFitsFormat('B', 'A|B')).toBe(true);
  });

  it('accepts any well-formed suffix when the registry has no format', () => {
    expect(suffixFitsFormat('00', null)).toBe(true);
    expect(suffixFitsFormat('Ab.1', null)).toBe(true);
  });

  it('refuses a malformed suffix even without a format', () => {
    expect(suffixFitsFormat('', null)).toBe(false);
    expect(suffixFitsFormat('0 0', null)).toBe(false);
    expect(suffixFitsFormat('0-0', null)).toBe(false);
    expect(suffixFitsFormat('ABCDEFGHIJKLM', null)).toBe(false);
  });

  it('refuses a malformed suffix even when the format would accept it', () => {
    expect(suffixFitsFormat('0-0', '.*')).toBe(false);
    expect(suffixFitsFormat('ÅÄ', '.*')).toBe(false);
  });
});

describe('isValidSuffixFormat', () => {
  it('accepts a usable regular expression', () => {
    expect(isValidSuffixFormat('\\d{2}')).toBe(true);
    expect(isValidSuffixFormat('[0-9]{2}(\\.[0-9]{1,2})?')).toBe(true);
  });

  it('refuses a malformed regular expression', () => {
    expect(isValidSuffixFormat('(')).toBe(false);
    expect(isValidSuffixFormat('[0-9')).toBe(false);
    expect(isValidSuffixFormat('\\')).toBe(false);
  });

  it('refuses an empty format', () => {
    expect(isValidSuffixFormat('')).toBe(false);
  });

  it('accepts up to 100 characters and refuses more', () => {
    expect(isValidSuffixFormat('a'.repeat(100))).toBe(true);
    expect(isValidSuffixFormat('a'.repeat(101))).toBe(false);
  });
});
