/// <reference lib="dom" />
// The callbacks given to page.evaluate() run in the browser.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { activate, fillIn, type Input } from './input';
import { SEED_PASSWORD } from './web-stack';

/** Debian's chromium (`apt-get install chromium`); there is no browser download here. */
const CHROMIUM = process.env.TEST_CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Where each page's screenshots go, beside the other test output. */
export const SCREENSHOT_DIR = join(__dirname, '..', '..', '..', 'test-output', 'screenshots');

export const DESKTOP = { width: 1280, height: 800 };
export const TABLET = { width: 768, height: 1024 };

/**
 * Headless chromium. Without the background-networking switches it keeps trying to reach Google's
 * hosts, which this machine's closed network refuses.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/** A fresh browser profile (no cookies) with Swedish settings and the desktop viewport. */
export function newContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({ baseURL, locale: 'sv-SE', timezoneId: 'Europe/Stockholm', viewport: DESKTOP });
}

/** Signs in through the sign-in page, as a person would, and waits for the start page. */
export async function signIn(page: Page, email: string, input: Input = 'mouse', password = SEED_PASSWORD): Promise<void> {
  await page.goto('/logga-in');
  await fillIn(input, page.getByLabel('E-postadress'), email);
  // Exactly: with an identity provider the password form is a region named "Logga in med e-post och lösenord".
  await fillIn(input, page.getByLabel('Lösenord', { exact: true }), password);
  await activate(input, page.getByRole('button', { name: 'Logga in' }));
  await page.waitForURL((url) => url.pathname !== '/logga-in');
}

/** Fails with every WCAG 2.1 A/AA violation axe finds on the page as it is now. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  if (results.violations.length === 0) return;
  const report = results.violations
    .map((violation) => `- ${violation.id} (${violation.impact}): ${violation.help}\n${violation.nodes.map((node) => `    ${node.target.join(' ')}: ${node.failureSummary?.replace(/\n/g, ' ')}`).join('\n')}`)
    .join('\n');
  throw new Error(`axe found ${results.violations.length} WCAG 2.1 A/AA violation(s) on ${label} (${page.url()}):\n${report}`);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** Fails when the page is wider than the window, i.e. must be scrolled sideways. */
async function expectNoSidewaysScroll(page: Page, label: string): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  if (scrollWidth > innerWidth + 1) throw new Error(`${label} is ${scrollWidth}px wide in a ${innerWidth}px window (${page.url()})`);
}

/**
 * Checks a page as it is shown now, at 1280×800 and on a tablet at 768×1024: no axe violation, no
 * sideways scrolling, and a screenshot of each (test-output/screenshots/<name>-desktop.png, -tablet.png).
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  const original = page.viewportSize() ?? DESKTOP;
  for (const [size, viewport] of [['desktop', DESKTOP], ['tablet', TABLET]] as const) {
    await page.setViewportSize(viewport);
    await expectAccessible(page, `${name} (${size})`);
    await expectNoSidewaysScroll(page, `${name} (${size})`);
    await screenshot(page, `${name}-${size}`);
  }
  await page.setViewportSize(original);
}
