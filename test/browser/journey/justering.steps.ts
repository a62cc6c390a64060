import { Browser, Page } from 'playwright-core';
import { checkPage, newContext } from '../support/browser';
import { activate, fillIn, type Input } from '../support/input';
import { segmentField, typeInto } from './plan.steps';
import { SEED_PASSWORD } from '../support/web-stack';

/** Waits until the page's own data is shown (the Page component's data-ready). */
async function ready(page: Page): Promise<void> {
  await page.locator('[data-ready="true"]').waitFor();
}

/** On the minutes page: marks the meeting held if it is not yet, and opens the minutes; ends with the minutes shown. */
export async function markHeldAndOpenMinutes(page: Page, meetingId: string, input: Input = 'mouse'): Promise<void> {
  await page.goto(`/moten/${meetingId}/protokoll`);
  await ready(page);
  const markHeld = page.getByRole('button', { name: 'Markera sammanträdet som hållet' });
  if (await markHeld.isVisible()) {
    await activate(input, markHeld);
    await page.getByRole('status').filter({ hasText: 'Sammanträdet är markerat som hållet' }).waitFor();
  }
  await activate(input, page.getByRole('button', { name: 'Upprätta protokoll' }));
  await page.getByRole('heading', { level: 2, name: 'Närvaro' }).waitFor();
  await ready(page);
}

/** On the open minutes page: chooses the verifiers (by name), the place and time of justering, saves, and sends for justering. */
export async function sendForJustering(page: Page, opts: { verifiers: string[]; place: string; at: string /* YYYY-MM-DD HH:mm */ }, input: Input = 'mouse'): Promise<void> {
  const [date, time] = opts.at.split(' ');
  const group = page.getByRole('group', { name: 'Justerare' });
  for (const name of opts.verifiers) {
    const checkbox = group.getByRole('checkbox', { name: new RegExp(`^${name}`) });
    if (await checkbox.isChecked()) continue;
    if (input === 'mouse') await group.locator('label', { hasText: name }).click();
    else await activate(input, checkbox, 'Space');
    if (!(await checkbox.isChecked())) throw new Error(`${name} is not chosen as verifier`);
  }
  await fillIn(input, page.getByLabel('Plats för justering'), opts.place);
  await typeInto(segmentField(page, 'Datum för justering'), date, input);
  await typeInto(segmentField(page, 'Klockslag'), time, input);
  await activate(input, page.getByRole('button', { name: 'Spara justerare, plats och tid' }));
  await page.getByRole('status').filter({ hasText: 'Justerare, plats och tid är sparade' }).waitFor();
  await activate(input, page.getByRole('button', { name: 'Skicka för justering' }));
  await page.getByRole('status').filter({ hasText: 'Protokollet är skickat för justering' }).waitFor();
}

/** A fresh browser profile signs in on the public justering page as the chair or a verifier and approves the minutes as shown. */
export async function approveOnJusteringPage(browser: Browser, baseUrl: string, minutesId: string, email: string, input: Input = 'mouse'): Promise<void> {
  const context = await newContext(browser, baseUrl);
  try {
    const page = await context.newPage();
    // The justering page is the app's one page a chair may open from an e-mail: axe and both sizes at each of its states.
    const name = `justering-${email.split('@')[0]}`;
    await page.goto(`/protokoll/${minutesId}/justering`);
    await checkPage(page, `${name}-inloggning`);
    await fillIn(input, page.getByLabel('E-postadress'), email);
    await fillIn(input, page.getByLabel('Lösenord'), SEED_PASSWORD);
    await activate(input, page.getByRole('button', { name: 'Logga in' }));
    await page.getByRole('button', { name: 'Jag justerar protokollet i denna lydelse' }).waitFor();
    await checkPage(page, `${name}-protokollet`);
    await activate(input, page.getByRole('button', { name: 'Jag justerar protokollet i denna lydelse' }));
    await page.getByRole('button', { name: 'Jag justerar protokollet i denna lydelse' }).waitFor({ state: 'hidden' });
    await page.locator('#approvers li', { hasText: 'har justerat' }).first().waitFor();
    await checkPage(page, `${name}-justerat`);
  } finally {
    await context.close();
  }
}

/** The minutes page shows the minutes locked and their posting on the notice board. */
export async function expectPosted(page: Page, meetingId: string): Promise<void> {
  await page.goto(`/moten/${meetingId}/protokoll`);
  await ready(page);
  await page.getByText(/Protokollet justerades .* och kan inte längre ändras/).waitFor();
  await page.getByRole('table', { name: 'Anslag om justeringen' }).getByRole('row').nth(1).waitFor();
}
