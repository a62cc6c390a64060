import { InvalidInputError } from '@namndrum/core';
import { Organ } from '@namndrum/organisation';
import { checkedFinnishTitle } from './finnish-titles';

const organ = (languages: ('sv' | 'fi')[]) => ({ name: 'Råd för finskt förvaltningsområde', rules: { languages } }) as unknown as Organ;

describe('checkedFinnishTitle', () => {
  it('takes a Finnish title for an organ with Finnish among its languages', () => {
    expect(checkedFinnishTitle(organ(['sv', 'fi']), 'Pöytäkirjantarkastajan valinta')).toBe('Pöytäkirjantarkastajan valinta');
  });

  it('refuses a Finnish title for an organ in Swedish only, naming the field', () => {
    expect(() => checkedFinnishTitle(organ(['sv']), 'Pöytäkirjantarkastajan valinta')).toThrow(InvalidInputError);
    expect(() => checkedFinnishTitle(organ(['sv']), 'Pöytäkirjantarkastajan valinta')).toThrow('Råd för finskt förvaltningsområde använder inte finska; en finsk rubrik kan inte anges');
  });

  it('lets any organ remove a Finnish title', () => {
    expect(checkedFinnishTitle(organ(['sv']), null)).toBeNull();
  });
});
