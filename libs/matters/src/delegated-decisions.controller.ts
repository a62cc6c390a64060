import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, Ctx, Permission, RequestContext, RequirePermission } from '@namndrum/core';
import { DelegatedDecisionService } from './delegated-decision.service';
import { DelegatedDecisionDto, DelegatedDecisionPageDto, DelegatedDecisionQueryDto, RegisterDelegatedDecisionDto, UpdateDelegatedDecisionDto } from './dto/delegated-decision.dto';

@ApiTags('delegated-decisions')
@Controller('delegated-decisions')
export class DelegatedDecisionsController {
  constructor(private readonly decisions: DelegatedDecisionService) {}

  @Post()
  @RequirePermission(Permission.MattersRegister)
  @ApiOperation({ summary: 'Register a delegated decision or an urgent chair decision', description: 'Reported to the organ under "Anmälan av delegationsbeslut" at its next meeting' })
  @ApiCreatedResponse({ type: DelegatedDecisionDto })
  @ApiErrors(400, 413)
  register(@Ctx() ctx: RequestContext, @Body() dto: RegisterDelegatedDecisionDto) {
    return this.decisions.register(ctx, dto);
  }

  @Get()
  @RequirePermission(Permission.MattersRead)
  @ApiOperation({ summary: 'List delegated decisions', description: 'Filter by organ, decision date span, kind, status and reporting meeting; newest first' })
  @ApiOkResponse({ type: DelegatedDecisionPageDto })
  @ApiErrors(400)
  list(@Ctx() ctx: RequestContext, @Query() query: DelegatedDecisionQueryDto) {
    return this.decisions.list(ctx, query);
  }

  @Get(':id')
  @RequirePermission(Permission.MattersRead)
  @ApiOperation({ summary: 'Get a delegated decision' })
  @ApiOkResponse({ type: DelegatedDecisionDto })
  @ApiErrors(400, 404)
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.decisions.get(ctx, id);
  }

  @Patch(':id')
  @RequirePermission(Permission.MattersRegister)
  @ApiOperation({ summary: 'Correct a delegated decision', description: 'Only until minutes take it up for reporting (409 after)' })
  @ApiOkResponse({ type: DelegatedDecisionDto })
  @ApiErrors(400, 404, 409, 413)
  update(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateDelegatedDecisionDto) {
    return this.decisions.update(ctx, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission(Permission.MattersRegister)
  @ApiOperation({ summary: 'Withdraw a delegated decision registered in error', description: 'Only until minutes take it up for reporting (409 after)' })
  @ApiNoContentResponse()
  @ApiErrors(400, 404, 409)
  withdraw(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.decisions.withdraw(ctx, id);
  }
}
