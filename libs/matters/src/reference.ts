import { InvalidInputError, NotFoundError } from '@namndrum/core';

/** A referenced id in a request body that does not exist is the caller's mistake: 400 naming the field, not 404. */
export async function requireReference<T>(lookup: Promise<T>, field: string, message: string): Promise<T> {
  try {
    return await lookup;
  } catch (error) {
    if (error instanceof NotFoundError) {
      throw new InvalidInputError('UNKNOWN_REFERENCE', message, [{ field, messages: [`${field} does not exist`] }]);
    }
    throw error;
  }
}
