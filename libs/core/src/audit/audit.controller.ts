import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '../auth/permissions';
import { RequirePermission } from '../auth/decorators';
import { ApiErrors } from '../errors/api-errors.decorator';
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
  @ApiOperation({ summary: 'List the audit log' })
  @ApiOkResponse({ type: PageDto(AuditEntryDto) })
  @ApiErrors(400)
  list(@Ctx() ctx: RequestContext, @Query() query: AuditQueryDto) {
    return this.audit.list(ctx, query);
  }
}
