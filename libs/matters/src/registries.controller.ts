import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, Ctx, PageDto, Permission, RequestContext, RequirePermission } from '@namndrum/core';
import { CreateRegistryDto, RegistryDto, RegistryQueryDto, UpdateRegistryDto } from './dto/registry.dto';
import { RegistryService } from './registry.service';

@ApiTags('registries')
@Controller('registries')
export class RegistriesController {
  constructor(private readonly service: RegistryService) {}

  @Get()
  @RequirePermission(Permission.MattersRead)
  @ApiOperation({ summary: 'List registries (diarier)' })
  @ApiOkResponse({ type: PageDto(RegistryDto) })
  @ApiErrors(400)
  list(@Ctx() ctx: RequestContext, @Query() query: RegistryQueryDto) {
    return this.service.list(ctx, query);
  }

  @Get(':id')
  @RequirePermission(Permission.MattersRead)
  @ApiOperation({ summary: 'Get a registry' })
  @ApiOkResponse({ type: RegistryDto })
  @ApiErrors(400, 404)
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.service.get(ctx, id);
  }

  @Post()
  @RequirePermission(Permission.RegistriesManage)
  @ApiOperation({ summary: 'Create a registry' })
  @ApiCreatedResponse({ type: RegistryDto })
  @ApiErrors(400, 409, 413)
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateRegistryDto) {
    return this.service.create(ctx, dto);
  }

  @Patch(':id')
  @RequirePermission(Permission.RegistriesManage)
  @ApiOperation({ summary: 'Update a registry' })
  @ApiOkResponse({ type: RegistryDto })
  @ApiErrors(400, 404, 413)
  update(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateRegistryDto) {
    return this.service.update(ctx, id, dto);
  }
}
