import { InvalidInputError } from '@namndrum/core';
import { Organ } from '@namndrum/organisation';

/** A Finnish title only where the organ works in Finnish too (lag 2009:724): elsewhere no document would ever show it. */
export function checkedFinnishTitle(organ: Organ, titleFi: string | null): string | null {
  if (titleFi !== null && !organ.rules.languages.includes('fi')) {
    throw new InvalidInputError('ORGAN_WITHOUT_FINNISH', `${organ.name} använder inte finska; en finsk rubrik kan inte anges`, [
      { field: 'titleFi', messages: ['the organ does not have Finnish among its languages'] },
    ]);
  }
  return titleFi;
}
