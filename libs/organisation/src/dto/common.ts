import { ApiProperty } from '@nestjs/swagger';
import { registerDecorator } from 'class-validator';
import { Transform } from 'class-transformer';

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const ISO_DATE_MESSAGE = '$property must be a date as YYYY-MM-DD';

/** Trims surrounding whitespace so " SUN " and "SUN" are one code. */
export const Trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

export class ResourceDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class TenantResourceDto extends ResourceDto {
  @ApiProperty({ format: 'uuid' }) municipalityId: string;
}

/** A real calendar date written YYYY-MM-DD (2023-02-30 is refused). */
export function IsIsoDate(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isIsoDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: ISO_DATE_MESSAGE },
      validator: {
        validate(value: unknown): boolean {
          if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
          const parsed = new Date(`${value}T00:00:00Z`);
          return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
        },
      },
    });
}
