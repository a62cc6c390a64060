/// <reference lib="dom" />
// The callbacks given to page.waitForFunction() and $$eval() run in the browser.
import { Page } from 'playwright-core';
import { MailSink } from '../../support/mail-sink';
import { activate, selectOption, selectTab, type Input } from '../support/input';

/** How long a notice may take from finalized to in every inbox: the worker sends one e-mail per recipient. */
const DELIVERY_TIMEOUT_MS = 90_000;

/** Opens a tab of the meeting page and waits for its panel. */
export async function openMeetingTab(page: Page, name: string, input: Input): Promise<void> {
  await selectTab(input, page.getByRole('tablist').first(), page.getByRole('tab', { name, exact: true }));
  await page.locator('[role="tabpanel"]').getByRole('heading', { level: 2, name, exact: true }).waitFor();
}

/**
 * On the meeting page: opens "Kallelse och utskick", waits — without reloading — until the delivery
 * report shows every recipient as having received the notice, and checks that each of their e-mail
 * addresses got a message in the SMTP server. Returns the recipients' addresses as the report lists them.
 */
export async function expectNoticeDelivered(page: Page, sink: MailSink, expectedRecipientEmails?: string[], input: Input = 'mouse'): Promise<string[]> {
  await openMeetingTab(page, 'Kallelse och utskick', input);
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
  await openMeetingTab(page, 'Närvaro', input);
  await selectOption(input, page.getByRole('button', { name: /Vem har förhinder\?/ }), new RegExp(`^${memberName}[ ,]`));
  // The choice enables the button; from the field, Tab reaches it.
  const submit = page.getByRole('button', { name: 'Anmäl förhinder', exact: true });
  await page.waitForFunction(() => [...document.querySelectorAll('button')].some((button) => button.textContent === 'Anmäl förhinder' && !button.disabled));
  await activate(input, submit);
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
