import { Controller, Get, Param, Query, UseInterceptors, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@namndrum/core';
import { PublicResource, PublicResourceInterceptor } from '../public-resource';
import { MunicipalityPagesService } from './municipality-pages.service';

/** A whole number within bounds from a query parameter; anything else is the fallback. */
function whole(value: string | undefined, min: number, max: number, fallback: number | null): number | null {
  if (value === undefined || !/^\d{1,6}$/.test(value)) return fallback;
  const number = Number(value);
  return number >= min && number <= max ? number : fallback;
}

/** The municipality's public pages: /kommun/{kommunkod}/… */
@ApiExcludeController()
@Controller({ path: 'kommun', version: VERSION_NEUTRAL })
@UseInterceptors(PublicResourceInterceptor)
export class MunicipalityPagesController {
  constructor(private readonly pages: MunicipalityPagesService) {}

  @Get(':code')
  @Public()
  municipality(@Param('code') code: string): Promise<PublicResource> {
    return this.pages.municipality(code);
  }

  @Get(':code/organ/:organId')
  @Public()
  organ(@Param('code') code: string, @Param('organId') organId: string): Promise<PublicResource> {
    return this.pages.organ(code, organId, 'sv');
  }

  @Get(':code/organ/:organId/fi')
  @Public()
  organFinnish(@Param('code') code: string, @Param('organId') organId: string): Promise<PublicResource> {
    return this.pages.organ(code, organId, 'fi');
  }

  @Get(':code/sammantraden')
  @Public()
  calendar(@Param('code') code: string, @Query('ar') year?: string): Promise<PublicResource> {
    return this.pages.calendar(code, whole(year, 1900, 2200, null));
  }

  @Get(':code/arenden/:matterId')
  @Public()
  matter(@Param('code') code: string, @Param('matterId') matterId: string): Promise<PublicResource> {
    return this.pages.matter(code, matterId);
  }

  @Get(':code/sok')
  @Public()
  search(@Param('code') code: string, @Query('q') query?: string, @Query('sida') page?: string): Promise<PublicResource> {
    return this.pages.search(code, typeof query === 'string' ? query : undefined, whole(page, 1, 500, 1)!);
  }

  @Get(':code/tillganglighet')
  @Public()
  accessibility(@Param('code') code: string): Promise<PublicResource> {
    return this.pages.accessibility(code);
  }
}
