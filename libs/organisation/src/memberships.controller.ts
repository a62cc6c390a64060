import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, Ctx, PageDto, Permission, RequestContext, RequirePermission } from '@namndrum/core';
import { CreateMembershipDto, MembershipDto, MembershipQueryDto, UpdateMembershipDto } from './dto/membership.dto';
import { MembershipService } from './membership.service';

@ApiTags('memberships')
@Controller('memberships')
export class MembershipsController {
  constructor(private readonly service: MembershipService) {}

  @Get()
  @RequirePermission(Permission.OrganisationRead)
  @ApiOperation({ summary: 'List memberships' })
  @ApiOkResponse({ type: PageDto(MembershipDto) })
  @ApiErrors(400)
  list(@Ctx() ctx: RequestContext, @Query() query: MembershipQueryDto) {
    return this.service.list(ctx, query);
  }

  @Get(':id')
  @RequirePermission(Permission.OrganisationRead)
  @ApiOperation({ summary: 'Get a membership' })
  @ApiOkResponse({ type: MembershipDto })
  @ApiErrors(400, 404)
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.service.get(ctx, id);
  }

  @Post()
  @RequirePermission(Permission.OrganManage)
  @ApiOperation({ summary: 'Appoint a member or substitute to an organ' })
  @ApiCreatedResponse({ type: MembershipDto })
  @ApiErrors(400, 404, 409, 413)
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateMembershipDto) {
    return this.service.create(ctx, dto);
  }

  @Patch(':id')
  @RequirePermission(Permission.OrganManage)
  @ApiOperation({ summary: 'Update a membership' })
  @ApiOkResponse({ type: MembershipDto })
  @ApiErrors(400, 404, 409, 413)
  update(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateMembershipDto) {
    return this.service.update(ctx, id, dto);
  }
}
