import type { Page } from 'playwright-core';

/**
 * The start page lists, under the organ's heading, a link to the meeting whose text holds its date
 * as Swedes write it ("onsdag 7 januari 2027 kl. 14:00"); `dateText` is a part of it, e.g. "7 januari 2027".
 */
export async function expectStartShowsMeeting(page: Page, opts: { organ: string; dateText: string }): Promise<void> {
  await page.goto('/');
  await page.locator('[data-ready="true"]').waitFor();
  const organ = page.getByRole('region', { name: opts.organ, exact: true });
  const meetings = organ.getByRole('region', { name: 'Kommande sammanträden' });
  await meetings.getByRole('link', { name: opts.dateText }).first().waitFor();
}

/** The Anslagstavla page shows, among the postings up now, one whose row holds `text` (the organ, "Protokoll 11 januari 2023"…). */
export async function expectPostingOnBoard(page: Page, opts: { text: string }): Promise<void> {
  await page.goto('/anslag');
  await page.locator('[data-ready="true"]').waitFor();
  const up = page.getByRole('region', { name: 'Uppe nu' });
  await up.getByRole('row').filter({ hasText: opts.text }).first().waitFor();
}
