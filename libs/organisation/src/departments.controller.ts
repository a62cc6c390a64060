import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Ctx, PageDto, Permission, RequestContext, RequirePermission } from '@namndrum/core';
import { CreateDepartmentDto, DepartmentDto, DepartmentQueryDto, UpdateDepartmentDto } from './dto/department.dto';
import { DepartmentService } from './department.service';

@ApiTags('departments')
@Controller('departments')
export class DepartmentsController {
  constructor(private readonly service: DepartmentService) {}

  @Get()
  @RequirePermission(Permission.OrganisationRead)
  @ApiOkResponse({ type: PageDto(DepartmentDto) })
  list(@Ctx() ctx: RequestContext, @Query() query: DepartmentQueryDto) {
    return this.service.list(ctx, query);
  }

  @Get(':id')
  @RequirePermission(Permission.OrganisationRead)
  @ApiOkResponse({ type: DepartmentDto })
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.service.get(ctx, id);
  }

  @Post()
  @RequirePermission(Permission.OrganisationManage)
  @ApiCreatedResponse({ type: DepartmentDto })
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateDepartmentDto) {
    return this.service.create(ctx, dto);
  }

  @Patch(':id')
  @RequirePermission(Permission.OrganisationManage)
  @ApiOkResponse({ type: DepartmentDto })
  update(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateDepartmentDto) {
    return this.service.update(ctx, id, dto);
  }
}
