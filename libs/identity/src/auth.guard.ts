import { CanActivate, ExecutionContext, ForbiddenException, HttpStatus, Injectable, Logger, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthenticatedUser, DomainError, hasPermission, Permission, PERMISSION_KEY, PUBLIC_KEY } from '@namndrum/core';
import { AuthService } from './auth.service';
import { ProviderSignInService } from './providers/provider-sign-in.service';
import { csrfTokenMatches } from './session-secrets';
import { AuthenticatedRequest, BrowserSession, SESSION_COOKIE, SessionService } from './session.service';

/** Methods a cross-site page can make a browser send with its cookies, and that change something. */
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const CSRF_HEADER = 'x-csrf-token';

/**
 * Default deny: a route is open only if it is marked @Public() or declares @RequirePermission()
 * and the signed-in user holds that permission. Signed in means a bearer token (integrations) or the
 * session cookie (the browser); a cookie-signed write must also carry the session's CSRF token, which
 * another site's page cannot read.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
    private readonly providerSignIn: ProviderSignInService,
  ) {}

  async canActivate(execution: ExecutionContext): Promise<boolean> {
    if (execution.getType() !== 'http') return true;
    const targets = [execution.getHandler(), execution.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) {
      return true;
    }
    const request = execution.switchToHttp().getRequest<AuthenticatedRequest>();
    const user = await this.authenticate(request);
    if (!user) {
      throw new UnauthorizedException();
    }
    request.user = user;
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(PERMISSION_KEY, targets);
    if (!permission) {
      this.logger.error(`Route ${request.method} ${request.path} declares no permission; refused`);
      throw new ForbiddenException();
    }
    if (!hasPermission(user, permission)) {
      throw new ForbiddenException();
    }
    return true;
  }

  /** A bearer token when the request has one, else the session cookie. */
  private async authenticate(request: AuthenticatedRequest): Promise<AuthenticatedUser | null> {
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme === 'Bearer' && token) return this.auth.authenticate(token);
    const secret: unknown = request.cookies?.[SESSION_COOKIE];
    if (typeof secret !== 'string' || secret === '') return null;
    let signedIn = await this.sessions.authenticate(secret);
    if (signedIn?.session.providerCheckDue) {
      // The identity provider is asked whether the user may still sign in; it may also have changed their groups.
      signedIn = (await this.providerSignIn.recheck(signedIn.session.id)) ? await this.sessions.authenticate(secret) : null;
    }
    if (!signedIn) return null;
    if (UNSAFE_METHODS.has(request.method)) refuseWithoutCsrfToken(request, signedIn.session);
    request.browserSession = signedIn.session;
    return signedIn.user;
  }
}

function refuseWithoutCsrfToken(request: AuthenticatedRequest, session: BrowserSession): void {
  if (!csrfTokenMatches(session.csrfToken, request.get(CSRF_HEADER))) {
    throw new DomainError('CSRF_TOKEN_INVALID', HttpStatus.FORBIDDEN, 'Sidan behöver laddas om: säkerhetstoken saknas eller stämmer inte.');
  }
}
