import { InvalidInputError } from '../errors/domain-error';

/** Deeper than any document the API takes (a goal framework is about six levels), shallow enough to never exhaust a stack. */
export const MAX_JSON_DEPTH = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

/** Whether raw JSON nests arrays and objects deeper than `max`; one pass over the bytes, brackets inside strings ignored. */
export function exceedsJsonDepth(json: Uint8Array, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < json.length; index += 1) {
    const byte = json[index];
    if (inString) {
      if (byte === BACKSLASH) index += 1;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      depth += 1;
      if (depth > max) return true;
    } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
      depth -= 1;
    }
  }
  return false;
}

/** The body parser's `verify` hook: a body nested too deep is refused before it is parsed. */
export function refuseDeepJson(_request: unknown, _response: unknown, body: Buffer): void {
  if (exceedsJsonDepth(body)) {
    throw new InvalidInputError('JSON_TOO_DEEP', `Begärans innehåll är nästlat djupare än ${MAX_JSON_DEPTH} nivåer`);
  }
}
