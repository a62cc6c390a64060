import type { ValidationError } from '@nestjs/common';

/** The first number in class-validator's English message: the bound of maxLength, min, arrayMaxSize … */
const boundIn = (english: string) => /(-?\d+(?:\.\d+)?)/.exec(english)?.[1] ?? '';

/** class-validator's English message names the allowed values after "following values: ". */
const allowedIn = (english: string) => /following values: (.+)$/.exec(english)?.[1];

const BY_CONSTRAINT: Record<string, (english: string) => string> = {
  isNotEmpty: () => 'Fyll i fältet.',
  isDefined: () => 'Fyll i fältet.',
  isString: () => 'Ska vara text.',
  maxLength: (english) => `Får vara högst ${boundIn(english)} tecken.`,
  minLength: (english) => `Måste vara minst ${boundIn(english)} tecken.`,
  isInt: () => 'Ska vara ett heltal.',
  isNumber: () => 'Ska vara ett tal.',
  min: (english) => `Får inte vara mindre än ${boundIn(english)}.`,
  max: (english) => `Får inte vara större än ${boundIn(english)}.`,
  isEmail: () => 'Ange en giltig e-postadress.',
  isUuid: () => 'Ska vara ett giltigt id.',
  isUUID: () => 'Ska vara ett giltigt id.',
  isIn: (english) => (allowedIn(english) ? `Välj ett av värdena: ${allowedIn(english)}.` : 'Välj ett av de tillåtna värdena.'),
  isEnum: (english) => (allowedIn(english) ? `Välj ett av värdena: ${allowedIn(english)}.` : 'Välj ett av de tillåtna värdena.'),
  isBoolean: () => 'Ska vara ja eller nej.',
  isIsoDate: () => 'Ange ett datum som ÅÅÅÅ-MM-DD.',
  isDateString: () => 'Ange en giltig tidpunkt.',
  isIso8601: () => 'Ange en giltig tidpunkt.',
  isArray: () => 'Ska vara en lista.',
  arrayMinSize: (english) => `Ange minst ${boundIn(english)}.`,
  arrayMaxSize: (english) => `Ange högst ${boundIn(english)}.`,
  arrayUnique: () => 'Samma värde får bara finnas en gång.',
  isUrl: () => 'Ange en giltig webbadress (http:// eller https://).',
  isObject: () => 'Ska vara ett objekt.',
  nestedValidation: () => 'Ska vara ett objekt.',
  whitelistValidation: () => 'Fältet finns inte och får inte skickas med.',
  matches: (english) => (/HH:MM/.test(english) ? 'Ange en tid som TT:MM.' : /ISO 8601 time/.test(english) ? 'Ange en tidpunkt med tidszon, t.ex. 2023-01-11T14:00:00+01:00.' : 'Har fel format.'),
};

/**
 * What is wrong with one field, in Swedish for the person who filled it in, from class-validator's
 * constraints (whose own messages, in English, stay in `messages` for integrators and logs).
 */
export function swedishFieldMessage(constraints: NonNullable<ValidationError['constraints']>): string {
  return Object.entries(constraints)
    .map(([constraint, english]) => BY_CONSTRAINT[constraint]?.(english) ?? 'Ogiltigt värde.')
    .filter((message, index, all) => all.indexOf(message) === index)
    .join(' ');
}
