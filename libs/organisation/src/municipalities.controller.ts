import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, Ctx, PageDto, PageQueryDto, Permission, RequestContext, RequirePermission } from '@namndrum/core';
import { CreateMunicipalityDto, MunicipalityDto, UpdateMunicipalityDto } from './dto/municipality.dto';
import { MunicipalityService } from './municipality.service';

@ApiTags('municipalities')
@Controller('municipalities')
export class MunicipalitiesController {
  constructor(private readonly municipalities: MunicipalityService) {}

  @Get()
  @RequirePermission(Permission.MunicipalitiesRead)
  @ApiOperation({ summary: 'List municipalities' })
  @ApiOkResponse({ type: PageDto(MunicipalityDto), description: 'Your own municipality (system administrators: all)' })
  @ApiErrors(400)
  list(@Ctx() ctx: RequestContext, @Query() query: PageQueryDto) {
    return this.municipalities.list(ctx, query);
  }

  @Get(':id')
  @RequirePermission(Permission.MunicipalitiesRead)
  @ApiOperation({ summary: 'Get a municipality' })
  @ApiOkResponse({ type: MunicipalityDto })
  @ApiErrors(400, 404)
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.municipalities.get(ctx, id);
  }

  @Post()
  @RequirePermission(Permission.MunicipalitiesCreate)
  @ApiOperation({ summary: 'Create a municipality' })
  @ApiCreatedResponse({ type: MunicipalityDto })
  @ApiErrors(400, 409, 413)
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateMunicipalityDto) {
    return this.municipalities.create(ctx, dto);
  }

  @Patch(':id')
  @RequirePermission(Permission.OrganisationManage)
  @ApiOperation({ summary: 'Update a municipality' })
  @ApiOkResponse({ type: MunicipalityDto })
  @ApiErrors(400, 404, 409, 413)
  update(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateMunicipalityDto) {
    return this.municipalities.update(ctx, id, dto);
  }
}
