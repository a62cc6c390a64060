import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Ctx, PageDto, Permission, RequestContext, RequirePermission } from '@namndrum/core';
import { CreateUserDto, UpdateUserDto, UserDto, UserQueryDto } from './dto/user.dto';
import { UserService } from './user.service';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UserService) {}

  @Get()
  @RequirePermission(Permission.UsersManage)
  @ApiOkResponse({ type: PageDto(UserDto) })
  list(@Ctx() ctx: RequestContext, @Query() query: UserQueryDto) {
    return this.users.list(ctx, query);
  }

  @Get(':id')
  @RequirePermission(Permission.UsersManage)
  @ApiOkResponse({ type: UserDto })
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.users.get(ctx, id);
  }

  @Post()
  @RequirePermission(Permission.UsersCreate)
  @ApiCreatedResponse({ type: UserDto })
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateUserDto) {
    return this.users.create(ctx, dto);
  }

  @Patch(':id')
  @RequirePermission(Permission.UsersManage)
  @ApiOkResponse({ type: UserDto })
  update(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateUserDto) {
    return this.users.update(ctx, id, dto);
  }
}
