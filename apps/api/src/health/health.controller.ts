import { Controller, Get, Inject, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import Redis from 'ioredis';
import { ApiErrors, Public, REDIS } from '@namndrum/core';

export class LivenessDto {
  @ApiProperty({ enum: ['ok'] }) status: 'ok';
}

@ApiTags('health')
@Controller({ path: 'health', version: VERSION_NEUTRAL })
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  @Get()
  @Public()
  @HealthCheck()
  @ApiOperation({ summary: 'Check that the API, PostgreSQL and Redis answer', description: 'The same check as /api/health/ready, kept for existing monitors.' })
  @ApiErrors(400)
  check() {
    return this.dependencies();
  }

  @Get('live')
  @Public()
  @ApiOperation({
    summary: 'Liveness: the process runs and answers',
    description: 'Asks no dependency, so that an orchestrator restarts the process only when the process itself is stuck, not while PostgreSQL or Redis is away.',
  })
  @ApiOkResponse({ type: LivenessDto })
  @ApiErrors(400)
  live(): LivenessDto {
    return { status: 'ok' };
  }

  @Get('ready')
  @Public()
  @HealthCheck()
  @ApiOperation({
    summary: 'Readiness: PostgreSQL and Redis answer this process',
    description: 'A load balancer sends requests only to a process that is ready; 503 while PostgreSQL or Redis does not answer within 2 s.',
  })
  @ApiErrors(400)
  ready() {
    return this.dependencies();
  }

  private dependencies() {
    return this.health.check([() => this.database.pingCheck('postgres', { timeout: 2000 }), () => this.pingRedis()]);
  }

  private async pingRedis() {
    const indicator = this.indicators.check('redis');
    try {
      await this.redis.ping();
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }
}
