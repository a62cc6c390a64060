import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { stopChild } from './child-processes';

const SERVER = join(__dirname, 'oidc-provider', 'server.mjs');
const LISTENING = /^OIDC_TEST_PROVIDER_LISTENING (\S+)$/m;
const START_TIMEOUT_MS = 20_000;
const MAX_REDIRECTS = 20;

export interface OidcTestClient {
  client_id: string;
  client_secret: string;
  redirect_uris: string[];
  post_logout_redirect_uris?: string[];
  /** client_secret_post unless given: what openid-client v6 uses by default. */
  token_endpoint_auth_method?: 'client_secret_post' | 'client_secret_basic';
}

export interface OidcTestAccount {
  sub: string;
  email: string;
  email_verified: boolean;
  name: string;
  groups: string[];
}

/** How the next token response's ID token is spoiled; see test/support/oidc-provider/server.mjs. */
export type IdTokenTamperMode = 'signature' | 'audience' | 'expired' | 'issuer' | 'nonce' | 'none';

export interface OidcTestProvider {
  /** http://127.0.0.1:<port>, also the base of its discovery document. */
  issuer: string;
  /** From now on the account is unknown to the provider: its refresh tokens fail with invalid_grant. */
  disable(sub: string): Promise<void>;
  /** Alters the id_token of the next token endpoint response only. */
  tamperNextIdToken(mode: IdTokenTamperMode): Promise<void>;
  /** A back-channel logout token signed with the provider's key (no events claim when events is false). */
  logoutToken(claims: { aud: string; sub?: string; sid?: string; nonce?: string; events?: boolean; ageSeconds?: number }): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Starts a real OpenID Connect provider (node-oidc-provider) as a child process, since jest cannot
 * load that ESM-only package. Authorization code flow with PKCE, a refresh token with every code,
 * ID tokens carrying email, email_verified, name, groups and sid, and RP-initiated logout.
 */
export async function startOidcTestProvider(options: {
  clients: OidcTestClient[];
  accounts: OidcTestAccount[];
  /** 0 (any free port) unless given. */
  port?: number;
}): Promise<OidcTestProvider> {
  const config = { port: options.port ?? 0, clients: options.clients, accounts: options.accounts };
  // The IPC channel lets the provider exit by itself should the test process die without stopping it.
  const child = spawn(process.execPath, [SERVER], {
    env: { ...process.env, OIDC_TEST_PROVIDER_CONFIG: JSON.stringify(config) },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const issuer = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      finish();
      child.kill('SIGKILL');
      reject(new Error(`The OIDC test provider did not listen within ${START_TIMEOUT_MS / 1000} s:\n${stderr}`));
    }, START_TIMEOUT_MS);
    const onStdout = (chunk: Buffer) => {
      stdout += chunk.toString();
      const listening = LISTENING.exec(stdout);
      if (listening) {
        finish();
        resolve(listening[1]);
      }
    };
    const onStderr = (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-20_000);
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      finish();
      reject(new Error(`The OIDC test provider exited at start-up (${signal ?? `code ${code}`}):\n${stderr}`));
    };
    const finish = () => {
      clearTimeout(timer);
      child.stdout!.off('data', onStdout);
      child.stderr!.off('data', onStderr);
      child.off('exit', onExit);
    };
    child.stdout!.on('data', onStdout);
    child.stderr!.on('data', onStderr);
    child.once('exit', onExit);
  });
  // Its output is no longer read, but must be drained so that the child never blocks on a full pipe.
  child.stdout!.resume();
  child.stderr!.resume();
  return new RunningOidcTestProvider(issuer, child);
}

class RunningOidcTestProvider implements OidcTestProvider {
  constructor(
    readonly issuer: string,
    private child: ChildProcess | null,
  ) {}

  async disable(sub: string): Promise<void> {
    await this.control(`/_test/accounts/${encodeURIComponent(sub)}/disable`, {});
  }

  async tamperNextIdToken(mode: IdTokenTamperMode): Promise<void> {
    await this.control('/_test/tamper', { mode });
  }

  async logoutToken(claims: { aud: string; sub?: string; sid?: string; nonce?: string; events?: boolean; ageSeconds?: number }): Promise<string> {
    const response = await fetch(new URL('/_test/logout-token', this.issuer), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(claims) });
    if (!response.ok) throw new Error(`The test provider refused a logout token: ${response.status}`);
    return ((await response.json()) as { logoutToken: string }).logoutToken;
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    await stopChild(child, 'SIGTERM');
  }

  private async control(path: string, body: object): Promise<void> {
    const response = await fetch(new URL(path, this.issuer), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`POST ${path} at the OIDC test provider answered ${response.status}: ${await response.text()}`);
  }
}

interface StoredCookie {
  name: string;
  value: string;
  path: string;
}

/**
 * The browser's cookies at the provider. One jar passed to signInAtProvider and then to
 * signOutAtProvider is one browser: signed in at the provider, and signed out there again.
 */
export class ProviderCookieJar {
  private readonly cookies = new Map<string, StoredCookie>();

  header(url: URL): string | undefined {
    const matching = [...this.cookies.values()].filter((cookie) => pathMatches(url.pathname, cookie.path));
    return matching.length ? matching.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ') : undefined;
  }

  store(url: URL, response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const separator = pair.indexOf('=');
      if (separator < 0) continue;
      const cookie = { name: pair.slice(0, separator).trim(), value: pair.slice(separator + 1).trim(), path: defaultPath(url) };
      let expired = false;
      for (const attribute of attributes) {
        const [key, ...rest] = attribute.split('=');
        const value = rest.join('=').trim();
        switch (key.trim().toLowerCase()) {
          case 'path':
            if (value.startsWith('/')) cookie.path = value;
            break;
          case 'max-age':
            expired ||= Number(value) <= 0;
            break;
          case 'expires':
            expired ||= Date.parse(value) <= Date.now();
            break;
        }
      }
      const key = `${cookie.name};${cookie.path}`;
      if (expired) this.cookies.delete(key);
      else this.cookies.set(key, cookie);
    }
  }
}

function defaultPath(url: URL): string {
  const lastSlash = url.pathname.lastIndexOf('/');
  return lastSlash > 0 ? url.pathname.slice(0, lastSlash) : '/';
}

function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  return requestPath.startsWith(cookiePath) && (cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/');
}

/** A page the browser stopped at within the provider's origin, or the URL it was sent away to. */
type Step = { leftFor: URL } | { url: URL; status: number; html: string };

class ProviderBrowser {
  private readonly origin: string;

  constructor(
    start: URL,
    private readonly cookies: ProviderCookieJar,
  ) {
    this.origin = start.origin;
  }

  async open(url: URL): Promise<Step> {
    return this.follow(url, await this.request(url));
  }

  /** Submits the page's first form with its hidden fields and the given ones, as a browser would. */
  async submit(page: { url: URL; html: string }, fields: Record<string, string>): Promise<Step> {
    const form = /<form\b([^>]*)>([\s\S]*?)<\/form>/i.exec(page.html);
    if (!form) throw new Error(`No form on ${page.url.href}:\n${page.html}`);
    const action = new URL(decodeHtml(attributesOf(form[1]).action ?? page.url.href), page.url);
    const body = new URLSearchParams();
    for (const input of form[2].matchAll(/<input\b([^>]*)>/gi)) {
      const attributes = attributesOf(input[1]);
      if (attributes.type === 'hidden' && attributes.name) body.set(decodeHtml(attributes.name), decodeHtml(attributes.value ?? ''));
    }
    for (const [name, value] of Object.entries(fields)) body.set(name, value);
    if (action.origin !== this.origin) return { leftFor: action };
    return this.follow(action, await this.request(action, body));
  }

  private async request(url: URL, form?: URLSearchParams): Promise<Response> {
    const cookie = this.cookies.header(url);
    const response = await fetch(url, {
      method: form ? 'POST' : 'GET',
      headers: cookie ? { cookie } : {},
      body: form,
      redirect: 'manual',
    });
    this.cookies.store(url, response);
    return response;
  }

  private async follow(url: URL, response: Response): Promise<Step> {
    for (let redirects = 0; ; redirects += 1) {
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) {
        return { url, status: response.status, html: await response.text() };
      }
      await response.body?.cancel();
      if (redirects === MAX_REDIRECTS) throw new Error(`More than ${MAX_REDIRECTS} redirects at the OIDC test provider, the last to ${location}`);
      url = new URL(location, url);
      if (url.origin !== this.origin) return { leftFor: url };
      response = await this.request(url);
    }
  }
}

function attributesOf(tag: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const [, name, value] of tag.matchAll(/([\w:-]+)\s*=\s*"([^"]*)"/g)) attributes[name.toLowerCase()] = value;
  return attributes;
}

function decodeHtml(text: string): string {
  return text
    .replace(/&#(\d+);/g, (entity, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (entity, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function describePage(page: { url: URL; status: number; html: string }): string {
  const alert = /role="alert"[^>]*>([\s\S]*?)</.exec(page.html);
  return `${page.status} at ${page.url.href}${alert ? `: ${decodeHtml(alert[1].trim())}` : `:\n${page.html.slice(0, 2000)}`}`;
}

async function signInPage(browser: ProviderBrowser, authorizationUrl: URL): Promise<Step> {
  const step = await browser.open(authorizationUrl);
  if ('leftFor' in step) return step;
  if (!/name="login"/.test(step.html)) throw new Error(`Expected the provider's sign-in page, got ${describePage(step)}`);
  return step;
}

/**
 * The browser's part of a sign-in, over plain HTTP: opens the authorization URL, signs in as the
 * account on the provider's page and returns the URL the provider then sends the browser to (the
 * client's redirect_uri with code and state) without requesting it. With a jar whose browser is still
 * signed in at the provider, no page is shown and the sub is not used.
 */
export async function signInAtProvider(authorizationUrl: string, sub: string, cookies = new ProviderCookieJar()): Promise<URL> {
  const start = new URL(authorizationUrl);
  const browser = new ProviderBrowser(start, cookies);
  const page = await signInPage(browser, start);
  if ('leftFor' in page) return page.leftFor;
  const result = await browser.submit(page, { login: sub });
  if ('leftFor' in result) return result.leftFor;
  throw new Error(`Signing in as ${sub} at the OIDC test provider stopped at ${describePage(result)}`);
}

/** Like signInAtProvider, but the user presses Avbryt: the redirect back carries error=access_denied. */
export async function cancelAtProvider(authorizationUrl: string, cookies = new ProviderCookieJar()): Promise<URL> {
  const start = new URL(authorizationUrl);
  const browser = new ProviderBrowser(start, cookies);
  const page = await signInPage(browser, start);
  if ('leftFor' in page) throw new Error(`The provider signed in without asking (an existing session), sending the browser to ${page.leftFor.href}`);
  const result = await browser.submit(page, { cancel: '1' });
  if ('leftFor' in result) return result.leftFor;
  throw new Error(`Cancelling at the OIDC test provider stopped at ${describePage(result)}`);
}

/**
 * The browser's part of RP-initiated logout: opens the end_session URL, confirms as the provider's
 * self-submitting page does, and returns where the browser ends up: the post_logout_redirect_uri
 * (not requested), or the provider's own signed-out page when none was given.
 */
export async function signOutAtProvider(endSessionUrl: string, cookies = new ProviderCookieJar()): Promise<URL> {
  const start = new URL(endSessionUrl);
  const browser = new ProviderBrowser(start, cookies);
  const page = await browser.open(start);
  if ('leftFor' in page) return page.leftFor;
  if (page.status !== 200) throw new Error(`Signing out at the OIDC test provider stopped at ${describePage(page)}`);
  const result = await browser.submit(page, {});
  if ('leftFor' in result) return result.leftFor;
  if (result.status !== 200) throw new Error(`Signing out at the OIDC test provider stopped at ${describePage(result)}`);
  return result.url;
}
