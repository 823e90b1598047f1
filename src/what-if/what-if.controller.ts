import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../auth/decorators';
import { Permission } from '../auth/permissions';
import { type FileDownload, SendsFile } from '../common/file-download';
import { Ctx, type AuthedCtx } from '../common/request-context';
import { UuidPipe } from '../common/uuid';
import { WhatIfDto, WhatIfQuery } from './dto';
import { WhatIfService } from './what-if.service';

@ApiTags('schemes')
@Controller('bodies/:bodyId/schemes/:schemeId/versions/:versionId')
export class WhatIfController {
  constructor(private readonly whatIf: WhatIfService) {}

  @Get('what-if')
  @RequirePermission(
    Permission.SchemesManage,
    "What a draft scheme version would change: every enrolled trainee's and holder's eligibility per level",
  )
  @ApiOkResponse({
    type: WhatIfDto,
    description:
      'Per level: gains, losses and unchanged; the changed people with the rules that flipped. Compared with the version in force today; nothing is written',
  })
  get(
    @Ctx() ctx: AuthedCtx,
    @Param('bodyId', UuidPipe) bodyId: string,
    @Param('schemeId', UuidPipe) schemeId: string,
    @Param('versionId', UuidPipe) versionId: string,
    @Query() q: WhatIfQuery,
  ): Promise<WhatIfDto> {
    return this.whatIf.whatIf(ctx, bodyId, schemeId, versionId, q);
  }

  @Get('what-if.csv')
  @RequirePermission(Permission.SchemesManage, 'Download what a draft scheme version would change (CSV)')
  @SendsFile(
    'Every changed person and level with the rules that flipped; cells a spreadsheet would run as a formula start with an apostrophe',
    'text/csv',
  )
  csv(
    @Ctx() ctx: AuthedCtx,
    @Param('bodyId', UuidPipe) bodyId: string,
    @Param('schemeId', UuidPipe) schemeId: string,
    @Param('versionId', UuidPipe) versionId: string,
  ): Promise<FileDownload> {
    return this.whatIf.csv(ctx, bodyId, schemeId, versionId);
  }
}
