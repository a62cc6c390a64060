/// <reference lib="dom" />
// The callbacks given to page.evaluate() and locator.evaluate() run in the browser.
import { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { OidcTestProvider, startOidcTestProvider } from '../support/oidc-test-provider';
import { samlIdpMetadata } from '../support/saml-test-idp';
import { checkPage, launchBrowser, newContext, signIn } from './support/browser';
import { activate, fillIn, selectOption, tabTo } from './support/input';
import { SEED_PASSWORD, SEED_USERS, WebStack } from './support/web-stack';

/** What a screen reader reads out with a field: its description and its error, joined. */
function descriptionOf(field: Locator): Promise<string> {
  return field.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}

interface ProviderBody {
  id: string;
  key: string;
  displayName: string;
  enabled: boolean;
  linkByEmail: boolean;
  createUsers: boolean;
  roleSource: string;
  groupsClaim: string | null;
  roleMappings: { group: string; role: string; organId?: string | null; departmentId?: string | null }[];
  oidc?: { issuer: string; clientId: string; scopes: string[]; hasClientSecret: boolean; redirectUri: string; postLogoutRedirectUri: string };
  saml?: { idpEntityId: string; spEntityId: string; acsUrl: string };
}

describe("the web app: Inloggning, the municipality admin's identity providers", () => {
  const OIDC_KEY = 'ludvika-konto';
  const OIDC_NAME = 'Ludvika kommuns konto';
  const CLIENT_ID = 'namndrum-installningar';
  const CLIENT_SECRET = 'client-secret-for-browser-tests-only';
  const SAML_KEY = 'ludvika-saml';
  const SAML_NAME = 'Ludvika AD FS';
  const IDP_ENTITY_ID = 'https://adfs.ludvika.example/adfs/services/trust';

  let stack: WebStack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let provider: OidcTestProvider;

  const nav = () => page.getByRole('navigation', { name: 'Huvudmeny' });
  const dialog = () => page.getByRole('dialog');
  const providerRow = (key: string) => page.locator(`tr[data-provider-key="${key}"]`);
  const passwordSwitch = () => page.getByRole('switch', { name: 'Tillåt inloggning med lösenord' });

  /** The providers as the API has them now, asked with the browser's session (a password's bearer token ends when passwords are turned off). */
  async function storedProviders(): Promise<{ passwordSignIn: boolean; providers: ProviderBody[] }> {
    const response = await page.request.get('/api/v1/identity-providers');
    expect(response.status()).toBe(200);
    return (await response.json()) as { passwordSignIn: boolean; providers: ProviderBody[] };
  }

  /** Through the main menu, as the page is reached (a browser opening /installningar/… itself gets no page: see the report). */
  async function openSignInSettings(): Promise<void> {
    await nav().getByRole('link', { name: 'Inloggning' }).click();
    await page.waitForURL('**/installningar/inloggning');
    await page.getByRole('heading', { level: 1, name: 'Inloggning' }).waitFor();
    await page.locator('[data-ready="true"]').waitFor();
  }

  beforeAll(async () => {
    stack = await WebStack.start('web_identity_providers', { worker: false });
    browser = await launchBrowser();
    // Registered for the redirect URI the page will show: the stack's address and the key typed below.
    provider = await startOidcTestProvider({
      clients: [
        {
          client_id: CLIENT_ID,
          client_secret: CLIENT_SECRET,
          redirect_uris: [`${stack.baseUrl}/api/auth/sso/${OIDC_KEY}/callback`],
          post_logout_redirect_uris: [`${stack.baseUrl}/logga-in?utloggad=1`],
          token_endpoint_auth_method: 'client_secret_basic',
        },
      ],
      accounts: [{ sub: 'kommunens-admin', email: SEED_USERS.admin, email_verified: true, name: 'Kommunens administratör', groups: [] }],
    });
  }, 120_000);

  afterAll(async () => {
    if (stack?.testApp) {
      // Passwords back on first (as docs/sign-in.md tells operations to), so the admin can sign in with one and the last provider may go.
      await stack.testApp.dataSource.query(`UPDATE municipalities SET password_sign_in = true`);
      const adminToken = (await stack.testApp.http().post('/api/v1/auth/login').send({ email: SEED_USERS.admin, password: SEED_PASSWORD }).expect(200)).body.accessToken;
      const { providers } = (await stack.testApp.http().get('/api/v1/identity-providers').set('Authorization', `Bearer ${adminToken}`).expect(200)).body as { providers: ProviderBody[] };
      for (const stored of providers) {
        await stack.testApp.http().delete(`/api/v1/identity-providers/${stored.id}`).set('Authorization', `Bearer ${adminToken}`).expect(204);
      }
    }
    await provider?.stop();
    await browser?.close();
    await stack?.stop();
  });

  beforeEach(async () => {
    context = await newContext(browser, stack.baseUrl);
    page = await context.newPage();
  });

  afterEach(() => context.close());

  it('is in the main menu of the admin only', async () => {
    await signIn(page, SEED_USERS.secretary);
    await nav().getByRole('link', { name: 'Diarium' }).waitFor();
    expect(await nav().getByRole('link', { name: 'Inloggning' }).count()).toBe(0);
  });

  it('adds an OpenID Connect provider with the keyboard alone: a wrong issuer is named under its field, then the redirect URI to register is shown', async () => {
    await signIn(page, SEED_USERS.admin, 'keyboard');
    await activate('keyboard', nav().getByRole('link', { name: 'Inloggning' }));
    await page.waitForURL('**/installningar/inloggning');
    await page.getByRole('heading', { level: 1, name: 'Inloggning' }).waitFor();
    await page.getByText('Kommunen har ingen inloggningstjänst.').waitFor();
    expect(await passwordSwitch().isChecked()).toBe(true);
    await checkPage(page, 'inloggning-utan-tjanster');

    await activate('keyboard', page.getByRole('button', { name: 'Lägg till inloggningstjänst' }));
    await dialog().getByRole('heading', { name: 'Lägg till inloggningstjänst' }).waitFor();
    // The name field has the focus; the preview of the button follows what is typed.
    const displayName = dialog().getByLabel('Namn på knappen');
    await fillIn('keyboard', displayName, OIDC_NAME);
    expect(await descriptionOf(displayName)).toContain(`På inloggningssidan: ”Logga in med ${OIDC_NAME}”`);
    const key = dialog().getByLabel('Nyckel');
    await fillIn('keyboard', key, OIDC_KEY);
    expect(await descriptionOf(key)).toContain('ingår i adresserna som registreras hos leverantören');
    expect(await dialog().getByRole('radio', { name: 'OpenID Connect' }).isChecked()).toBe(true);
    const issuer = dialog().getByLabel('Utfärdare');
    await fillIn('keyboard', issuer, 'http://127.0.0.1:9/');
    await fillIn('keyboard', dialog().getByLabel('Klient-id'), CLIENT_ID);
    await fillIn('keyboard', dialog().getByLabel('Klienthemlighet'), CLIENT_SECRET);
    expect(await dialog().getByLabel('Klienthemlighet').getAttribute('type')).toBe('password');
    expect(await dialog().getByLabel('Scopes').inputValue()).toBe('openid profile email');
    expect(await dialog().getByLabel('Identifierande anspråk').inputValue()).toBe('sub');
    expect(await dialog().getByLabel('E-postanspråk').inputValue()).toBe('email');
    await activate('keyboard', dialog().getByRole('checkbox', { name: 'Koppla till befintligt konto via verifierad e-postadress' }), 'Space');
    expect(await dialog().getByRole('checkbox', { name: 'Koppla till befintligt konto via verifierad e-postadress' }).isChecked()).toBe(true);
    expect(await dialog().getByRole('checkbox', { name: 'Skapa konto vid första inloggningen' }).isChecked()).toBe(false);
    expect(await dialog().getByRole('radio', { name: 'Nämndrum (tilldelas här)' }).isChecked()).toBe(true);
    await activate('keyboard', dialog().getByRole('button', { name: 'Spara' }));

    // Nothing answers at that address: the API's Swedish reason under the issuer, read out with it.
    await page.waitForFunction((element) => element?.getAttribute('aria-invalid') === 'true', await issuer.elementHandle());
    expect(await descriptionOf(issuer)).toContain('Inloggningstjänsten svarar inte som en OpenID Connect-leverantör på den adressen');
    expect((await storedProviders()).providers).toEqual([]);
    await checkPage(page, 'inloggning-fel-utfardare');

    await fillIn('keyboard', issuer, provider.issuer);
    await activate('keyboard', dialog().getByRole('button', { name: 'Spara' }));
    await dialog().getByRole('heading', { name: 'Inloggningstjänsten är tillagd' }).waitFor();
    const redirectUri = `${stack.baseUrl}/api/auth/sso/${OIDC_KEY}/callback`;
    await dialog().getByText(redirectUri, { exact: true }).waitFor();
    await dialog().getByText(`${stack.baseUrl}/logga-in?utloggad=1`, { exact: true }).waitFor();
    await checkPage(page, 'inloggning-oidc-tillagd');

    const [stored] = (await storedProviders()).providers;
    expect(stored).toMatchObject({
      key: OIDC_KEY,
      displayName: OIDC_NAME,
      enabled: true,
      linkByEmail: true,
      createUsers: false,
      roleSource: 'namndrum',
      oidc: { issuer: provider.issuer, clientId: CLIENT_ID, scopes: ['openid', 'profile', 'email'], hasClientSecret: true, redirectUri },
    });

    // The copy button puts the address on the clipboard.
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.baseUrl });
    await activate('keyboard', dialog().getByRole('button', { name: 'Kopiera Omdirigerings-URI (redirect URI)' }));
    await dialog().getByRole('status').filter({ hasText: 'Kopierat: Omdirigerings-URI (redirect URI).' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(redirectUri);

    await activate('keyboard', dialog().getByRole('button', { name: 'Stäng' }));
    await dialog().waitFor({ state: 'detached' });
    const row = providerRow(OIDC_KEY);
    expect(await row.getByRole('rowheader').textContent()).toBe(OIDC_NAME);
    expect(await row.getByRole('cell').allTextContents()).toEqual(['OpenID Connect', 'På', OIDC_KEY, expect.stringContaining('Ändra')]);
    await checkPage(page, 'inloggning-en-tjanst');
  });

  it("refuses to turn passwords off for an admin signed in with a password, in the API's words", async () => {
    await signIn(page, SEED_USERS.admin);
    await openSignInSettings();
    await page.getByText('Du är själv inloggad med lösenord: logga in med kommunens konto först.').waitFor();
    await activate('keyboard', passwordSwitch(), 'Space');
    await page.getByRole('alert').filter({ hasText: 'Logga in med kommunens konto först: då vet du att det fungerar innan lösenorden stängs av' }).waitFor();
    expect(await passwordSwitch().isChecked()).toBe(true);
    expect((await storedProviders()).passwordSignIn).toBe(true);
    await checkPage(page, 'inloggning-losenord-nekat');
  });

  it('offers the new provider on the sign-in page; signed in through it, the admin turns passwords off, cannot disable the last way in, and turns them on again', async () => {
    await signIn(page, SEED_USERS.admin);
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await page.waitForURL('**/logga-in');
    const providerLink = page.getByRole('link', { name: `Logga in med ${OIDC_NAME}` });
    await providerLink.waitFor();

    await providerLink.click();
    await page.waitForURL((url) => url.origin === provider.issuer);
    await page.getByLabel('Användarnamn').fill('kommunens-admin');
    await page.getByRole('button', { name: 'Logga in', exact: true }).click();
    await page.waitForURL(`${stack.baseUrl}/`);
    await page.getByText(`Inloggad med ${OIDC_NAME}`).waitFor();

    await openSignInSettings();
    await tabTo(passwordSwitch());
    await page.keyboard.press('Space');
    await page.getByRole('status').filter({ hasText: 'Inloggning med lösenord är avstängd.' }).waitFor();
    expect(await passwordSwitch().isChecked()).toBe(false);
    expect((await storedProviders()).passwordSignIn).toBe(false);
    await checkPage(page, 'inloggning-losenord-avstangt');

    // The only way left in cannot be switched off.
    await activate('keyboard', providerRow(OIDC_KEY).getByRole('button', { name: `Stäng av ${OIDC_NAME}` }));
    await page.getByRole('alert').filter({ hasText: 'Det här är kommunens enda sätt att logga in' }).waitFor();
    expect((await storedProviders()).providers[0].enabled).toBe(true);

    await activate('keyboard', passwordSwitch(), 'Space');
    await page.getByRole('status').filter({ hasText: 'Inloggning med lösenord är tillåten.' }).waitFor();
    expect((await storedProviders()).passwordSignIn).toBe(true);
  });

  it('adds a SAML provider from a metadata file, with roles from its groups: the ACS URL to register is shown', async () => {
    await signIn(page, SEED_USERS.admin);
    await openSignInSettings();
    await page.getByRole('button', { name: 'Lägg till inloggningstjänst' }).click();
    await dialog().getByLabel('Namn på knappen').fill(SAML_NAME);
    await dialog().getByLabel('Nyckel').fill(SAML_KEY);
    // The radio's own input is visually hidden: a mouse clicks its label.
    await dialog().getByText('SAML 2.0', { exact: true }).click();
    expect(await dialog().getByRole('radio', { name: 'SAML 2.0' }).isChecked()).toBe(true);
    expect(await dialog().getByLabel('Utfärdare').count()).toBe(0);
    expect(await dialog().getByLabel('Identifierande anspråk').inputValue()).toBe('nameID');

    const metadata = samlIdpMetadata({ entityId: IDP_ENTITY_ID, ssoUrl: 'https://adfs.ludvika.example/adfs/ls/' });
    await dialog().getByLabel('Läs in metadata från fil').setInputFiles({ name: 'federationmetadata.xml', mimeType: 'application/xml', buffer: Buffer.from(metadata) });
    await dialog().getByText('Metadata inläst från federationmetadata.xml.').waitFor();
    expect(await dialog().getByLabel('Metadata (XML)').inputValue()).toBe(metadata);
    await dialog().getByLabel('E-postanspråk').fill('http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress');

    await dialog().getByText('Leverantörens grupper', { exact: true }).click();
    expect(await dialog().getByLabel('Gruppanspråk').inputValue()).toBe('groups');
    await dialog().getByRole('button', { name: 'Lägg till grupp' }).click();
    await dialog().getByLabel('Grupp, rad 1').fill('namndrum-sun-sekreterare');
    // A nämndsekreterare without an organ: the API's reason under the organ of that row.
    await dialog().getByRole('button', { name: 'Spara' }).click();
    const organ = dialog().getByRole('button', { name: /Organ, rad 1/ });
    await page.waitForFunction((element) => element?.closest('[data-invalid]') !== null, await organ.elementHandle());
    expect(await descriptionOf(organ)).toContain('Nämndsekreterare knyts till ett organ');
    await selectOption('keyboard', organ, /^Social- och utbildningsnämnden \(SUN\)$/);

    await dialog().getByRole('button', { name: 'Lägg till grupp' }).click();
    await dialog().getByLabel('Grupp, rad 2').fill('namndrum-sou-handlaggare');
    await selectOption('mouse', dialog().getByRole('button', { name: /Roll, rad 2/ }), /^Handläggare$/);
    await selectOption('mouse', dialog().getByRole('button', { name: /Förvaltning, rad 2/ }), /^Social- och utbildningsförvaltningen$/);
    await dialog().getByRole('button', { name: 'Lägg till grupp' }).click();
    await dialog().getByLabel('Grupp, rad 3').fill('namndrum-admin');
    await selectOption('mouse', dialog().getByRole('button', { name: /Roll, rad 3/ }), /^Administratör$/);
    await dialog().getByText('Hela kommunen').waitFor();
    await checkPage(page, 'inloggning-saml-formular');
    // A row given by mistake is removed; the focus goes on to the add button.
    await dialog().getByRole('button', { name: 'Lägg till grupp' }).click();
    await dialog().getByRole('button', { name: 'Ta bort rad 4' }).click();
    expect(await dialog().getByLabel('Grupp, rad 4').count()).toBe(0);
    expect(await dialog().getByRole('button', { name: 'Lägg till grupp' }).evaluate((element) => element === document.activeElement)).toBe(true);

    await dialog().getByRole('button', { name: 'Spara' }).click();
    await dialog().getByRole('heading', { name: 'Inloggningstjänsten är tillagd' }).waitFor();
    const spEntityId = `${stack.baseUrl}/api/auth/sso/${SAML_KEY}/metadata`;
    const acsUrl = `${stack.baseUrl}/api/auth/sso/${SAML_KEY}/acs`;
    await dialog().getByText(acsUrl, { exact: true }).waitFor();
    await dialog().getByText(spEntityId, { exact: true }).waitFor();
    await dialog().getByRole('button', { name: /^Kopiera Mottagningsadress för svaret/ }).waitFor();
    await checkPage(page, 'inloggning-saml-tillagd');
    await dialog().getByRole('button', { name: 'Stäng' }).click();

    const [organs, departments] = await Promise.all([
      stack.testApp.dataSource.query(`SELECT id FROM organs WHERE short_name = 'SUN'`),
      stack.testApp.dataSource.query(`SELECT id FROM departments WHERE name = 'Social- och utbildningsförvaltningen'`),
    ]);
    const saml = (await storedProviders()).providers.find((candidate) => candidate.key === SAML_KEY);
    expect(saml).toMatchObject({
      displayName: SAML_NAME,
      roleSource: 'provider',
      groupsClaim: 'groups',
      saml: { idpEntityId: IDP_ENTITY_ID, spEntityId, acsUrl },
      roleMappings: [
        { group: 'namndrum-sun-sekreterare', role: 'secretary', organId: organs[0].id, departmentId: null },
        { group: 'namndrum-sou-handlaggare', role: 'case_officer', organId: null, departmentId: departments[0].id },
        { group: 'namndrum-admin', role: 'admin', organId: null, departmentId: null },
      ],
    });
    expect(await providerRow(SAML_KEY).getByRole('cell').first().textContent()).toBe('SAML 2.0');
  });

  it('changes a provider: the key stays, a stored secret is kept when the field is left empty, and the addresses are shown', async () => {
    await signIn(page, SEED_USERS.admin);
    await openSignInSettings();
    await activate('keyboard', providerRow(OIDC_KEY).getByRole('button', { name: `Ändra ${OIDC_NAME}` }));
    await dialog().getByRole('heading', { name: `Ändra ${OIDC_NAME}` }).waitFor();
    await dialog().getByText(`${stack.baseUrl}/api/auth/sso/${OIDC_KEY}/callback`, { exact: true }).waitFor();
    const key = dialog().getByLabel('Nyckel');
    expect(await key.getAttribute('readonly')).not.toBeNull();
    expect(await descriptionOf(key)).toContain('Nyckeln kan inte ändras');
    const secret = dialog().getByLabel('Klienthemlighet');
    expect(await secret.inputValue()).toBe('');
    expect(await descriptionOf(secret)).toContain('En hemlighet är sparad.');
    await checkPage(page, 'inloggning-andra-oidc');

    await fillIn('keyboard', dialog().getByLabel('Namn på knappen'), 'Ludvika kommuns e-tjänstekonto');
    await activate('keyboard', dialog().getByRole('button', { name: 'Spara' }));
    await dialog().getByRole('heading', { name: 'Ändringarna är sparade' }).waitFor();
    await activate('keyboard', dialog().getByRole('button', { name: 'Stäng' }));
    expect(await providerRow(OIDC_KEY).getByRole('rowheader').textContent()).toBe('Ludvika kommuns e-tjänstekonto');
    const oidc = (await storedProviders()).providers.find((candidate) => candidate.key === OIDC_KEY);
    expect(oidc).toMatchObject({ displayName: 'Ludvika kommuns e-tjänstekonto', oidc: { hasClientSecret: true, issuer: provider.issuer } });

    // The SAML provider's stored metadata is kept when the field is left empty.
    await providerRow(SAML_KEY).getByRole('button', { name: `Ändra ${SAML_NAME}` }).click();
    await dialog().getByText(`Sparad metadata från ${IDP_ENTITY_ID}`, { exact: false }).waitFor();
    expect(await dialog().getByRole('radio', { name: 'Leverantörens grupper' }).isChecked()).toBe(true);
    expect(await dialog().getByLabel('Grupp, rad 3').inputValue()).toBe('namndrum-admin');
    await dialog().getByText('Skapa konto vid första inloggningen', { exact: true }).click();
    expect(await dialog().getByRole('checkbox', { name: 'Skapa konto vid första inloggningen' }).isChecked()).toBe(true);
    await dialog().getByRole('button', { name: 'Spara' }).click();
    await dialog().getByRole('heading', { name: 'Ändringarna är sparade' }).waitFor();
    await dialog().getByRole('button', { name: 'Stäng' }).click();
    const saml = (await storedProviders()).providers.find((candidate) => candidate.key === SAML_KEY);
    expect(saml).toMatchObject({ createUsers: true, saml: { idpEntityId: IDP_ENTITY_ID }, roleMappings: [expect.anything(), expect.anything(), expect.anything()] });
  });

  it('switches a provider off and on, and removes one after asking', async () => {
    await signIn(page, SEED_USERS.admin);
    await openSignInSettings();
    const row = providerRow(SAML_KEY);
    await activate('keyboard', row.getByRole('button', { name: `Stäng av ${SAML_NAME}` }));
    await page.getByRole('status').filter({ hasText: `${SAML_NAME} är avstängd och visas inte längre på inloggningssidan.` }).waitFor();
    expect(await row.getByRole('cell').nth(1).textContent()).toBe('Av');
    expect((await storedProviders()).providers.find((candidate) => candidate.key === SAML_KEY)?.enabled).toBe(false);
    await activate('keyboard', row.getByRole('button', { name: `Slå på ${SAML_NAME}` }));
    await page.getByRole('status').filter({ hasText: `${SAML_NAME} är påslagen` }).waitFor();
    expect(await row.getByRole('cell').nth(1).textContent()).toBe('På');

    await activate('keyboard', row.getByRole('button', { name: `Ta bort ${SAML_NAME}` }));
    const question = page.getByRole('alertdialog', { name: `Ta bort ${SAML_NAME}?` });
    await question.waitFor();
    // Avbryt has the focus: Enter alone removes nothing.
    expect(await question.getByRole('button', { name: 'Avbryt' }).evaluate((element) => element === document.activeElement)).toBe(true);
    await checkPage(page, 'inloggning-ta-bort');
    await question.getByRole('button', { name: 'Avbryt' }).click();
    await question.waitFor({ state: 'detached' });
    expect(await row.count()).toBe(1);

    await row.getByRole('button', { name: `Ta bort ${SAML_NAME}` }).click();
    await activate('keyboard', question.getByRole('button', { name: 'Ta bort' }));
    await page.getByRole('status').filter({ hasText: `${SAML_NAME} är borttagen.` }).waitFor();
    await row.waitFor({ state: 'detached' });
    expect((await storedProviders()).providers.map((candidate) => candidate.key)).toEqual([OIDC_KEY]);
    expect(await page.getByRole('heading', { level: 2, name: 'Inloggningstjänster' }).evaluate((element) => element === document.activeElement)).toBe(true);

    await page.getByRole('button', { name: 'Logga ut' }).click();
    await page.waitForURL('**/logga-in');
    await page.getByRole('link', { name: 'Logga in med Ludvika kommuns e-tjänstekonto' }).waitFor();
    expect(await page.getByRole('link', { name: `Logga in med ${SAML_NAME}` }).count()).toBe(0);
  });
});
