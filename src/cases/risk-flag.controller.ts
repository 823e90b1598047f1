import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../auth/decorators';
import { Permission } from '../auth/permissions';
import { Ctx, type AuthedCtx } from '../common/request-context';
import { UuidPipe } from '../common/uuid';
import { AcknowledgeRiskFlagDto, RiskFlagDto } from './dto';
import { RiskFlagService } from './risk-flag.service';

@ApiTags('cases')
@Controller('cases/:id/risk-flag')
export class RiskFlagController {
  constructor(private readonly riskFlags: RiskFlagService) {}

  @Get()
  @RequirePermission(Permission.RecordsRead, "Get a case's risk flag and its acknowledgement")
  @ApiOkResponse({ type: RiskFlagDto })
  get(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string): Promise<RiskFlagDto> {
    return this.riskFlags.get(ctx, id);
  }

  @Post('acknowledge')
  @HttpCode(200)
  @RequirePermission(Permission.RecordsReview, "Acknowledge a case's risk flag")
  @ApiOkResponse({
    type: RiskFlagDto,
    description:
      "Only the case's supervisor (else 403); 409 NO_RISK_FLAG without a flag; again while acknowledged: the acknowledgement in force, unchanged",
  })
  acknowledge(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string, @Body() dto: AcknowledgeRiskFlagDto): Promise<RiskFlagDto> {
    return this.riskFlags.acknowledge(ctx, id, dto);
  }
}
