/** iCalendar content lines as RFC 5545 (3.1) wants them, for what the `ics` package writes. */

const MAX_LINE_OCTETS = 75;

/** ics folds by characters; its folds (CRLF + tab or space) are undone before folding again by octets. */
export function unfoldCalendarLines(calendar: string): string {
  return calendar.replace(/\r\n[\t ]/g, '');
}

/**
 * ics writes CRLF and folds, but it counts characters, while RFC 5545 (3.1) limits a line to 75 octets: a line
 * with "ä" or "–" in it comes out longer than that. Fold by UTF-8 octets, never inside a character. ics escapes
 * line breaks inside values, so every CRLF in unfolded output ends a content line.
 */
export function foldCalendarLines(unfolded: string): string {
  const lines = unfolded.split('\r\n');
  return lines
    .map((line) => {
      const parts: string[] = [];
      let current = '';
      let octets = 0;
      for (const character of line) {
        const size = Buffer.byteLength(character, 'utf8');
        // Continuation lines start with a space, which counts towards their 75 octets.
        const limit = parts.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
        if (octets + size > limit) {
          parts.push(current);
          current = '';
          octets = 0;
        }
        current += character;
        octets += size;
      }
      parts.push(current);
      return parts.join('\r\n ');
    })
    .join('\r\n');
}
