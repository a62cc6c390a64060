import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ErrorResponseDto } from './error-response.dto';

/** The statuses an operation declares with ApiErrors; 401 and 403 come with RequirePermission. */
export type DeclaredErrorStatus = 400 | 404 | 409 | 413 | 429;

const MEANINGS: Record<DeclaredErrorStatus, string> = {
  400: 'Invalid input; details name each field and what is wrong with it',
  404: 'Not found, or not visible to the caller',
  409: 'Refused by a rule of the current state; error names the rule',
  413: 'The request or its file is larger than allowed',
  429: 'Too many attempts; the Retry-After header gives the seconds to wait',
};

/**
 * One error response in the one error shape. The content is spelled out so that an operation that
 * produces a file (DOCX) still declares its errors as the JSON they are.
 */
export function ApiErrorResponse(status: number, description: string): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ErrorResponseDto),
    ApiResponse({ status, description, content: { 'application/json': { schema: { $ref: getSchemaPath(ErrorResponseDto) } } } }),
  );
}

/** Declares the errors the operation can answer besides 401 and 403, each in the one error shape. */
export function ApiErrors(...statuses: DeclaredErrorStatus[]): MethodDecorator & ClassDecorator {
  return applyDecorators(...statuses.map((status) => ApiErrorResponse(status, MEANINGS[status])));
}
