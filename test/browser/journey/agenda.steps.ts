/// <reference lib="dom" />
// The journey's agenda steps: on the meeting page's Föredragningslista tab, through the UI alone.
import { Page } from 'playwright-core';

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The agenda's item titles in the order shown. */
export async function agendaTitles(page: Page): Promise<string[]> {
  return page.locator('.agenda-list .agenda-title').allTextContents();
}

/** The row of the agenda item with exactly this title. */
export function agendaRow(page: Page, title: string) {
  return page.getByRole('row').filter({ has: page.locator('.agenda-title', { hasText: new RegExp(`^${escaped(title)}$`) }) });
}

async function waitForAgenda(page: Page): Promise<void> {
  await page.locator('[data-ready="true"] [data-agenda-ready="true"]').waitFor();
}

/** Puts each matter on the agenda by typing its case number in "Lägg till ärende" and choosing it among the matters found. */
export async function addMattersToAgenda(page: Page, caseNumbers: string[]): Promise<void> {
  await waitForAgenda(page);
  for (const caseNumber of caseNumbers) {
    const field = page.getByRole('searchbox', { name: 'Lägg till ärende' });
    await field.fill(caseNumber);
    await page.getByRole('option', { name: new RegExp(`^${escaped(caseNumber)} `) }).click();
    await page.locator('.agenda-list .agenda-case-number', { hasText: new RegExp(`^${escaped(caseNumber)}$`) }).waitFor();
  }
}

/** Moves an item one step with the keyboard alone (Alt+arrow on the focused item), and checks after a reload that the order was saved. */
export async function moveAgendaItemWithKeyboard(page: Page, title: string, direction: 'up' | 'down'): Promise<void> {
  await waitForAgenda(page);
  const before = await agendaTitles(page);
  const from = before.indexOf(title);
  if (from < 0) throw new Error(`"${title}" is not on the agenda: ${before.join(' | ')}`);
  const to = direction === 'up' ? from - 1 : from + 1;
  await agendaRow(page, title).focus();
  await page.keyboard.press(direction === 'up' ? 'Alt+ArrowUp' : 'Alt+ArrowDown');
  await page.getByRole('status').filter({ hasText: `${title} är nu punkt ${to + 1} av ${before.length}.` }).waitFor();
  await page.reload();
  await waitForAgenda(page);
  const after = await agendaTitles(page);
  const expected = [...before];
  expected.splice(from, 1);
  expected.splice(to, 0, title);
  if (after.join(' | ') !== expected.join(' | ')) throw new Error(`After moving "${title}" ${direction} the agenda reads ${after.join(' | ')}, not ${expected.join(' | ')}`);
}

/** Finalizes the notice in the confirmation dialog; late when the dialog said the deadline had passed, as the tab then shows. */
export async function finalizeNotice(page: Page): Promise<{ late: boolean }> {
  await waitForAgenda(page);
  await page.getByRole('button', { name: 'Fastställ kallelsen', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Fastställ kallelsen' });
  await dialog.getByText('Enligt nämndens regler').waitFor();
  const late = (await dialog.getByText('Den tiden har passerat.').count()) > 0;
  await dialog.getByRole('button', { name: 'Fastställ kallelsen', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  const state = page.locator('#agenda-notice-state');
  await state.filter({ hasText: /Kallelse version \d+, fastställd/ }).waitFor();
  const flagged = (await state.getByText('Skickad för sent').count()) > 0;
  if (flagged !== late) throw new Error(`The dialog said ${late ? 'late' : 'on time'} but the tab shows ${flagged ? 'late' : 'on time'}`);
  return { late };
}
