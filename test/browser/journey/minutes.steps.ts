/// <reference lib="dom" />
// The callbacks given to evaluate() run in the browser.
import type { Locator, Page } from 'playwright-core';
import { activate, fillIn, selectOption, selectTab, tabTo, type Input } from '../support/input';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The editor of the § shown on the minutes page. */
export function paragraphEditor(page: Page): Locator {
  return page.getByRole('tabpanel');
}

/** Opens the § with this title from the list of paragraphs. */
export async function openParagraph(page: Page, title: string, input: Input = 'mouse'): Promise<Locator> {
  await selectTab(input, page.getByRole('tablist', { name: 'Paragrafer' }), page.getByRole('tab', { name: new RegExp(escape(title)) }));
  const editor = paragraphEditor(page);
  await editor.getByRole('heading', { level: 3, name: new RegExp(escape(title)) }).waitFor();
  return editor;
}

const BALLOT_WORDS: Record<string, string> = { yes: 'Ja', no: 'Nej', abstain: 'Avstår' };

/** A radio group's name: the text of the element that labels it. */
function groupName(group: Locator): Promise<string> {
  return group.evaluate((element) => (element.getAttribute('aria-labelledby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim());
}

/** Chooses an option of a labelled select (a member, a kind of motion). */
export async function choose(page: Page, scope: Locator, label: string, option: string, input: Input = 'mouse'): Promise<void> {
  await selectOption(input, scope.getByRole('button', { name: new RegExp(escape(label)) }), new RegExp(escape(option)));
}

/**
 * On the minutes page, records one paragraph through the UI as the secretary does during the meeting:
 * the member's motion (an ändringsyrkande with its wording), the chair's proposition (the proposal
 * against the motion, the proposal found to win), a recorded vote entered member by member (Ja for the
 * proposal; serving members not named abstain) — with the keyboard, J, N or A on each member in turn —,
 * the decision text, the decision, and a reservation.
 */
export async function recordParagraph(
  page: Page,
  opts: { paragraphTitle: string; motion: { member: string; text: string }; vote: { yes: string[]; no: string[]; abstain?: string[] }; decision: string; dissent: { member: string } },
  input: Input = 'mouse',
): Promise<void> {
  const editor = await openParagraph(page, opts.paragraphTitle, input);

  await choose(page, editor, 'Yrkande av', opts.motion.member, input);
  await choose(page, editor, 'Slag av yrkande', 'Ändringsyrkande', input);
  await fillIn(input, editor.getByLabel('Yrkandets lydelse eller motivering'), opts.motion.text);
  await activate(input, editor.getByRole('button', { name: 'Lägg till yrkande' }));
  await editor.getByRole('listitem').filter({ hasText: opts.motion.text }).waitFor();

  await activate(input, editor.getByRole('button', { name: 'Ställ proposition' }));
  await activate(input, editor.getByRole('button', { name: 'Begär votering' }));
  const ballots = editor.locator('.ballots');
  await ballots.waitFor();
  const choiceOf = (name: string): 'Ja' | 'Nej' | 'Avstår' => (opts.vote.yes.some((voter) => name.startsWith(voter)) ? 'Ja' : opts.vote.no.some((voter) => name.startsWith(voter)) ? 'Nej' : 'Avstår');
  if (input === 'mouse') {
    for (const group of await ballots.getByRole('radiogroup').all()) {
      await group.getByText(choiceOf(await groupName(group)), { exact: true }).click();
    }
  } else {
    // J, N or A chooses for the member in focus and moves on to the next, as the page's hint says.
    const groups = await ballots.getByRole('radiogroup').all();
    await tabTo(groups[0]);
    for (const group of groups) {
      const name = await groupName(group);
      await page.keyboard.press({ Ja: 'j', Nej: 'n', Avstår: 'a' }[choiceOf(name)]);
    }
  }
  for (const group of await ballots.getByRole('radiogroup').all()) {
    const name = await groupName(group);
    const checked = BALLOT_WORDS[(await group.getByRole('radio', { checked: true }).getAttribute('value')) ?? ''] ?? 'inget';
    if (checked !== choiceOf(name)) throw new Error(`${name} is recorded as voting "${checked}", not "${choiceOf(name)}"`);
  }
  await activate(input, editor.getByRole('button', { name: 'Räkna rösterna' }));
  await editor.getByText('Votering begärs.').waitFor();

  await fillIn(input, editor.getByLabel('Beslutstext'), opts.decision);
  await editor.getByRole('status').filter({ hasText: /^Sparat$/ }).waitFor();
  await activate(input, editor.getByRole('button', { name: 'Fatta beslut' }));
  await editor.getByRole('button', { name: 'Öppna paragrafen igen' }).waitFor();

  await choose(page, editor, 'Reservation av', opts.dissent.member, input);
  await activate(input, editor.getByRole('button', { name: 'Anmäl reservation' }));
  await editor.getByText(`${opts.dissent.member} reserverar sig mot beslutet.`).waitFor();
}

/**
 * Decides every § not yet decided: as proposed ("Fatta beslut" with no text of its own), or, where the §
 * has no proposal (Val av justerare, Anmälan av extra ärenden), with the text given for its title.
 */
export async function decideRemaining(page: Page, textsWithoutProposal: Record<string, string>, input: Input = 'mouse'): Promise<void> {
  const tablist = page.getByRole('tablist', { name: 'Paragrafer' });
  const undecided = tablist.getByRole('tab').filter({ hasNotText: ', beslutad' });
  while ((await undecided.count()) > 0) {
    const label = (await undecided.first().textContent()) ?? '';
    await selectTab(input, tablist, tablist.getByRole('tab', { name: label.trim(), exact: true }));
    const editor = paragraphEditor(page);
    await editor.getByRole('heading', { level: 3, name: label.trim() }).waitFor();
    const own = Object.entries(textsWithoutProposal).find(([candidate]) => label.includes(candidate));
    // "Fatta beslut" sends the text as it stands, saved or not.
    if (own) await fillIn(input, editor.getByLabel('Beslutstext'), own[1]);
    await activate(input, editor.getByRole('button', { name: 'Fatta beslut' }));
    const reopen = editor.getByRole('button', { name: 'Öppna paragrafen igen' });
    const refused = editor.locator('[aria-invalid="true"], [role="alert"]');
    await reopen.or(refused).first().waitFor();
    if (!(await reopen.isVisible())) throw new Error(`The decision on "${label}" was refused: ${(await editor.locator('.react-aria-FieldError, [role="alert"]').allTextContents()).join(' ')}`);
  }
}
