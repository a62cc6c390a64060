import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, Ctx, PageDto, Permission, RequestContext, RequirePermission } from '@namndrum/core';
import { CreateTermDto, TermDto, TermQueryDto, UpdateTermDto } from './dto/term.dto';
import { TermService } from './term.service';

@ApiTags('terms')
@Controller('terms')
export class TermsController {
  constructor(private readonly service: TermService) {}

  @Get()
  @RequirePermission(Permission.OrganisationRead)
  @ApiOperation({ summary: 'List terms of office' })
  @ApiOkResponse({ type: PageDto(TermDto) })
  @ApiErrors(400)
  list(@Ctx() ctx: RequestContext, @Query() query: TermQueryDto) {
    return this.service.list(ctx, query);
  }

  @Get(':id')
  @RequirePermission(Permission.OrganisationRead)
  @ApiOperation({ summary: 'Get a term of office' })
  @ApiOkResponse({ type: TermDto })
  @ApiErrors(400, 404)
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.service.get(ctx, id);
  }

  @Post()
  @RequirePermission(Permission.OrganisationManage)
  @ApiOperation({ summary: 'Create a term of office' })
  @ApiCreatedResponse({ type: TermDto })
  @ApiErrors(400, 409, 413)
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateTermDto) {
    return this.service.create(ctx, dto);
  }

  @Patch(':id')
  @RequirePermission(Permission.OrganisationManage)
  @ApiOperation({ summary: 'Update a term of office' })
  @ApiOkResponse({ type: TermDto })
  @ApiErrors(400, 404, 409, 413)
  update(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateTermDto) {
    return this.service.update(ctx, id, dto);
  }
}
