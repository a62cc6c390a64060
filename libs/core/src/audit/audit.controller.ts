import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Permission } from '../auth/permissions';
import { RequirePermission } from '../auth/decorators';
import { Ctx } from '../context/ctx.decorator';
import { RequestContext } from '../context/request-context';
import { PageDto } from '../http/pagination';
import { AuditService } from './audit.service';
import { AuditEntryDto } from './dto/audit-entry.dto';
import { AuditQueryDto } from './dto/audit-query.dto';

@ApiTags('audit')
@Controller('audit-entries')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @RequirePermission(Permission.AuditRead)
  @ApiOkResponse({ type: PageDto(AuditEntryDto) })
  list(@Ctx() ctx: RequestContext, @Query() query: AuditQueryDto) {
    return this.audit.list(ctx, query);
  }
}
