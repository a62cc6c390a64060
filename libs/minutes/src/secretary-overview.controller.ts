import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, Ctx, Permission, RequestContext, RequirePermission } from '@namndrum/core';
import { SecretaryOverviewDto } from './dto/secretary-overview.dto';
import { SecretaryOverviewService } from './secretary-overview.service';

@ApiTags('minutes')
@Controller('secretary-overview')
export class SecretaryOverviewController {
  constructor(private readonly overview: SecretaryOverviewService) {}

  @Get()
  @RequirePermission(Permission.MeetingsManage)
  @ApiOperation({
    summary: "Get the secretary's overview",
    description:
      "For each organ the user is secretary for (an admin: every organ): the coming meetings and their notice deadlines, held meetings whose minutes are to be opened or verified, postings up, and matters with a signed tjänsteskrivelse waiting for an agenda. The start page's one request.",
  })
  @ApiOkResponse({ type: SecretaryOverviewDto })
  @ApiErrors(400)
  get(@Ctx() ctx: RequestContext) {
    return this.overview.overview(ctx);
  }
}
