import { HttpStatus } from '@nestjs/common';

export interface ErrorDetail {
  field?: string;
  messages: string[];
  /** Swedish, for the person who filled in the field; without it the error's own message says what is wrong. */
  message?: string;
}

/**
 * An error a user can understand: a stable code for clients, an HTTP status, and a Swedish message
 * the UI can show as it is. Mapped to the one error shape by AllExceptionsFilter.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly status: HttpStatus,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, details?: ErrorDetail[]) {
    super('NOT_FOUND', HttpStatus.NOT_FOUND, `${what} hittades inte`, details);
  }
}

export class ConflictError extends DomainError {
  constructor(code: string, message: string, details?: ErrorDetail[]) {
    super(code, HttpStatus.CONFLICT, message, details);
  }
}

export class InvalidInputError extends DomainError {
  constructor(code: string, message: string, details?: ErrorDetail[]) {
    super(code, HttpStatus.BAD_REQUEST, message, details);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'Du saknar behörighet för detta') {
    super('FORBIDDEN', HttpStatus.FORBIDDEN, message);
  }
}
