import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../auth/decorators';
import { Permission } from '../auth/permissions';
import { Ctx, type AuthedCtx } from '../common/request-context';
import { AuditService } from './audit.service';
import { AuditPageDto, ListAuditQuery } from './dto';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @RequirePermission(Permission.AuditRead, 'Read the audit trail')
  @ApiOkResponse({ type: AuditPageDto })
  list(@Ctx() ctx: AuthedCtx, @Query() query: ListAuditQuery): Promise<AuditPageDto> {
    return this.audit.list(ctx, query);
  }
}
