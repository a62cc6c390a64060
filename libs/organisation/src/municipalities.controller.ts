import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Ctx, PageDto, PageQueryDto, Permission, RequestContext, RequirePermission } from '@namndrum/core';
import { CreateMunicipalityDto, MunicipalityDto, UpdateMunicipalityDto } from './dto/municipality.dto';
import { MunicipalityService } from './municipality.service';

@ApiTags('municipalities')
@Controller('municipalities')
export class MunicipalitiesController {
  constructor(private readonly municipalities: MunicipalityService) {}

  @Get()
  @RequirePermission(Permission.OrganisationRead)
  @ApiOkResponse({ type: PageDto(MunicipalityDto), description: 'Your own municipality (system administrators: all)' })
  list(@Ctx() ctx: RequestContext, @Query() query: PageQueryDto) {
    return this.municipalities.list(ctx, query);
  }

  @Get(':id')
  @RequirePermission(Permission.OrganisationRead)
  @ApiOkResponse({ type: MunicipalityDto })
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.municipalities.get(ctx, id);
  }

  @Post()
  @RequirePermission(Permission.MunicipalitiesCreate)
  @ApiCreatedResponse({ type: MunicipalityDto })
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateMunicipalityDto) {
    return this.municipalities.create(ctx, dto);
  }

  @Patch(':id')
  @RequirePermission(Permission.OrganisationManage)
  @ApiOkResponse({ type: MunicipalityDto })
  update(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateMunicipalityDto) {
    return this.municipalities.update(ctx, id, dto);
  }
}
