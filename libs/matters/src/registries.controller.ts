import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Ctx, PageDto, Permission, RequestContext, RequirePermission } from '@namndrum/core';
import { CreateRegistryDto, RegistryDto, RegistryQueryDto, UpdateRegistryDto } from './dto/registry.dto';
import { RegistryService } from './registry.service';

@ApiTags('registries')
@Controller('registries')
export class RegistriesController {
  constructor(private readonly service: RegistryService) {}

  @Get()
  @RequirePermission(Permission.MattersRead)
  @ApiOkResponse({ type: PageDto(RegistryDto) })
  list(@Ctx() ctx: RequestContext, @Query() query: RegistryQueryDto) {
    return this.service.list(ctx, query);
  }

  @Get(':id')
  @RequirePermission(Permission.MattersRead)
  @ApiOkResponse({ type: RegistryDto })
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.service.get(ctx, id);
  }

  @Post()
  @RequirePermission(Permission.RegistriesManage)
  @ApiCreatedResponse({ type: RegistryDto })
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateRegistryDto) {
    return this.service.create(ctx, dto);
  }

  @Patch(':id')
  @RequirePermission(Permission.RegistriesManage)
  @ApiOkResponse({ type: RegistryDto })
  update(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateRegistryDto) {
    return this.service.update(ctx, id, dto);
  }
}
