import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, Ctx, PageDto, Permission, RequestContext, RequirePermission } from '@namndrum/core';
import { CreateUserDto, UpdateUserDto, UserDto, UserQueryDto } from './dto/user.dto';
import { UserService } from './user.service';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UserService) {}

  @Get()
  @RequirePermission(Permission.UsersManage)
  @ApiOperation({ summary: 'List users' })
  @ApiOkResponse({ type: PageDto(UserDto) })
  @ApiErrors(400)
  list(@Ctx() ctx: RequestContext, @Query() query: UserQueryDto) {
    return this.users.list(ctx, query);
  }

  @Get(':id')
  @RequirePermission(Permission.UsersManage)
  @ApiOperation({ summary: 'Get a user' })
  @ApiOkResponse({ type: UserDto })
  @ApiErrors(400, 404)
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.users.get(ctx, id);
  }

  @Post()
  @RequirePermission(Permission.UsersCreate)
  @ApiOperation({ summary: 'Create a user' })
  @ApiCreatedResponse({ type: UserDto })
  @ApiErrors(400, 404, 409, 413)
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateUserDto) {
    return this.users.create(ctx, dto);
  }

  @Patch(':id')
  @RequirePermission(Permission.UsersManage)
  @ApiOperation({ summary: 'Update a user' })
  @ApiOkResponse({ type: UserDto })
  @ApiErrors(400, 404, 409, 413)
  update(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateUserDto) {
    return this.users.update(ctx, id, dto);
  }
}
