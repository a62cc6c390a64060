import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, Ctx, PageDto, Permission, RequestContext, RequirePermission } from '@namndrum/core';
import { CreateDepartmentDto, DepartmentDto, DepartmentQueryDto, UpdateDepartmentDto } from './dto/department.dto';
import { DepartmentService } from './department.service';

@ApiTags('departments')
@Controller('departments')
export class DepartmentsController {
  constructor(private readonly service: DepartmentService) {}

  @Get()
  @RequirePermission(Permission.OrganisationRead)
  @ApiOperation({ summary: 'List departments' })
  @ApiOkResponse({ type: PageDto(DepartmentDto) })
  @ApiErrors(400)
  list(@Ctx() ctx: RequestContext, @Query() query: DepartmentQueryDto) {
    return this.service.list(ctx, query);
  }

  @Get(':id')
  @RequirePermission(Permission.OrganisationRead)
  @ApiOperation({ summary: 'Get a department' })
  @ApiOkResponse({ type: DepartmentDto })
  @ApiErrors(400, 404)
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.service.get(ctx, id);
  }

  @Post()
  @RequirePermission(Permission.OrganisationManage)
  @ApiOperation({ summary: 'Create a department' })
  @ApiCreatedResponse({ type: DepartmentDto })
  @ApiErrors(400, 409, 413)
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateDepartmentDto) {
    return this.service.create(ctx, dto);
  }

  @Patch(':id')
  @RequirePermission(Permission.OrganisationManage)
  @ApiOperation({ summary: 'Update a department' })
  @ApiOkResponse({ type: DepartmentDto })
  @ApiErrors(400, 404, 409, 413)
  update(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateDepartmentDto) {
    return this.service.update(ctx, id, dto);
  }
}
