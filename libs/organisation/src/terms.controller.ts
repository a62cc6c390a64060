import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Ctx, PageDto, Permission, RequestContext, RequirePermission } from '@namndrum/core';
import { CreateTermDto, TermDto, TermQueryDto, UpdateTermDto } from './dto/term.dto';
import { TermService } from './term.service';

@ApiTags('terms')
@Controller('terms')
export class TermsController {
  constructor(private readonly service: TermService) {}

  @Get()
  @RequirePermission(Permission.OrganisationRead)
  @ApiOkResponse({ type: PageDto(TermDto) })
  list(@Ctx() ctx: RequestContext, @Query() query: TermQueryDto) {
    return this.service.list(ctx, query);
  }

  @Get(':id')
  @RequirePermission(Permission.OrganisationRead)
  @ApiOkResponse({ type: TermDto })
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.service.get(ctx, id);
  }

  @Post()
  @RequirePermission(Permission.OrganisationManage)
  @ApiCreatedResponse({ type: TermDto })
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateTermDto) {
    return this.service.create(ctx, dto);
  }

  @Patch(':id')
  @RequirePermission(Permission.OrganisationManage)
  @ApiOkResponse({ type: TermDto })
  update(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateTermDto) {
    return this.service.update(ctx, id, dto);
  }
}
