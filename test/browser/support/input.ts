/// <reference lib="dom" />
// The callbacks given to evaluate() run in the browser.
import type { Locator, Page } from 'playwright-core';

/** With the mouse, or with the keyboard alone: every step of the journeys can be taken either way. */
export type Input = 'mouse' | 'keyboard';

/** More than any page has between two controls a journey uses one after the other. */
const MAX_TABS = 120;

async function hasFocus(target: Locator): Promise<boolean> {
  return target.evaluate((element) => element === document.activeElement || element.contains(document.activeElement));
}

/**
 * Moves the focus to `target` with Tab alone, as a keyboard user does, and fails when Tab never gets
 * there: a control Tab cannot reach cannot be used without a mouse.
 */
export async function tabTo(target: Locator): Promise<void> {
  await target.waitFor();
  const page = target.page();
  for (let step = 0; step < MAX_TABS; step += 1) {
    if (await hasFocus(target)) return;
    await page.keyboard.press('Tab');
  }
  if (await hasFocus(target)) return;
  const focused = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200) ?? 'nothing');
  throw new Error(`${MAX_TABS} presses of Tab do not reach ${target}; the focus is on ${focused}`);
}

/** Clicks, or reaches the control with Tab and presses Enter (a button, a link) or Space (a checkbox). */
export async function activate(input: Input, target: Locator, key: 'Enter' | 'Space' = 'Enter'): Promise<void> {
  if (input === 'mouse') return target.click();
  await tabTo(target);
  await target.page().keyboard.press(key);
}

/** Fills a text field, or reaches it with Tab, selects what is in it and types over it. */
export async function fillIn(input: Input, field: Locator, text: string): Promise<void> {
  if (input === 'mouse') return field.fill(text);
  await tabTo(field);
  const keyboard = field.page().keyboard;
  await keyboard.press('ControlOrMeta+A');
  await keyboard.press('Backspace');
  await keyboard.type(text);
}

/**
 * Chooses an option of a react-aria Select (its button opens a listbox): by the mouse, or by Enter on the
 * button, type-ahead and the arrow keys to the option, and Enter; the focus returns to the button.
 */
export async function selectOption(input: Input, select: Locator, option: RegExp): Promise<void> {
  const page = select.page();
  const choice = page.getByRole('option', { name: option });
  if (input === 'mouse') {
    await select.click();
    await choice.click();
  } else {
    await tabTo(select);
    await page.keyboard.press('Enter');
    await page.getByRole('listbox').waitFor();
    for (let step = 0; step < 60 && (await choice.getAttribute('data-focused')) === null; step += 1) await page.keyboard.press('ArrowDown');
    if ((await choice.getAttribute('data-focused')) === null) throw new Error(`The arrow keys do not reach the option ${option} of ${select}`);
    await page.keyboard.press('Enter');
  }
  await page.getByRole('listbox').waitFor({ state: 'detached' });
}

/**
 * Chooses an option of a react-aria ComboBox (a search field whose matches open as a listbox) after
 * typing `text` in it: by clicking the option, or by ArrowDown to it and Enter.
 */
export async function searchAndChoose(input: Input, field: Locator, text: string, option: RegExp): Promise<void> {
  const page = field.page();
  await fillIn(input, field, text);
  const choice = page.getByRole('option', { name: option });
  await choice.waitFor();
  if (input === 'mouse') return choice.click();
  for (let step = 0; step < 30 && (await choice.getAttribute('data-focused')) === null; step += 1) await page.keyboard.press('ArrowDown');
  if ((await choice.getAttribute('data-focused')) === null) throw new Error(`The arrow keys do not reach the match ${option} of ${field}`);
  await page.keyboard.press('Enter');
}

/**
 * Selects a tab of a tablist whose tabs follow the focus: a click, or the arrow keys from the selected
 * tab (round; down and up when the list stands vertically).
 */
export async function selectTab(input: Input, tablist: Locator, tab: Locator): Promise<void> {
  if (input === 'mouse') return tab.click();
  const page = tablist.page();
  const vertical = (await tablist.getAttribute('aria-orientation')) === 'vertical';
  const selected = tablist.getByRole('tab', { selected: true });
  await tabTo(selected);
  const count = await tablist.getByRole('tab').count();
  for (let step = 0; step < count && !(await hasFocus(tab)); step += 1) await page.keyboard.press(vertical ? 'ArrowDown' : 'ArrowRight');
  if (!(await hasFocus(tab))) throw new Error(`The arrow keys do not reach ${tab}`);
  // The focused tab is selected, once the page has followed (some pages keep the tab in the address).
  await page.waitForFunction((element) => element?.getAttribute('aria-selected') === 'true', await tab.elementHandle());
}
