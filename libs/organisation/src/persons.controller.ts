import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, Ctx, PageDto, Permission, RequestContext, RequirePermission } from '@namndrum/core';
import { CreatePersonDto, PersonDto, PersonQueryDto, UpdatePersonDto } from './dto/person.dto';
import { DateQueryDto, SeatDto } from './dto/membership.dto';
import { MembershipService } from './membership.service';
import { PersonService } from './person.service';

@ApiTags('persons')
@Controller('persons')
export class PersonsController {
  constructor(
    private readonly service: PersonService,
    private readonly memberships: MembershipService,
  ) {}

  @Get(':id/seats')
  @RequirePermission(Permission.OrganisationRead)
  @ApiOperation({ summary: "List a person's seats" })
  @ApiOkResponse({ type: [SeatDto], description: "All the person's seats, newest first, marked current on the date" })
  @ApiErrors(400, 404)
  seats(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Query() query: DateQueryDto) {
    return this.memberships.seatsOf(ctx, id, query.date);
  }

  @Get()
  @RequirePermission(Permission.OrganisationRead)
  @ApiOperation({ summary: 'List persons' })
  @ApiOkResponse({ type: PageDto(PersonDto) })
  @ApiErrors(400)
  list(@Ctx() ctx: RequestContext, @Query() query: PersonQueryDto) {
    return this.service.list(ctx, query);
  }

  @Get(':id')
  @RequirePermission(Permission.OrganisationRead)
  @ApiOperation({ summary: 'Get a person' })
  @ApiOkResponse({ type: PersonDto })
  @ApiErrors(400, 404)
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.service.get(ctx, id);
  }

  @Post()
  @RequirePermission(Permission.PersonsManage)
  @ApiOperation({ summary: 'Create a person' })
  @ApiCreatedResponse({ type: PersonDto })
  @ApiErrors(400, 409, 413)
  create(@Ctx() ctx: RequestContext, @Body() dto: CreatePersonDto) {
    return this.service.create(ctx, dto);
  }

  @Patch(':id')
  @RequirePermission(Permission.PersonsManage)
  @ApiOperation({ summary: 'Update a person' })
  @ApiOkResponse({ type: PersonDto })
  @ApiErrors(400, 404, 409, 413)
  update(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdatePersonDto) {
    return this.service.update(ctx, id, dto);
  }
}
