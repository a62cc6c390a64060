import { CanActivate, ExecutionContext, HttpException, HttpStatus, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AuthenticatedUser } from '@namndrum/core';
import { LoginLimiter } from './login-limiter';

/**
 * Refuses a password attempt over the limits with 429 and the standard Retry-After header (seconds):
 * a sign-in counts at the e-mail it names, a password change at the signed-in account.
 */
@Injectable()
export class LoginThrottlerGuard implements CanActivate {
  constructor(private readonly limiter: LoginLimiter) {}

  async canActivate(execution: ExecutionContext): Promise<boolean> {
    const request = execution.switchToHttp().getRequest<Request>();
    const body = request.body as { email?: unknown } | undefined;
    const signedIn = (request as Request & { user?: AuthenticatedUser }).user;
    const signingIn = typeof body?.email === 'string';
    const email = signingIn ? String(body.email) : (signedIn?.email ?? '');
    const admission = await this.limiter.admit(String(request.ip), email);
    if (admission.admitted) return true;
    execution.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(admission.retryAfterSeconds));
    const minutes = Math.ceil(admission.retryAfterSeconds / 60);
    throw new HttpException(
      { swedishMessage: `För många ${signingIn ? 'inloggningsförsök' : 'försök med lösenordet'}. Försök igen om ${minutes} ${minutes === 1 ? 'minut' : 'minuter'}.` },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}
