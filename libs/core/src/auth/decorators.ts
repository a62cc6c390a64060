import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth } from '@nestjs/swagger';
import { ApiErrorResponse } from '../errors/api-errors.decorator';
import { Permission } from './permissions';

export const PERMISSION_KEY = 'namndrum:permission';
export const PUBLIC_KEY = 'namndrum:public';

/** Every route declares what it needs; a route that declares nothing is refused (default deny). */
export function RequirePermission(permission: Permission): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(PERMISSION_KEY, permission),
    ApiBearerAuth(),
    ApiCookieAuth(),
    ApiErrorResponse(401, 'Not signed in'),
    ApiErrorResponse(403, `Requires ${permission}; or, signed in by the session cookie, a POST, PUT, PATCH or DELETE without the session's X-CSRF-Token (CSRF_TOKEN_INVALID)`),
  );
}

/** Open to anyone, signed in or not. */
export function Public(): MethodDecorator & ClassDecorator {
  return SetMetadata(PUBLIC_KEY, true);
}
