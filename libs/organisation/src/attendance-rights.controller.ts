import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, Ctx, PageDto, Permission, RequestContext, RequirePermission } from '@namndrum/core';
import { CreateAttendanceRightDto, AttendanceRightDto, AttendanceRightQueryDto, UpdateAttendanceRightDto } from './dto/attendance-right.dto';
import { AttendanceRightService } from './attendance-right.service';

@ApiTags('attendance-rights')
@Controller('attendance-rights')
export class AttendanceRightsController {
  constructor(private readonly service: AttendanceRightService) {}

  @Get()
  @RequirePermission(Permission.OrganisationRead)
  @ApiOperation({ summary: 'List attendance rights' })
  @ApiOkResponse({ type: PageDto(AttendanceRightDto) })
  @ApiErrors(400)
  list(@Ctx() ctx: RequestContext, @Query() query: AttendanceRightQueryDto) {
    return this.service.list(ctx, query);
  }

  @Get(':id')
  @RequirePermission(Permission.OrganisationRead)
  @ApiOperation({ summary: 'Get an attendance right' })
  @ApiOkResponse({ type: AttendanceRightDto })
  @ApiErrors(400, 404)
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.service.get(ctx, id);
  }

  @Post()
  @RequirePermission(Permission.OrganManage)
  @ApiOperation({ summary: 'Grant an attendance right in an organ' })
  @ApiCreatedResponse({ type: AttendanceRightDto })
  @ApiErrors(400, 404, 413)
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateAttendanceRightDto) {
    return this.service.create(ctx, dto);
  }

  @Patch(':id')
  @RequirePermission(Permission.OrganManage)
  @ApiOperation({ summary: 'Update an attendance right' })
  @ApiOkResponse({ type: AttendanceRightDto })
  @ApiErrors(400, 404, 413)
  update(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateAttendanceRightDto) {
    return this.service.update(ctx, id, dto);
  }
}
