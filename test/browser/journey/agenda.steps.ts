/// <reference lib="dom" />
// The journey's agenda steps: on the meeting page's Föredragningslista tab, through the UI alone.
import { Page } from 'playwright-core';
import { activate, searchAndChoose, tabTo, type Input } from '../support/input';

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
export async function addMattersToAgenda(page: Page, caseNumbers: string[], input: Input = 'mouse'): Promise<void> {
  await waitForAgenda(page);
  for (const caseNumber of caseNumbers) {
    const field = page.getByRole('searchbox', { name: 'Lägg till ärende' });
    await searchAndChoose(input, field, caseNumber, new RegExp(`^${escaped(caseNumber)} `));
    await page.locator('.agenda-list .agenda-case-number', { hasText: new RegExp(`^${escaped(caseNumber)}$`) }).waitFor();
  }
}

/**
 * Moves an item one step with the keyboard (Alt+arrow on the focused item), and checks after a reload
 * that the order was saved. With `input` keyboard the item is reached by Tab and the arrow keys too.
 */
export async function moveAgendaItemWithKeyboard(page: Page, title: string, direction: 'up' | 'down', input: Input = 'mouse'): Promise<void> {
  await waitForAgenda(page);
  const before = await agendaTitles(page);
  const from = before.indexOf(title);
  if (from < 0) throw new Error(`"${title}" is not on the agenda: ${before.join(' | ')}`);
  const to = direction === 'up' ? from - 1 : from + 1;
  const row = agendaRow(page, title);
  if (input === 'mouse') await row.focus();
  else {
    // The list is one Tab stop; the arrow keys move between its items.
    await tabTo(page.locator('.agenda-list [role="row"][tabindex="0"]'));
    const focused = () => row.evaluate((element) => element === document.activeElement);
    for (let step = 0; step < before.length && !(await focused()); step += 1) await page.keyboard.press('ArrowDown');
    if (!(await focused())) throw new Error(`ArrowDown does not reach the agenda item "${title}"`);
  }
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
export async function finalizeNotice(page: Page, input: Input = 'mouse'): Promise<{ late: boolean }> {
  await waitForAgenda(page);
  await activate(input, page.getByRole('button', { name: 'Fastställ kallelsen', exact: true }));
  const dialog = page.getByRole('dialog', { name: 'Fastställ kallelsen' });
  await dialog.getByText('Enligt nämndens regler').waitFor();
  const late = (await dialog.getByText('Den tiden har passerat.').count()) > 0;
  await activate(input, dialog.getByRole('button', { name: 'Fastställ kallelsen', exact: true }));
  await dialog.waitFor({ state: 'detached' });
  const state = page.locator('#agenda-notice-state');
  await state.filter({ hasText: /Kallelse version \d+, fastställd/ }).waitFor();
  const flagged = (await state.getByText('Skickad för sent').count()) > 0;
  if (flagged !== late) throw new Error(`The dialog said ${late ? 'late' : 'on time'} but the tab shows ${flagged ? 'late' : 'on time'}`);
  return { late };
}
