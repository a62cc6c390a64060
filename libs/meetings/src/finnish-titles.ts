import { InvalidInputError } from '@namndrum/core';
import { Organ } from '@namndrum/organisation';
import { EntityManager } from 'typeorm';
import { AgendaItem } from './entities';

/** A Finnish title only where the organ works in Finnish too (lag 2009:724): elsewhere no document would ever show it. */
export function checkedFinnishTitle(organ: Organ, titleFi: string | null): string | null {
  if (titleFi !== null && !organ.rules.languages.includes('fi')) {
    throw new InvalidInputError('ORGAN_WITHOUT_FINNISH', `${organ.name} använder inte finska; en finsk rubrik kan inte anges`, [
      { field: 'titleFi', messages: ['the organ does not have Finnish among its languages'] },
    ]);
  }
  return titleFi;
}

/**
 * The Finnish titles of agenda items as documents, e-mails and public pages may show them, by item id: a secret matter's
 * title is masked wherever it goes, and its Finnish title, a translation of it, goes nowhere.
 */
export async function shownFinnishTitles(em: EntityManager, items: Pick<AgendaItem, 'id' | 'matterId' | 'titleFi'>[]): Promise<Map<string, string>> {
  const titled = items.filter((item): item is typeof item & { titleFi: string } => item.titleFi !== null);
  const matterIds = titled.map((item) => item.matterId).filter((id): id is string => id !== null);
  const rows: { id: string }[] = matterIds.length === 0 ? [] : await em.query(`SELECT id FROM matters WHERE id = ANY($1) AND secret`, [matterIds]);
  const secret = new Set(rows.map((row) => row.id));
  return new Map(titled.filter((item) => item.matterId === null || !secret.has(item.matterId)).map((item) => [item.id, item.titleFi]));
}
