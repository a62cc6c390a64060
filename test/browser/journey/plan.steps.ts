import type { Locator, Page } from 'playwright-core';
import { activate, fillIn, selectOption, tabTo, type Input } from '../support/input';

export interface PlannedMeeting {
  /** The organ's short name, as in the organ list: 'SUN'. */
  organ: string;
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM */
  start: string;
  end: string;
  place: string;
}

const MEETING_PAGE = /\/moten\/([0-9a-f-]{36})$/;

/** Waits until the page shows its own data (Page's data-ready), not only its heading. */
export async function pageReady(page: Page): Promise<void> {
  await page.locator('[data-ready="true"]').waitFor();
}

/** A date or time field (react-aria's segments, e.g. year–month–day) by its label. */
export function segmentField(scope: Page | Locator, label: string): Locator {
  return scope.getByRole('group', { name: label, exact: true });
}

/** Types "2027-03-10" or "14:00" into a segmented field from its first segment; each segment moves on when full. */
export async function typeInto(field: Locator, value: string, input: Input = 'mouse'): Promise<void> {
  const first = field.getByRole('spinbutton').first();
  if (input === 'mouse') await first.click();
  else await tabTo(first);
  await field.page().keyboard.type(value.replace(/\D/g, ''));
}

/** Opens the year's Sammanträdesplan and chooses the organ in its Select, unless it is already the one shown. */
export async function openMeetingPlan(page: Page, organ: string, year: string, input: Input = 'mouse'): Promise<void> {
  await page.goto(`/sammantradesplan?ar=${year}`);
  await pageReady(page);
  const select = page.getByRole('button', { name: /Organ$/ });
  if ((await select.textContent())?.includes(`(${organ})`)) return;
  await selectOption(input, select, new RegExp(`\\(${organ}\\)$`));
  await page.waitForURL((url) => url.searchParams.has('organ'));
  await pageReady(page);
}

/**
 * Plans one meeting from the Sammanträdesplan through the "Planera sammanträde" dialog, as the secretary
 * does, and ends on the new meeting's page; returns the meeting's id.
 */
export async function planMeeting(page: Page, meeting: PlannedMeeting, input: Input = 'mouse'): Promise<string> {
  await openMeetingPlan(page, meeting.organ, meeting.date.slice(0, 4), input);
  await activate(input, page.getByRole('button', { name: 'Planera sammanträde' }));
  const dialog = page.getByRole('dialog', { name: 'Planera sammanträde' });
  await typeInto(segmentField(dialog, 'Datum'), meeting.date, input);
  await typeInto(segmentField(dialog, 'Starttid'), meeting.start, input);
  await typeInto(segmentField(dialog, 'Sluttid'), meeting.end, input);
  await fillIn(input, dialog.getByLabel('Plats'), meeting.place);
  await activate(input, dialog.getByRole('button', { name: 'Planera', exact: true }));
  await page.waitForURL(MEETING_PAGE);
  await pageReady(page);
  return MEETING_PAGE.exec(new URL(page.url()).pathname)![1];
}
