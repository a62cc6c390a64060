import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { InvalidInputError } from '../errors/domain-error';

/** NUL, which PostgreSQL refuses in text, and a UTF-16 surrogate without its pair, which no encoding can store. */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The path of the first string (value or property name) in the input that cannot be stored, or null. */
export function findUnstorableText(value: unknown, path: string): string | null {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path : null;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      const found = findUnstorableText(value[index], `${path}[${index}]`);
      if (found) return found;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null && !Buffer.isBuffer(value)) {
    for (const [key, child] of Object.entries(value)) {
      const childPath = path ? `${path}.${key}` : key;
      if (UNSTORABLE.test(key)) return childPath;
      const found = findUnstorableText(child, childPath);
      if (found) return found;
    }
  }
  return null;
}

export function unstorableTextError(field: string): InvalidInputError {
  return new InvalidInputError('INVALID_CHARACTER', `Fältet ${field} innehåller ett tecken som inte kan sparas (NUL eller en ensam surrogat)`, [
    { field, messages: [`${field} must not contain NUL characters or unpaired UTF-16 surrogates`] },
  ]);
}

/** Refuses input with text that cannot be stored; `where` names the top level (a parameter's name, or '' for a body). */
export function assertStorableText(value: unknown, where = ''): void {
  const field = findUnstorableText(value, where);
  if (field !== null) throw unstorableTextError(field || where);
}

/** A global pipe: path parameters (and multipart fields, parsed after the middleware) are checked where their names are known. */
@Injectable()
export class StorableTextPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'custom') assertStorableText(value, metadata.data ?? '');
    return value;
  }
}
