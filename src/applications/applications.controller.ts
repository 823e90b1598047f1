import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../auth/decorators';
import { Permission } from '../auth/permissions';
import { Ctx, type AuthedCtx } from '../common/request-context';
import { UuidPipe } from '../common/uuid';
import { ApplicationDecisionsService } from './application-decisions.service';
import { ApplicationsService } from './applications.service';
import {
  ApplicationDetailDto,
  ApplicationPageDto,
  ApprovalDto,
  ApproveDto,
  CreateApplicationDto,
  ListApplicationsQuery,
  RejectDto,
  RequestInfoDto,
  RespondDto,
} from './dto';

@ApiTags('applications')
@Controller('applications')
export class ApplicationsController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly decisions: ApplicationDecisionsService,
  ) {}

  @Post()
  @RequirePermission(Permission.ApplicationsApply, 'Apply for a level')
  @ApiCreatedResponse({ type: ApplicationDetailDto, description: 'Submitted with its evaluation snapshot; enrols the applicant if needed' })
  submit(@Ctx() ctx: AuthedCtx, @Body() dto: CreateApplicationDto): Promise<ApplicationDetailDto> {
    return this.applications.submit(ctx, dto);
  }

  @Get()
  @RequirePermission(Permission.RecordsRead, 'List applications')
  @ApiOkResponse({ type: ApplicationPageDto })
  list(@Ctx() ctx: AuthedCtx, @Query() query: ListApplicationsQuery): Promise<ApplicationPageDto> {
    return this.applications.list(ctx, query);
  }

  @Get(':id')
  @RequirePermission(Permission.RecordsRead, 'Get an application with its evaluation')
  @ApiOkResponse({ type: ApplicationDetailDto })
  get(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string): Promise<ApplicationDetailDto> {
    return this.applications.get(ctx, id);
  }

  @Post(':id/request-info')
  @HttpCode(200)
  @RequirePermission(Permission.ApplicationsDecide, 'Ask the applicant for more information')
  @ApiOkResponse({ type: ApplicationDetailDto })
  requestInfo(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string, @Body() dto: RequestInfoDto): Promise<ApplicationDetailDto> {
    return this.decisions.requestInfo(ctx, id, dto);
  }

  @Post(':id/respond')
  @HttpCode(200)
  @RequirePermission(Permission.ApplicationsApply, 'Answer a request for more information')
  @ApiOkResponse({ type: ApplicationDetailDto, description: 'Re-evaluated and submitted again' })
  respond(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string, @Body() dto: RespondDto): Promise<ApplicationDetailDto> {
    return this.applications.respond(ctx, id, dto);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @RequirePermission(Permission.ApplicationsDecide, 'Approve an application and issue the accreditation')
  @ApiOkResponse({
    type: ApprovalDto,
    description: 'Approved; the accreditation and its signed credential are issued in the same transaction',
  })
  approve(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string, @Body() dto: ApproveDto): Promise<ApprovalDto> {
    return this.decisions.approve(ctx, id, dto);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @RequirePermission(Permission.ApplicationsDecide, 'Reject an application')
  @ApiOkResponse({ type: ApplicationDetailDto })
  reject(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string, @Body() dto: RejectDto): Promise<ApplicationDetailDto> {
    return this.decisions.reject(ctx, id, dto);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @RequirePermission(Permission.ApplicationsApply, 'Withdraw an application')
  @ApiOkResponse({ type: ApplicationDetailDto })
  withdraw(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string): Promise<ApplicationDetailDto> {
    return this.applications.withdraw(ctx, id);
  }
}
