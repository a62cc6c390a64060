import { grantsFromGroups, identityFromClaims, safeReturnPath, signInFailurePath, SignInRefused } from './provider-identity';

const oidc = { protocol: 'oidc' as const, subjectClaim: 'sub', emailClaim: 'email', groupsClaim: 'groups' };
const sun = '11111111-1111-4111-8111-111111111111';

describe('identityFromClaims', () => {
  it('reads the subject, the e-mail address in lower case and the groups', () => {
    expect(identityFromClaims(oidc, { sub: 'abc', email: 'Rita@Ludvika.se', email_verified: true, groups: ['a', 'b'] })).toEqual({
      subject: 'abc',
      email: 'rita@ludvika.se',
      emailVerified: true,
      groups: ['a', 'b'],
    });
  });

  it('does not vouch for an OIDC address the provider has not verified, but does for a SAML directory attribute', () => {
    expect(identityFromClaims(oidc, { sub: 'abc', email: 'rita@ludvika.se' }).emailVerified).toBe(false);
    expect(identityFromClaims({ ...oidc, protocol: 'saml', subjectClaim: 'nameID' }, { nameID: 'x', email: ['rita@ludvika.se'] })).toMatchObject({ email: 'rita@ludvika.se', emailVerified: true });
  });

  it('refuses a sign-in without the subject claim, whatever else it names', () => {
    expect(() => identityFromClaims({ ...oidc, subjectClaim: 'oid' }, { sub: 'abc', email: 'rita@ludvika.se', name: 'Rita' })).toThrow(SignInRefused);
  });

  it('takes a single group as a list of one', () => {
    expect(identityFromClaims(oidc, { sub: 'abc', groups: 'sekreterare' }).groups).toEqual(['sekreterare']);
  });
});

describe('grantsFromGroups', () => {
  const mappings = [
    { group: 'namndrum-sun-sekreterare', role: 'secretary' as const, organId: sun, departmentId: null },
    { group: 'namndrum-admin', role: 'admin' as const, organId: null, departmentId: null },
    { group: 'alla-admins', role: 'admin' as const, organId: null, departmentId: null },
  ];

  it('grants what the groups the user is in map to, each grant once', () => {
    expect(grantsFromGroups(mappings, ['namndrum-sun-sekreterare', 'namndrum-admin', 'alla-admins', 'annan-grupp'])).toEqual([
      { role: 'secretary', organId: sun, departmentId: null },
      { role: 'admin', organId: null, departmentId: null },
    ]);
  });

  it('grants nothing to a user in no mapped group', () => {
    expect(grantsFromGroups(mappings, ['annan-grupp'])).toEqual([]);
  });
});

describe('safeReturnPath', () => {
  it('keeps a path on this site and turns anything else into the start page', () => {
    expect(safeReturnPath('/sammantraden/1?flik=protokoll')).toBe('/sammantraden/1?flik=protokoll');
    for (const unsafe of ['https://evil.example/', '//evil.example', '/\\evil.example', 'javascript:alert(1)', '/a\nb', undefined, 42]) {
      expect(safeReturnPath(unsafe)).toBe('/');
    }
  });
});

describe('signInFailurePath', () => {
  it('explains the code on the sign-in page and keeps the page the user was going to, encoded', () => {
    const refused = new SignInRefused('SSO_NO_ACCOUNT', 'No user is linked').returningTo('/arenden?organ=sun&sok=skola och fritid');

    expect(signInFailurePath(refused)).toBe('/logga-in?fel=SSO_NO_ACCOUNT&till=%2Farenden%3Forgan%3Dsun%26sok%3Dskola+och+fritid');
    expect(new URL(signInFailurePath(refused), 'https://namndrum.example').searchParams.get('till')).toBe('/arenden?organ=sun&sok=skola och fritid');
  });

  it('leaves out where the user was going when it is not known, or is the start page', () => {
    expect(signInFailurePath(new SignInRefused('SSO_EXPIRED', 'No sign-in under way'))).toBe('/logga-in?fel=SSO_EXPIRED');
    expect(signInFailurePath(new SignInRefused('SSO_REFUSED', 'Bad signature').returningTo('/'))).toBe('/logga-in?fel=SSO_REFUSED');
  });

  it('keeps the first page it was told, the code and the reason', () => {
    const refused = new SignInRefused('SSO_CANCELLED', 'The provider answered access_denied').returningTo('/sammantraden').returningTo('/');

    expect(refused).toMatchObject({ code: 'SSO_CANCELLED', message: 'The provider answered access_denied', returnTo: '/sammantraden' });
  });
});
