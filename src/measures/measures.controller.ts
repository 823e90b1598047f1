import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../auth/decorators';
import { Permission } from '../auth/permissions';
import { IfMatch } from '../common/etag';
import { Ctx, type AuthedCtx } from '../common/request-context';
import { UuidPipe } from '../common/uuid';
import { CaseMeasuresDto, CreatedMeasureDto, CreateMeasureDto } from './dto';
import { MeasuresService } from './measures.service';

// Measures are case content: like a session, a write needs If-Match with the CASE's ETag (428 without, 412 stale).
@ApiTags('measures')
@Controller('cases/:id/measures')
export class MeasuresController {
  constructor(private readonly measures: MeasuresService) {}

  @Post()
  @RequirePermission(Permission.RecordsWrite, 'Record an outcome measure')
  @ApiCreatedResponse({
    type: CreatedMeasureDto,
    description: "Needs If-Match with the CASE's ETag. Total, severity band and risk flag are computed; PHQ-9 item 9 > 0 flags the case",
  })
  add(
    @Ctx() ctx: AuthedCtx,
    @Param('id', UuidPipe) id: string,
    @IfMatch() ifMatch: string | undefined,
    @Body() dto: CreateMeasureDto,
  ): Promise<CreatedMeasureDto> {
    return this.measures.add(ctx, id, ifMatch, dto);
  }

  @Get()
  @RequirePermission(Permission.RecordsRead, "List a case's outcome measures")
  @ApiOkResponse({ type: CaseMeasuresDto, description: 'Every administration, with change from intake per instrument' })
  list(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string): Promise<CaseMeasuresDto> {
    return this.measures.list(ctx, id);
  }

  @Delete(':measureId')
  @RequirePermission(Permission.RecordsWrite, 'Delete an outcome measure')
  @ApiOkResponse({ type: CaseMeasuresDto, description: "Needs If-Match with the CASE's ETag" })
  remove(
    @Ctx() ctx: AuthedCtx,
    @Param('id', UuidPipe) id: string,
    @Param('measureId', UuidPipe) measureId: string,
    @IfMatch() ifMatch: string | undefined,
  ): Promise<CaseMeasuresDto> {
    return this.measures.remove(ctx, id, measureId, ifMatch);
  }
}
