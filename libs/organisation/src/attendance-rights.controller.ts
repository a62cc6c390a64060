import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Ctx, PageDto, Permission, RequestContext, RequirePermission } from '@namndrum/core';
import { CreateAttendanceRightDto, AttendanceRightDto, AttendanceRightQueryDto, UpdateAttendanceRightDto } from './dto/attendance-right.dto';
import { AttendanceRightService } from './attendance-right.service';

@ApiTags('attendance-rights')
@Controller('attendance-rights')
export class AttendanceRightsController {
  constructor(private readonly service: AttendanceRightService) {}

  @Get()
  @RequirePermission(Permission.OrganisationRead)
  @ApiOkResponse({ type: PageDto(AttendanceRightDto) })
  list(@Ctx() ctx: RequestContext, @Query() query: AttendanceRightQueryDto) {
    return this.service.list(ctx, query);
  }

  @Get(':id')
  @RequirePermission(Permission.OrganisationRead)
  @ApiOkResponse({ type: AttendanceRightDto })
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.service.get(ctx, id);
  }

  @Post()
  @RequirePermission(Permission.OrganManage)
  @ApiCreatedResponse({ type: AttendanceRightDto })
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateAttendanceRightDto) {
    return this.service.create(ctx, dto);
  }

  @Patch(':id')
  @RequirePermission(Permission.OrganManage)
  @ApiOkResponse({ type: AttendanceRightDto })
  update(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateAttendanceRightDto) {
    return this.service.update(ctx, id, dto);
  }
}
