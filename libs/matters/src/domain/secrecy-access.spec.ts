import { canSeeDocument, canSeeMatter, hasSecrecyAccess, MASKED_MATTER_TITLE, MatterReading, matterEventAsRead, PUBLIC_ACCESS, readMatter, SecrecyAccess, SecrecyScope, SecrecySubject } from './secrecy-access';

const ORGAN = 'organ-sun';
const DEPARTMENT = 'department-bou';

const ACCESS: Record<'all' | 'organ' | 'department' | 'neither', SecrecyAccess> = {
  all: { all: true, organIds: [], departmentIds: [] },
  organ: { all: false, organIds: ['organ-other', ORGAN], departmentIds: ['department-other'] },
  department: { all: false, organIds: ['organ-other'], departmentIds: [DEPARTMENT] },
  neither: { all: false, organIds: ['organ-other'], departmentIds: ['department-other'] },
};
type AccessKind = keyof typeof ACCESS;

const SCOPE: SecrecyScope = { organId: ORGAN, departmentId: DEPARTMENT };

describe('hasSecrecyAccess', () => {
  it.each<[AccessKind, boolean]>([
    ['all', true],
    ['organ', true],
    ['department', true],
    ['neither', false],
  ])('with %s access gives %s', (kind, expected) => {
    expect(hasSecrecyAccess(ACCESS[kind], SCOPE)).toBe(expected);
  });

  it('gives nothing to someone with no organs and no departments', () => {
    expect(hasSecrecyAccess({ all: false, organIds: [], departmentIds: [] }, SCOPE)).toBe(false);
  });

  it('does not confuse an organ id listed among departments, or the other way round', () => {
    expect(hasSecrecyAccess({ all: false, organIds: [DEPARTMENT], departmentIds: [ORGAN] }, SCOPE)).toBe(false);
  });

  it('matches whole ids only', () => {
    expect(hasSecrecyAccess({ all: false, organIds: ['organ-su'], departmentIds: ['department-bo'] }, SCOPE)).toBe(false);
  });

  it('never matches a null organ', () => {
    const scope: SecrecyScope = { organId: null, departmentId: DEPARTMENT };
    expect(hasSecrecyAccess(ACCESS.organ, scope)).toBe(false);
    expect(hasSecrecyAccess(ACCESS.department, scope)).toBe(true);
  });

  it('never matches a null department', () => {
    const scope: SecrecyScope = { organId: ORGAN, departmentId: null };
    expect(hasSecrecyAccess(ACCESS.department, scope)).toBe(false);
    expect(hasSecrecyAccess(ACCESS.organ, scope)).toBe(true);
  });

  it('gives only system access when both organ and department are null', () => {
    const scope: SecrecyScope = { organId: null, departmentId: null };
    expect(hasSecrecyAccess(ACCESS.organ, scope)).toBe(false);
    expect(hasSecrecyAccess(ACCESS.department, scope)).toBe(false);
    expect(hasSecrecyAccess(ACCESS.neither, scope)).toBe(false);
    expect(hasSecrecyAccess(ACCESS.all, scope)).toBe(true);
  });

  it('does not match null against a null smuggled into the access lists', () => {
    const access = { all: false, organIds: [null], departmentIds: [null] } as unknown as SecrecyAccess;
    expect(hasSecrecyAccess(access, { organId: null, departmentId: null })).toBe(false);
  });
});

describe('canSeeMatter', () => {
  it.each<[AccessKind, boolean, boolean]>([
    ['all', false, true],
    ['all', true, true],
    ['organ', false, true],
    ['organ', true, true],
    ['department', false, true],
    ['department', true, true],
    ['neither', false, true],
    ['neither', true, false],
  ])('with %s access, a matter with secret=%s is visible: %s', (kind, secret, expected) => {
    expect(canSeeMatter(ACCESS[kind], { ...SCOPE, secret })).toBe(expected);
  });

  it('hides a secret matter with no organ and no department from everyone but the system', () => {
    const matter = { organId: null, departmentId: null, secret: true };
    expect(canSeeMatter(ACCESS.organ, matter)).toBe(false);
    expect(canSeeMatter(ACCESS.department, matter)).toBe(false);
    expect(canSeeMatter(ACCESS.all, matter)).toBe(true);
  });

  it('shows an open matter with no organ and no department to anyone', () => {
    expect(canSeeMatter(ACCESS.neither, { organId: null, departmentId: null, secret: false })).toBe(true);
  });
});

describe('canSeeDocument', () => {
  it.each<[AccessKind, boolean, boolean, boolean]>([
    ['all', false, false, true],
    ['all', false, true, true],
    ['all', true, false, true],
    ['all', true, true, true],
    ['organ', false, false, true],
    ['organ', false, true, true],
    ['organ', true, false, true],
    ['organ', true, true, true],
    ['department', false, false, true],
    ['department', false, true, true],
    ['department', true, false, true],
    ['department', true, true, true],
    ['neither', false, false, true],
    ['neither', false, true, false],
    ['neither', true, false, false],
    ['neither', true, true, false],
  ])('with %s access, matter secret=%s and document secret=%s, the document is visible: %s', (kind, matterSecret, documentSecret, expected) => {
    expect(canSeeDocument(ACCESS[kind], { ...SCOPE, secret: matterSecret }, { secret: documentSecret })).toBe(expected);
  });

  it('judges a secret document in an open matter by the matter’s organ and department', () => {
    const openMatter = { organId: null, departmentId: DEPARTMENT, secret: false };
    expect(canSeeDocument(ACCESS.organ, openMatter, { secret: true })).toBe(false);
    expect(canSeeDocument(ACCESS.department, openMatter, { secret: true })).toBe(true);
    expect(canSeeDocument(ACCESS.organ, openMatter, { secret: false })).toBe(true);
  });

  it('hides even an open document of a secret matter from outsiders', () => {
    expect(canSeeDocument(ACCESS.neither, { organId: null, departmentId: null, secret: true }, { secret: false })).toBe(false);
  });
});

describe('readMatter', () => {
  const matter = (overrides: Partial<SecrecySubject> = {}): SecrecySubject => ({
    ...SCOPE,
    caseNumber: 'SUN 2026/7',
    title: 'Placering av barn enligt LVU',
    secret: false,
    publicTitle: null,
    secretReport: false,
    ...overrides,
  });
  const open = { caseNumber: 'SUN 2026/7', title: 'Placering av barn enligt LVU', masked: false, contentReadable: true, entitled: true };

  it.each<[AccessKind, boolean]>([
    ['all', true],
    ['organ', true],
    ['department', true],
    ['neither', false],
  ])('a secret matter read with %s access is readable: %s', (kind, readable) => {
    const reading = readMatter(ACCESS[kind], matter({ secret: true }));
    expect(reading).toEqual(readable ? open : { caseNumber: 'SUN 2026/7', title: MASKED_MATTER_TITLE, masked: true, contentReadable: false, entitled: false });
  });

  it('shows the public title the registrar gave instead of "Sekretessärende"', () => {
    expect(readMatter(ACCESS.neither, matter({ secret: true, publicTitle: 'Ärende enligt socialtjänstlagen' }))).toMatchObject({ title: 'Ärende enligt socialtjänstlagen', masked: true });
    expect(readMatter(ACCESS.neither, matter({ secret: true, publicTitle: '   ' })).title).toBe(MASKED_MATTER_TITLE);
  });

  it('never shows the public title to those who may read the matter', () => {
    expect(readMatter(ACCESS.organ, matter({ secret: true, publicTitle: 'Ärende enligt socialtjänstlagen' })).title).toBe('Placering av barn enligt LVU');
  });

  it.each<[AccessKind, boolean]>([
    ['all', true],
    ['organ', true],
    ['department', true],
    ['neither', false],
  ])('a secret tjänsteskrivelse in a public matter keeps the title and hides the content from %s: readable %s', (kind, readable) => {
    expect(readMatter(ACCESS[kind], matter({ secretReport: true }))).toEqual({ ...open, contentReadable: readable, entitled: readable });
  });

  it('reads a public matter with a public report in full, whoever asks', () => {
    expect(readMatter(PUBLIC_ACCESS, matter())).toEqual({ ...open, entitled: false });
  });

  it('gives the public nothing of a secret matter, even with a public report, and nothing of a matter without organ or department', () => {
    expect(readMatter(PUBLIC_ACCESS, matter({ secret: true }))).toMatchObject({ masked: true, contentReadable: false });
    expect(readMatter(ACCESS.neither, matter({ secret: true, organId: null, departmentId: null }))).toMatchObject({ masked: true, contentReadable: false });
    expect(readMatter(ACCESS.all, matter({ secret: true, organId: null, departmentId: null }))).toMatchObject({ masked: false, contentReadable: true });
  });
});

describe('matterEventAsRead', () => {
  const decided = { kind: 'decided', summary: 'Beslutat i Socialnämnden 2026-03-30 § 4', data: { paragraphNumber: 4, decision: ['Riktlinjerna antas.'] } };
  const reading = (contentReadable: boolean): MatterReading => ({ caseNumber: 'SUN 2026/7', title: 'Riktlinjer', masked: false, contentReadable, entitled: contentReadable });

  it('leaves out the decision text for a reader who may not read the secret report it came from', () => {
    expect(matterEventAsRead(decided, reading(false))).toEqual({ ...decided, data: { paragraphNumber: 4 } });
  });

  it('keeps it for a reader who may, and keeps lines without a decision as they are', () => {
    expect(matterEventAsRead(decided, reading(true))).toBe(decided);
    const registered = { kind: 'registered', summary: 'Ärendet registrerades', data: { caseNumber: 'SUN 2026/7' } };
    expect(matterEventAsRead(registered, reading(false))).toBe(registered);
  });
});
