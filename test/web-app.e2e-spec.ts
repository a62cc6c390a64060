import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, TestApp } from './support/test-app';

/** The API process serves the built web app (WEB_DIR) at `/`, beside the API and the public pages. */
describe('the web app served by the API', () => {
  let testApp: TestApp;
  let webDir: string;
  const script = `console.log(${JSON.stringify('Nämndrum '.repeat(400))});`;

  beforeAll(async () => {
    webDir = mkdtempSync(join(tmpdir(), 'namndrum-web-'));
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><html lang="sv"><title>Nämndrum</title><div id="root"></div>');
    writeFileSync(join(webDir, 'assets', 'index-abc123.js'), script);
    process.env.WEB_DIR = webDir;
    testApp = await createTestApp();
  });

  afterAll(async () => {
    delete process.env.WEB_DIR;
    await testApp.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  /** Every page the web app's router has, with its parameters filled in: a page missing here cannot be reloaded. */
  const routerPaths = [...readFileSync(join(__dirname, '../apps/web/src/router.tsx'), 'utf8').matchAll(/path: '([^'*]+)'/g)]
    .map(([, path]) => (path.startsWith('/') ? path : `/${path}`).replace(/:[A-Za-z]+/g, 'x'));

  it('knows the router\'s pages', () => {
    expect(routerPaths).toEqual(expect.arrayContaining(['/logga-in', '/diarium', '/installningar/inloggning']));
  });

  it.each([...new Set(['/moten/8d7e6f1a-0000-4000-8000-000000000000', ...routerPaths])])(
    'answers index.html for the app path %s, asked for again at each load',
    async (path) => {
      const response = await testApp.http().get(path).expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.text).toContain('<div id="root"></div>');
    },
  );

  it('serves the hashed files compressed and cached for a year, and 404 for one that does not exist', async () => {
    const response = await testApp.http().get('/assets/index-abc123.js').set('Accept-Encoding', 'gzip').expect(200);
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.text).toBe(script);
    await testApp.http().get('/assets/index-missing.js').expect(404);
  });

  it('leaves the API, the public pages and unknown paths alone', async () => {
    const unknownApi = await testApp.http().get('/api/v1/no-such-resource').expect(404);
    expect(unknownApi.body).toMatchObject({ statusCode: 404 });
    await testApp.http().get('/anslagstavla/0000').expect(404);
    await testApp.http().get('/kalender-som-inte-finns').expect(404);
    await testApp.http().post('/').expect(404);
  });

  it('says in Swedish how to build the app when WEB_DIR holds no build', async () => {
    rmSync(join(webDir, 'index.html'));
    const response = await testApp.http().get('/').expect(503);
    expect(response.text).toBe('Webbappen är inte byggd. Kör npm run build (eller npm run build:web).');
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><html lang="sv"><title>Nämndrum</title><div id="root"></div>');
  });
});
