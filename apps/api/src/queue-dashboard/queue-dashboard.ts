import { Injectable } from '@nestjs/common';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { NextFunction, Request, Response } from 'express';
import { OutboxService, QueueName, QUEUES } from '@namndrum/core';

/** Where the dashboard lives; its page refers to its scripts relative to this. */
export const QUEUE_DASHBOARD_PATH = '/api/admin/queues';

/**
 * Bull Board over every queue of the system, read-only: PostgreSQL's outbox is the truth and the
 * reconciler re-adds what is missing, so retrying, removing or promoting jobs by hand in Redis would
 * only work around it. The board is its own Express app; the controller hands it the requests that
 * passed the guard, with the URL made relative to the dashboard as a mounted app would see it.
 */
@Injectable()
export class QueueDashboard {
  private readonly board: (request: Request, response: Response, next: NextFunction) => void;

  constructor(outbox: OutboxService) {
    const serverAdapter = new ExpressAdapter().setBasePath(QUEUE_DASHBOARD_PATH);
    createBullBoard({
      queues: (Object.values(QUEUES) as QueueName[]).map((name) => new BullMQAdapter(outbox.queue(name), { readOnlyMode: true })),
      serverAdapter,
      options: { uiConfig: { boardTitle: 'Nämndrum' } },
    });
    this.board = serverAdapter.getRouter();
  }

  serve(request: Request, response: Response, next: NextFunction): void {
    request.url = request.originalUrl.slice(QUEUE_DASHBOARD_PATH.length) || '/';
    this.board(request, response, next);
  }
}
