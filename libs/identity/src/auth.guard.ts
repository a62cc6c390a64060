import { CanActivate, ExecutionContext, ForbiddenException, Injectable, Logger, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AuthenticatedUser, hasPermission, Permission, PERMISSION_KEY, PUBLIC_KEY } from '@namndrum/core';
import { AuthService } from './auth.service';

/**
 * Default deny: a route is open only if it is marked @Public() or declares @RequirePermission()
 * and the signed-in user holds that permission.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(execution: ExecutionContext): Promise<boolean> {
    if (execution.getType() !== 'http') return true;
    const targets = [execution.getHandler(), execution.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) {
      return true;
    }
    const request = execution.switchToHttp().getRequest<Request & { user?: AuthenticatedUser }>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    const user = scheme === 'Bearer' && token ? await this.auth.authenticate(token) : null;
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
}
