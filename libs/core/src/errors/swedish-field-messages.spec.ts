import { IsEmail, IsIn, IsInt, IsNotEmpty, IsString, Matches, MaxLength, Min, validateSync } from 'class-validator';
import { swedishFieldMessage } from './swedish-field-messages';

class Example {
  @IsString() @IsNotEmpty() @MaxLength(20) title: unknown;
  @IsInt() @Min(1) count: unknown;
  @IsEmail() email: unknown;
  @IsIn(['public', 'closed']) visibility: unknown;
  @Matches(/^\d\d:\d\d$/, { message: 'startTime must be a time as HH:MM' }) startTime: unknown;
}

function messagesFor(values: Partial<Record<keyof Example, unknown>>): Record<string, string> {
  const example = Object.assign(new Example(), { title: 'ok', count: 1, email: 'a@b.se', visibility: 'public', startTime: '14:00' }, values);
  return Object.fromEntries(validateSync(example).map((error) => [error.property, swedishFieldMessage(error.constraints!)]));
}

describe('swedishFieldMessage', () => {
  it('says in Swedish what is wrong with each field, with the bound from the constraint', () => {
    expect(messagesFor({ title: 'x'.repeat(21), count: 0, email: 'inte-en-adress', visibility: 'hemlig', startTime: '2 pm' })).toEqual({
      title: 'Får vara högst 20 tecken.',
      count: 'Får inte vara mindre än 1.',
      email: 'Ange en giltig e-postadress.',
      visibility: 'Välj ett av värdena: public, closed.',
      startTime: 'Ange en tid som TT:MM.',
    });
  });

  it('joins several problems with one field without repeating itself', () => {
    expect(messagesFor({ title: '' })).toEqual({ title: 'Fyll i fältet.' });
    expect(messagesFor({ title: 7 })).toEqual({ title: 'Får vara högst 20 tecken. Ska vara text.' });
  });

  it('falls back to a plain Swedish phrase for a constraint it does not know', () => {
    expect(swedishFieldMessage({ isLatLong: 'position must be a latitude,longitude string' })).toBe('Ogiltigt värde.');
  });
});
