import type { Locator, Page } from 'playwright-core';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The editor of the § shown on the minutes page. */
export function paragraphEditor(page: Page): Locator {
  return page.getByRole('tabpanel');
}

/** Opens the § with this title from the list of paragraphs. */
export async function openParagraph(page: Page, title: string): Promise<Locator> {
  await page.getByRole('tab', { name: new RegExp(escape(title)) }).click();
  const editor = paragraphEditor(page);
  await editor.getByRole('heading', { level: 3, name: new RegExp(escape(title)) }).waitFor();
  return editor;
}

/** Chooses an option of a labelled select (a member, a kind of motion). */
export async function choose(page: Page, scope: Locator, label: string, option: string): Promise<void> {
  await scope.getByRole('button', { name: new RegExp(escape(label)) }).click();
  await page.getByRole('option', { name: new RegExp(escape(option)) }).click();
}

/**
 * On the minutes page, records one paragraph through the UI as the secretary does during the meeting:
 * the member's motion (an ändringsyrkande with its wording), the chair's proposition (the proposal
 * against the motion, the proposal found to win), a recorded vote entered member by member (Ja for the
 * proposal; serving members not named abstain), the decision text, the decision, and a reservation.
 */
export async function recordParagraph(
  page: Page,
  opts: { paragraphTitle: string; motion: { member: string; text: string }; vote: { yes: string[]; no: string[]; abstain?: string[] }; decision: string; dissent: { member: string } },
): Promise<void> {
  const editor = await openParagraph(page, opts.paragraphTitle);

  await choose(page, editor, 'Yrkande av', opts.motion.member);
  await choose(page, editor, 'Slag av yrkande', 'Ändringsyrkande');
  await editor.getByLabel('Yrkandets lydelse eller motivering').fill(opts.motion.text);
  await editor.getByRole('button', { name: 'Lägg till yrkande' }).click();
  await editor.getByRole('listitem').filter({ hasText: opts.motion.text }).waitFor();

  await editor.getByRole('button', { name: 'Ställ proposition' }).click();
  await editor.getByRole('button', { name: 'Begär votering' }).click();
  const ballots = editor.locator('.ballots');
  await ballots.waitFor();
  const cast = async (names: string[], choice: 'Ja' | 'Nej' | 'Avstår') => {
    for (const name of names) await ballots.getByRole('radiogroup', { name: new RegExp(escape(name)) }).getByText(choice, { exact: true }).click();
  };
  await cast(opts.vote.yes, 'Ja');
  await cast(opts.vote.no, 'Nej');
  await cast(opts.vote.abstain ?? [], 'Avstår');
  for (const group of await ballots.getByRole('radiogroup').all()) {
    if ((await group.getByRole('radio', { checked: true }).count()) === 0) await group.getByText('Avstår', { exact: true }).click();
  }
  await editor.getByRole('button', { name: 'Räkna rösterna' }).click();
  await editor.getByText('Votering begärs.').waitFor();

  await editor.getByLabel('Beslutstext').fill(opts.decision);
  await editor.getByRole('status').filter({ hasText: /^Sparat$/ }).waitFor();
  await editor.getByRole('button', { name: 'Fatta beslut' }).click();
  await editor.getByRole('button', { name: 'Öppna paragrafen igen' }).waitFor();

  await choose(page, editor, 'Reservation av', opts.dissent.member);
  await editor.getByRole('button', { name: 'Anmäl reservation' }).click();
  await editor.getByText(`${opts.dissent.member} reserverar sig mot beslutet.`).waitFor();
}

/**
 * Decides every § not yet decided: as proposed ("Fatta beslut" with no text of its own), or, where the §
 * has no proposal (Val av justerare, Anmälan av extra ärenden), with the text given for its title.
 */
export async function decideRemaining(page: Page, textsWithoutProposal: Record<string, string>): Promise<void> {
  const undecided = page.getByRole('tablist', { name: 'Paragrafer' }).getByRole('tab').filter({ hasNotText: ', beslutad' });
  while ((await undecided.count()) > 0) {
    const tab = undecided.first();
    const label = (await tab.textContent()) ?? '';
    await tab.click();
    const editor = paragraphEditor(page);
    await editor.getByRole('heading', { level: 3, name: label.trim() }).waitFor();
    const own = Object.entries(textsWithoutProposal).find(([candidate]) => label.includes(candidate));
    // "Fatta beslut" sends the text as it stands, saved or not.
    if (own) await editor.getByLabel('Beslutstext').fill(own[1]);
    await editor.getByRole('button', { name: 'Fatta beslut' }).click();
    const reopen = editor.getByRole('button', { name: 'Öppna paragrafen igen' });
    const refused = editor.locator('[aria-invalid="true"], [role="alert"]');
    await reopen.or(refused).first().waitFor();
    if (!(await reopen.isVisible())) throw new Error(`The decision on "${label}" was refused: ${(await editor.locator('.react-aria-FieldError, [role="alert"]').allTextContents()).join(' ')}`);
  }
}
