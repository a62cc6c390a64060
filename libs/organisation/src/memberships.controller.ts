import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Ctx, PageDto, Permission, RequestContext, RequirePermission } from '@namndrum/core';
import { CreateMembershipDto, MembershipDto, MembershipQueryDto, UpdateMembershipDto } from './dto/membership.dto';
import { MembershipService } from './membership.service';

@ApiTags('memberships')
@Controller('memberships')
export class MembershipsController {
  constructor(private readonly service: MembershipService) {}

  @Get()
  @RequirePermission(Permission.OrganisationRead)
  @ApiOkResponse({ type: PageDto(MembershipDto) })
  list(@Ctx() ctx: RequestContext, @Query() query: MembershipQueryDto) {
    return this.service.list(ctx, query);
  }

  @Get(':id')
  @RequirePermission(Permission.OrganisationRead)
  @ApiOkResponse({ type: MembershipDto })
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.service.get(ctx, id);
  }

  @Post()
  @RequirePermission(Permission.OrganManage)
  @ApiCreatedResponse({ type: MembershipDto })
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateMembershipDto) {
    return this.service.create(ctx, dto);
  }

  @Patch(':id')
  @RequirePermission(Permission.OrganManage)
  @ApiOkResponse({ type: MembershipDto })
  update(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateMembershipDto) {
    return this.service.update(ctx, id, dto);
  }
}
