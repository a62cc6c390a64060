import { Controller, Get, Param, Query, UseInterceptors, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { NotFoundError, Public } from '@namndrum/core';
import { PublicResource, PublicResourceInterceptor } from '../public-resource';
import { OPARL_LISTS, OparlList } from './oparl-objects';
import { parseListQuery } from './oparl-query';
import { OparlAnswer, OparlService } from './oparl.service';

const JSON_TYPE = 'application/json; charset=utf-8';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * OParl 1.1 at /oparl/v1: the open-data API over what the public pages publish (docs/oparl.md). Read
 * only, without sign-in; every answer carries ETag and Last-Modified and answers 304 when unchanged.
 */
@ApiExcludeController()
@Public()
@UseInterceptors(PublicResourceInterceptor)
@Controller({ path: 'oparl/v1', version: VERSION_NEUTRAL })
export class OparlController {
  constructor(private readonly oparl: OparlService) {}

  @Get()
  async system(): Promise<PublicResource> {
    return resource(await this.oparl.system());
  }

  @Get('body')
  async bodies(@Query() query: Record<string, unknown>): Promise<PublicResource> {
    return resource(await this.oparl.bodies(parseListQuery(query)));
  }

  @Get('body/:code')
  async body(@Param('code') code: string): Promise<PublicResource> {
    return resource(await this.oparl.body(code));
  }

  @Get('body/:code/organization/:id/meeting')
  async organizationMeetings(@Param('code') code: string, @Param('id') id: string, @Query() query: Record<string, unknown>): Promise<PublicResource> {
    const listQuery = parseListQuery(query);
    return resource(await this.oparl.list(code, 'meeting', listQuery, uuid(id)));
  }

  @Get('body/:code/:list')
  async list(@Param('code') code: string, @Param('list') list: string, @Query() query: Record<string, unknown>): Promise<PublicResource> {
    const listQuery = parseListQuery(query);
    return resource(await this.oparl.list(code, listName(list), listQuery));
  }

  @Get('body/:code/:list/:id')
  async object(@Param('code') code: string, @Param('list') list: string, @Param('id') id: string): Promise<PublicResource> {
    return resource(await this.oparl.object(code, listName(list), uuid(id)));
  }
}

function resource(answer: OparlAnswer): PublicResource {
  return { contentType: JSON_TYPE, body: JSON.stringify(answer.body), lastModified: answer.lastModified };
}

function listName(list: string): OparlList {
  if (!(OPARL_LISTS as readonly string[]).includes(list)) throw new NotFoundError('Listan');
  return list as OparlList;
}

/** An id that is no uuid names nothing here. */
function uuid(id: string): string {
  if (!UUID.test(id)) throw new NotFoundError('Objektet');
  return id;
}
