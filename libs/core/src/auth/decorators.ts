import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ErrorResponseDto } from '../errors/error-response.dto';
import { Permission } from './permissions';

export const PERMISSION_KEY = 'namndrum:permission';
export const PUBLIC_KEY = 'namndrum:public';

/** Every route declares what it needs; a route that declares nothing is refused (default deny). */
export function RequirePermission(permission: Permission): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(PERMISSION_KEY, permission),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'Not signed in' }),
    ApiForbiddenResponse({ type: ErrorResponseDto, description: `Requires ${permission}` }),
  );
}

/** Open to anyone, signed in or not. */
export function Public(): MethodDecorator & ClassDecorator {
  return SetMetadata(PUBLIC_KEY, true);
}
