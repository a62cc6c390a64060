import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, Ctx, PageDto, Permission, RequestContext, RequirePermission } from '@namndrum/core';
import { CreateOrganDto, OrganDto, OrganQueryDto, UpdateOrganDto } from './dto/organ.dto';
import { DateQueryDto, OrganCompositionDto } from './dto/membership.dto';
import { MembershipService } from './membership.service';
import { OrganService } from './organ.service';

@ApiTags('organs')
@Controller('organs')
export class OrgansController {
  constructor(
    private readonly service: OrganService,
    private readonly memberships: MembershipService,
  ) {}

  @Get(':id/composition')
  @RequirePermission(Permission.OrganisationRead)
  @ApiOperation({ summary: 'Get the composition of an organ on a date' })
  @ApiOkResponse({ type: OrganCompositionDto, description: 'Who sits in the organ on the date: members and substitutes in order, with positions' })
  @ApiErrors(400, 404)
  composition(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Query() query: DateQueryDto) {
    return this.memberships.composition(ctx, id, query.date);
  }

  @Get()
  @RequirePermission(Permission.OrganisationRead)
  @ApiOperation({ summary: 'List organs' })
  @ApiOkResponse({ type: PageDto(OrganDto) })
  @ApiErrors(400)
  list(@Ctx() ctx: RequestContext, @Query() query: OrganQueryDto) {
    return this.service.list(ctx, query);
  }

  @Get(':id')
  @RequirePermission(Permission.OrganisationRead)
  @ApiOperation({ summary: 'Get an organ' })
  @ApiOkResponse({ type: OrganDto })
  @ApiErrors(400, 404)
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.service.get(ctx, id);
  }

  @Post()
  @RequirePermission(Permission.OrganisationManage)
  @ApiOperation({ summary: 'Create an organ' })
  @ApiCreatedResponse({ type: OrganDto })
  @ApiErrors(400, 404, 409, 413)
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateOrganDto) {
    return this.service.create(ctx, dto);
  }

  @Patch(':id')
  @RequirePermission(Permission.OrganManage)
  @ApiOperation({ summary: 'Update an organ' })
  @ApiOkResponse({ type: OrganDto })
  @ApiErrors(400, 404, 409, 413)
  update(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateOrganDto) {
    return this.service.update(ctx, id, dto);
  }
}
