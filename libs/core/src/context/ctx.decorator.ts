import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { RequestContext } from './request-context';

export const REQUEST_CONTEXT_KEY = 'namndrumContext';

/** Injects the RequestContext built by RequestContextInterceptor. */
export const Ctx = createParamDecorator((_data: unknown, execution: ExecutionContext): RequestContext => {
  const request = execution.switchToHttp().getRequest<Record<string, unknown>>();
  const ctx = request[REQUEST_CONTEXT_KEY];
  if (!(ctx instanceof RequestContext)) {
    throw new Error('No RequestContext on the request: is RequestContextInterceptor registered?');
  }
  return ctx;
});
