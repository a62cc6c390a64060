/// <reference lib="dom" />
// The callbacks given to page.waitForFunction() and $$eval() run in the browser.
import { Page } from 'playwright-core';
import { MailSink } from '../../support/mail-sink';

/** How long a notice may take from finalized to in every inbox: the worker sends one e-mail per recipient. */
const DELIVERY_TIMEOUT_MS = 90_000;

/** With the mouse, or with the keyboard alone: every step can be taken either way. */
export type Input = 'mouse' | 'keyboard';

async function openTab(page: Page, name: string, input: Input): Promise<void> {
  const tab = page.getByRole('tab', { name, exact: true });
  if (input === 'mouse') await tab.click();
  else {
    // Tabs follow focus: the arrow keys move through them (round) and select the one reached.
    const names = (await page.getByRole('tab').allTextContents()).map((text) => text.trim());
    const selected = page.getByRole('tab', { selected: true });
    const steps = (names.indexOf(name) - names.indexOf(((await selected.textContent()) ?? '').trim()) + names.length) % names.length;
    await selected.focus();
    for (let step = 0; step < steps; step += 1) await page.keyboard.press('ArrowRight');
    await page.getByRole('tab', { name, exact: true, selected: true }).waitFor();
  }
  await page.locator('[role="tabpanel"]').getByRole('heading', { level: 2, name, exact: true }).waitFor();
}

/**
 * On the meeting page: opens "Kallelse och utskick", waits — without reloading — until the delivery
 * report shows every recipient as having received the notice, and checks that each of their e-mail
 * addresses got a message in the SMTP server. Returns the recipients' addresses as the report lists them.
 */
export async function expectNoticeDelivered(page: Page, sink: MailSink, expectedRecipientEmails?: string[], input: Input = 'mouse'): Promise<string[]> {
  await openTab(page, 'Kallelse och utskick', input);
  await page.waitForFunction(
    () => {
      const report = document.querySelector('[data-delivery-settled]');
      const rows = [...document.querySelectorAll('[data-delivery-settled] tbody tr[data-status]')];
      return report?.getAttribute('data-delivery-settled') === 'true' && rows.length > 0 && rows.every((row) => row.getAttribute('data-status') === 'sent');
    },
    undefined,
    { timeout: DELIVERY_TIMEOUT_MS, polling: 250 },
  );
  const summary = await page.locator('.notice-delivery-summary').textContent();
  const emails = await page.$$eval('[data-delivery-settled] tbody tr[data-status] .notice-email', (cells) => cells.map((cell) => (cell.textContent ?? '').trim().toLowerCase()));
  if (!summary || !new RegExp(`^${emails.length} av ${emails.length} har tagit emot den\\.$`).test(summary.trim())) {
    throw new Error(`The delivery report says "${summary}" for ${emails.length} recipients`);
  }
  for (const email of expectedRecipientEmails ?? []) {
    if (!emails.includes(email.toLowerCase())) throw new Error(`${email} is not among the notice's recipients: ${emails.join(', ')}`);
  }
  await sink.waitFor((received) => emails.every((email) => received.some((mail) => mail.recipients.includes(email))), 30_000, `the notice to ${emails.join(', ')}`);
  return emails;
}

/**
 * On the meeting page: reports förhinder for a member on "Närvaro" and returns the name of the
 * ersättare the page says is called in to serve for them.
 */
export async function reportAbsence(page: Page, memberName: string, input: Input = 'mouse'): Promise<string> {
  await openTab(page, 'Närvaro', input);
  const select = page.getByRole('button', { name: /Vem har förhinder\?/ });
  const option = page.getByRole('option', { name: new RegExp(`^${memberName}[ ,]`) });
  if (input === 'mouse') {
    await select.click();
    await option.click();
    await page.getByRole('button', { name: 'Anmäl förhinder', exact: true }).click();
  } else {
    for (let step = 0; step < 6 && !(await select.evaluate((element) => element === document.activeElement)); step += 1) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('listbox').waitFor();
    // Type-ahead moves to the first option starting with what is typed; the arrow keys to the next.
    await page.keyboard.type(memberName);
    for (let step = 0; step < 30 && (await option.getAttribute('data-focused')) === null; step += 1) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    // The choice closes the list and returns the focus to the field; only then is the button enabled and reachable by Tab.
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    await page.waitForFunction((name) => document.activeElement?.textContent?.includes(name) ?? false, memberName);
    const submit = page.getByRole('button', { name: 'Anmäl förhinder', exact: true });
    await page.waitForFunction(() => [...document.querySelectorAll('button')].some((button) => button.textContent === 'Anmäl förhinder' && !button.disabled));
    for (let step = 0; step < 4 && !(await submit.evaluate((element) => element === document.activeElement)); step += 1) await page.keyboard.press('Tab');
    if (!(await submit.evaluate((element) => element === document.activeElement))) throw new Error('Tab from the chosen member does not reach "Anmäl förhinder"');
    await page.keyboard.press('Enter');
  }
  const notice = page.getByRole('status').filter({ hasText: `Förhinder anmält för ${memberName}.` });
  await notice.waitFor();
  const text = (await notice.textContent()) ?? '';
  const called = / ([^.]+) är inkallad som tjänstgörande ersättare/.exec(text);
  if (!called) throw new Error(`No substitute was called in for ${memberName}: "${text}"`);
  const row = page.locator('.attendance-members tbody tr', { has: page.getByRole('rowheader', { name: new RegExp(`^${memberName}`) }) });
  const serving = (await row.locator('td').nth(2).textContent()) ?? '';
  if (!serving.startsWith(called[1])) throw new Error(`The members table shows "${serving}" serving for ${memberName}, the notice said ${called[1]}`);
  return called[1];
}
