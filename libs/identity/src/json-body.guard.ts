import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { DomainError } from '@namndrum/core';

/**
 * Takes only a JSON body. Another site's page can make the browser post a form (urlencoded or
 * multipart) without asking, but not JSON: so it cannot sign the browser in to an account of its
 * choosing (login CSRF), which the CSRF token, given only after sign-in, cannot prevent.
 */
@Injectable()
export class JsonBodyGuard implements CanActivate {
  canActivate(execution: ExecutionContext): boolean {
    if (execution.switchToHttp().getRequest<Request>().is('application/json')) return true;
    throw new DomainError('UNSUPPORTED_MEDIA_TYPE', HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'Inloggningen ska skickas som JSON (Content-Type: application/json)');
  }
}
