import { Controller, Get, Next, Req, Res, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { Permission, RequirePermission } from '@namndrum/core';
import { QueueDashboard } from './queue-dashboard';

/**
 * The queue dashboard (Bull Board) at /api/admin/queues, page and data alike: a page, so the browser's
 * session cookie signs in as well as a bearer token does, and only a system administrator or a
 * municipality admin gets past the guard. Not part of the API's contract, so not in the OpenAPI document.
 */
@ApiExcludeController()
@Controller({ path: 'admin/queues', version: VERSION_NEUTRAL })
@RequirePermission(Permission.QueuesRead)
export class QueueDashboardController {
  constructor(private readonly dashboard: QueueDashboard) {}

  @Get(['', '*path'])
  serve(@Req() request: Request, @Res() response: Response, @Next() next: NextFunction): void {
    this.dashboard.serve(request, response, next);
  }
}
