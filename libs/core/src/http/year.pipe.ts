import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { InvalidInputError } from '../errors/domain-error';

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

/** A year in a path: digits within the years any record can have, so it fits the database's integer. */
@Injectable()
export class ParseYearPipe implements PipeTransform<string, number> {
  transform(value: string, metadata: ArgumentMetadata): number {
    const field = metadata.data ?? 'year';
    const year = /^\d{4}$/.test(value) ? Number(value) : NaN;
    if (!(year >= MIN_YEAR && year <= MAX_YEAR)) {
      throw new InvalidInputError('INVALID_YEAR', `Fältet ${field} måste vara ett år mellan ${MIN_YEAR} och ${MAX_YEAR}`, [
        { field, messages: [`${field} must be a year between ${MIN_YEAR} and ${MAX_YEAR}`] },
      ]);
    }
    return year;
  }
}
