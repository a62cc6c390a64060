import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Ctx, PageDto, Permission, RequestContext, RequirePermission } from '@namndrum/core';
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
  @ApiOkResponse({ type: OrganCompositionDto, description: 'Who sits in the organ on the date: members and substitutes in order, with positions' })
  composition(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Query() query: DateQueryDto) {
    return this.memberships.composition(ctx, id, query.date);
  }

  @Get()
  @RequirePermission(Permission.OrganisationRead)
  @ApiOkResponse({ type: PageDto(OrganDto) })
  list(@Ctx() ctx: RequestContext, @Query() query: OrganQueryDto) {
    return this.service.list(ctx, query);
  }

  @Get(':id')
  @RequirePermission(Permission.OrganisationRead)
  @ApiOkResponse({ type: OrganDto })
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.service.get(ctx, id);
  }

  @Post()
  @RequirePermission(Permission.OrganisationManage)
  @ApiCreatedResponse({ type: OrganDto })
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateOrganDto) {
    return this.service.create(ctx, dto);
  }

  @Patch(':id')
  @RequirePermission(Permission.OrganManage)
  @ApiOkResponse({ type: OrganDto })
  update(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateOrganDto) {
    return this.service.update(ctx, id, dto);
  }
}
