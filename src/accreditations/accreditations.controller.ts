import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../auth/decorators';
import { Permission } from '../auth/permissions';
import { IfMatch } from '../common/etag';
import { Ctx, type AuthedCtx } from '../common/request-context';
import { UuidPipe } from '../common/uuid';
import { AccreditationExpiryService } from './accreditation-expiry.service';
import { AccreditationRestoreService } from './accreditation-restore.service';
import { AccreditationRenewalsService } from './accreditation-renewals.service';
import { AccreditationsService } from './accreditations.service';
import {
  BodyPipelineDto,
  AccreditationDetailDto,
  AccreditationPageDto,
  LeaveDto,
  ListAccreditationsQuery,
  ListRenewalAuditsQuery,
  ProcessExpiriesQuery,
  ProcessExpiriesResultDto,
  RenewalAuditDto,
  RenewalAuditOutcomeDto,
  RenewalAuditPageDto,
  RenewalAuditRequestDto,
  RestoreDto,
  RenewalAuditSelectionDto,
  RenewalDueDto,
  RenewalResultDto,
  RenewalsDueQuery,
  RenewDto,
  StatusChangeDto,
} from './dto';
import { RenewalAuditsService } from './renewal-audits.service';
import { BodyPipelineService } from './body-pipeline.service';

@ApiTags('accreditations')
@Controller('accreditations')
export class AccreditationsController {
  constructor(
    private readonly accreditations: AccreditationsService,
    private readonly renewals: AccreditationRenewalsService,
    private readonly expiry: AccreditationExpiryService,
    private readonly restorer: AccreditationRestoreService,
  ) {}

  @Get()
  @RequirePermission(Permission.RecordsRead, 'List accreditations')
  @ApiOkResponse({ type: AccreditationPageDto, description: "Holders see their own; body admins their bodies'; global admins all" })
  list(@Ctx() ctx: AuthedCtx, @Query() query: ListAccreditationsQuery): Promise<AccreditationPageDto> {
    return this.accreditations.list(ctx, query);
  }

  @Get('renewals-due')
  @RequirePermission(Permission.ApplicationsDecide, 'List accreditations due for renewal')
  @ApiOkResponse({ type: [RenewalDueDto] })
  renewalsDue(@Ctx() ctx: AuthedCtx, @Query() query: RenewalsDueQuery): Promise<RenewalDueDto[]> {
    return this.renewals.due(ctx, query);
  }

  @Post('process-expiries')
  @HttpCode(200)
  @RequirePermission(Permission.ApplicationsDecide, 'Lapse or expire unrenewed accreditations')
  @ApiOkResponse({
    type: ProcessExpiriesResultDto,
    description: 'Lapses (annual) or expires (fixed term) what was not renewed within the grace period',
  })
  processExpiries(@Ctx() ctx: AuthedCtx, @Query() query: ProcessExpiriesQuery): Promise<ProcessExpiriesResultDto> {
    return this.expiry.process(ctx, query);
  }

  @Get(':id')
  @RequirePermission(Permission.RecordsRead, 'Get an accreditation with its history')
  @ApiOkResponse({ type: AccreditationDetailDto })
  get(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string): Promise<AccreditationDetailDto> {
    return this.accreditations.get(ctx, id);
  }

  @Post(':id/suspend')
  @HttpCode(200)
  @RequirePermission(Permission.ApplicationsDecide, 'Suspend an accreditation')
  @ApiOkResponse({ type: AccreditationDetailDto })
  suspend(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string, @Body() dto: StatusChangeDto): Promise<AccreditationDetailDto> {
    return this.accreditations.changeStatus(ctx, id, 'suspend', dto);
  }

  @Post(':id/reinstate')
  @HttpCode(200)
  @RequirePermission(Permission.ApplicationsDecide, 'Reinstate a suspended accreditation')
  @ApiOkResponse({ type: AccreditationDetailDto })
  reinstate(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string, @Body() dto: StatusChangeDto): Promise<AccreditationDetailDto> {
    return this.accreditations.changeStatus(ctx, id, 'reinstate', dto);
  }

  @Post(':id/restore')
  @HttpCode(200)
  @RequirePermission(Permission.ApplicationsDecide, 'Restore a lapsed accreditation')
  @ApiOkResponse({
    type: AccreditationDetailDto,
    description: 'Active again for the cycle after its old expiry (restorable until that cycle ends); the credential is re-signed',
  })
  restore(
    @Ctx() ctx: AuthedCtx,
    @Param('id', UuidPipe) id: string,
    @IfMatch() ifMatch: string | undefined,
    @Body() dto: RestoreDto,
  ): Promise<AccreditationDetailDto> {
    return this.restorer.restore(ctx, id, ifMatch, dto);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @RequirePermission(Permission.ApplicationsDecide, 'Revoke an accreditation')
  @ApiOkResponse({ type: AccreditationDetailDto, description: 'Final' })
  revoke(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string, @Body() dto: StatusChangeDto): Promise<AccreditationDetailDto> {
    return this.accreditations.changeStatus(ctx, id, 'revoke', dto);
  }

  // any signed-in holder renews their own (a supervisor- or trainer-level holder may hold no TRAINEE role)
  @Post(':id/renew')
  @HttpCode(200)
  @RequirePermission(Permission.Self, 'Renew an accreditation')
  @ApiOkResponse({ type: RenewalResultDto })
  renew(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string, @Body() dto: RenewDto): Promise<RenewalResultDto> {
    return this.renewals.renew(ctx, id, dto);
  }

  @Post(':id/leave')
  @HttpCode(200)
  @RequirePermission(Permission.ApplicationsDecide, 'Record a leave of absence')
  @ApiOkResponse({ type: AccreditationDetailDto, description: "Expiry moved on by the leave's length in days" })
  leave(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string, @Body() dto: LeaveDto): Promise<AccreditationDetailDto> {
    return this.accreditations.leave(ctx, id, dto);
  }
}

@ApiTags('accreditations')
@Controller('bodies')
export class RenewalAuditsController {
  constructor(
    private readonly audits: RenewalAuditsService,
    private readonly pipelines: BodyPipelineService,
  ) {}

  @Get(':bodyId/pipeline')
  @RequirePermission(Permission.ApplicationsDecide, "The body's pipeline: people per level, applications by state, renewals due")
  @ApiOkResponse({ type: BodyPipelineDto, description: 'For the admins of the body' })
  pipeline(@Ctx() ctx: AuthedCtx, @Param('bodyId', UuidPipe) bodyId: string): Promise<BodyPipelineDto> {
    return this.pipelines.pipeline(ctx, bodyId);
  }

  @Post(':bodyId/renewal-audits')
  @RequirePermission(Permission.ApplicationsDecide, 'Draw a renewal audit sample')
  @ApiCreatedResponse({ type: RenewalAuditSelectionDto })
  select(
    @Ctx() ctx: AuthedCtx,
    @Param('bodyId', UuidPipe) bodyId: string,
    @Body() dto: RenewalAuditRequestDto,
  ): Promise<RenewalAuditSelectionDto> {
    return this.audits.select(ctx, bodyId, dto);
  }

  @Get(':bodyId/renewal-audits')
  @RequirePermission(Permission.ApplicationsDecide, 'List renewal audit samples')
  @ApiOkResponse({ type: RenewalAuditPageDto })
  list(
    @Ctx() ctx: AuthedCtx,
    @Param('bodyId', UuidPipe) bodyId: string,
    @Query() query: ListRenewalAuditsQuery,
  ): Promise<RenewalAuditPageDto> {
    return this.audits.list(ctx, bodyId, query);
  }

  @Post(':bodyId/renewal-audits/:auditId/outcome')
  @HttpCode(200)
  @RequirePermission(Permission.ApplicationsDecide, "Record a renewal audit's outcome")
  @ApiOkResponse({ type: RenewalAuditDto, description: 'Passed, or failed with a reason; once per selection' })
  recordOutcome(
    @Ctx() ctx: AuthedCtx,
    @Param('bodyId', UuidPipe) bodyId: string,
    @Param('auditId', UuidPipe) auditId: string,
    @Body() dto: RenewalAuditOutcomeDto,
  ): Promise<RenewalAuditDto> {
    return this.audits.recordOutcome(ctx, bodyId, auditId, dto);
  }
}
