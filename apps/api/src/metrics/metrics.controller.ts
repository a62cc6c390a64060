import { Controller, Get, Header, UseGuards, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { contentType } from 'prom-client';
import { MetricsRegistry, Public } from '@namndrum/core';
import { MetricsAccessGuard } from './metrics-access.guard';

/** Prometheus' scrape target, outside /api and the OpenAPI document: it is for operators' tools, not API clients. */
@ApiExcludeController()
@Controller({ path: 'metrics', version: VERSION_NEUTRAL })
export class MetricsController {
  constructor(private readonly registry: MetricsRegistry) {}

  @Get()
  @Public()
  @UseGuards(MetricsAccessGuard)
  @Header('Content-Type', contentType)
  metrics(): Promise<string> {
    return this.registry.metrics();
  }
}
