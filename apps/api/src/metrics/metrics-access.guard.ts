import { CanActivate, ExecutionContext, Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import type { Request } from 'express';
import { AppConfig, metricsAccess } from '@namndrum/core';

/** METRICS_TOKEN's rule (see metricsAccess): Prometheus is no signed-in user, so the usual guard does not apply. */
@Injectable()
export class MetricsAccessGuard implements CanActivate {
  constructor(private readonly config: AppConfig) {}

  canActivate(execution: ExecutionContext): boolean {
    const access = metricsAccess(this.config, execution.switchToHttp().getRequest<Request>().headers.authorization);
    if (access === 'disabled') throw new NotFoundException();
    if (access === 'unauthorized') throw new UnauthorizedException();
    return true;
  }
}
