import type { Page } from 'playwright-core';

/** The diarium page with its list shown. */
export async function openDiarium(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Diarium' }).click();
  await page.waitForURL('**/diarium');
  await page.locator('[data-ready="true"]').waitFor();
}

/** Searches the diarium in Swedish, as typed in the search field, and waits for the answer. */
export async function searchMatters(page: Page, words: string): Promise<void> {
  await page.getByRole('searchbox', { name: 'Sök' }).fill(words);
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  await page.waitForURL((url) => url.searchParams.get('q') === words);
  await page.locator('[data-ready="true"]').waitFor();
}

/** Opens a matter from the list by its case number, and waits for its page. */
export async function openMatter(page: Page, caseNumber: string): Promise<void> {
  await page.getByRole('link', { name: caseNumber, exact: true }).click();
  await page.waitForURL('**/arenden/*');
  await page.getByRole('heading', { level: 1, name: new RegExp(`^${caseNumber.replace(/[/.]/g, '\\$&')} `) }).waitFor();
}

/** Registers a matter in the secretary's registry through the dialog; the matter's page opens with its new case number, which is returned. */
export async function registerMatter(page: Page, title: string): Promise<string> {
  await page.getByRole('button', { name: 'Registrera ärende' }).click();
  const dialog = page.getByRole('dialog', { name: 'Registrera ärende' });
  await dialog.getByRole('textbox', { name: 'Rubrik' }).fill(title);
  await dialog.getByRole('button', { name: 'Registrera', exact: true }).click();
  await page.waitForURL('**/arenden/*');
  const notice = page.getByRole('status').filter({ hasText: 'Ärendet registrerades med diarienummer' });
  const text = (await notice.textContent()) ?? '';
  const caseNumber = /diarienummer (.+)\.$/.exec(text.trim())?.[1];
  if (!caseNumber) throw new Error(`No case number announced: "${text}"`);
  return caseNumber;
}
