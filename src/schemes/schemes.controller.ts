import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../auth/decorators';
import { Permission } from '../auth/permissions';
import { IfMatch } from '../common/etag';
import { Ctx, type AuthedCtx } from '../common/request-context';
import { UuidPipe } from '../common/uuid';
import {
  BackdateEnrolmentDto,
  CreateSchemeDto,
  CreateSchemeVersionDto,
  EnrolDto,
  EnrolmentDto,
  ProgressDto,
  ProgressQuery,
  PublishSchemeVersionDto,
  RuleTypeDto,
  SchemeDto,
  SchemeVersionDto,
  UpdateSchemeVersionDto,
} from './dto';
import { EnrolmentDatesService } from './enrolment-dates.service';
import { ProgressService } from './progress.service';
import { SchemesService } from './schemes.service';

@ApiTags('schemes')
@Controller()
export class SchemesController {
  constructor(
    private readonly schemes: SchemesService,
    private readonly progressService: ProgressService,
    private readonly enrolmentDates: EnrolmentDatesService,
  ) {}

  @Get('schemes/rule-types')
  @RequirePermission(Permission.Self, 'List the rule types schemes are written in')
  @ApiOkResponse({ type: [RuleTypeDto], description: 'The rule vocabulary a scheme is written in' })
  ruleTypes(): RuleTypeDto[] {
    return this.schemes.ruleTypes();
  }

  @Get('schemes')
  @RequirePermission(Permission.Self, 'List accreditation schemes')
  @ApiOkResponse({ type: [SchemeDto] })
  list(): Promise<SchemeDto[]> {
    return this.schemes.list();
  }

  @Post('schemes')
  @RequirePermission(Permission.SchemesManage, 'Create an accreditation scheme')
  @ApiCreatedResponse({ type: SchemeDto })
  create(@Ctx() ctx: AuthedCtx, @Body() dto: CreateSchemeDto): Promise<SchemeDto> {
    return this.schemes.create(ctx, dto);
  }

  @Get('schemes/:id')
  @RequirePermission(Permission.Self, 'Get a scheme with its versions')
  @ApiOkResponse({ type: SchemeDto })
  get(@Param('id', UuidPipe) id: string): Promise<SchemeDto> {
    return this.schemes.get(id);
  }

  @Post('schemes/:id/versions')
  @RequirePermission(Permission.SchemesManage, 'Start a new draft scheme version')
  @ApiCreatedResponse({ type: SchemeVersionDto, description: 'A new draft (a copy of the latest version unless a definition is given)' })
  createVersion(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string, @Body() dto: CreateSchemeVersionDto): Promise<SchemeVersionDto> {
    return this.schemes.createVersion(ctx, id, dto);
  }

  @Get('scheme-versions/:id')
  @RequirePermission(Permission.Self, 'Get a scheme version')
  @ApiOkResponse({ type: SchemeVersionDto })
  getVersion(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string): Promise<SchemeVersionDto> {
    return this.schemes.getVersion(ctx, id);
  }

  @Put('scheme-versions/:id')
  @RequirePermission(Permission.SchemesManage, 'Edit a draft scheme version')
  @ApiOkResponse({ type: SchemeVersionDto, description: 'Drafts only; If-Match required' })
  updateVersion(
    @Ctx() ctx: AuthedCtx,
    @Param('id', UuidPipe) id: string,
    @IfMatch() ifMatch: string | undefined,
    @Body() dto: UpdateSchemeVersionDto,
  ): Promise<SchemeVersionDto> {
    return this.schemes.updateVersion(ctx, id, ifMatch, dto);
  }

  @Post('scheme-versions/:id/publish')
  @RequirePermission(Permission.SchemesManage, 'Publish a scheme version')
  @ApiCreatedResponse({ type: SchemeVersionDto, description: 'A past effective date needs allowPastEffectiveDate and a reason (audited)' })
  publish(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string, @Body() dto: PublishSchemeVersionDto): Promise<SchemeVersionDto> {
    return this.schemes.publish(ctx, id, dto);
  }

  @Post('scheme-versions/:id/retire')
  @RequirePermission(Permission.SchemesManage, 'Retire a scheme version')
  @ApiCreatedResponse({ type: SchemeVersionDto })
  retire(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string): Promise<SchemeVersionDto> {
    return this.schemes.retire(ctx, id);
  }

  @Post('schemes/:id/enrolment')
  @RequirePermission(Permission.ApplicationsApply, 'Enrol in a scheme, or opt into a newer version')
  @ApiCreatedResponse({ type: EnrolmentDto, description: 'Enrol at the version in force, or opt into a newer version' })
  enrol(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string, @Body() dto: EnrolDto): Promise<EnrolmentDto> {
    return this.progressService.enrol(ctx, id, dto);
  }

  @Get('trainees/:traineeId/enrolments')
  @RequirePermission(Permission.RecordsRead, "List a trainee's scheme enrolments")
  @ApiOkResponse({ type: [EnrolmentDto] })
  enrolments(@Ctx() ctx: AuthedCtx, @Param('traineeId', UuidPipe) traineeId: string): Promise<EnrolmentDto[]> {
    return this.progressService.enrolments(ctx, traineeId);
  }

  @Put('trainees/:traineeId/enrolments/:schemeId/enrolled-on')
  @RequirePermission(Permission.SchemesManage, "Set a trainee's enrolment date in the past (body admin, with a reason)")
  @ApiOkResponse({ type: EnrolmentDto })
  backdateEnrolment(
    @Ctx() ctx: AuthedCtx,
    @Param('traineeId', UuidPipe) traineeId: string,
    @Param('schemeId', UuidPipe) schemeId: string,
    @Body() dto: BackdateEnrolmentDto,
  ): Promise<EnrolmentDto> {
    return this.enrolmentDates.backdate(ctx, traineeId, schemeId, dto);
  }

  @Get('trainees/:traineeId/schemes/:schemeId/progress')
  @RequirePermission(Permission.RecordsRead, "Get a trainee's progress towards a scheme's levels")
  @ApiOkResponse({
    type: ProgressDto,
    description: 'One entry per rule: met or not, figure vs requirement, the gap in words, and the records counted',
  })
  progress(
    @Ctx() ctx: AuthedCtx,
    @Param('traineeId', UuidPipe) traineeId: string,
    @Param('schemeId', UuidPipe) schemeId: string,
    @Query() q: ProgressQuery,
  ): Promise<ProgressDto> {
    return this.progressService.progress(ctx, traineeId, schemeId, q);
  }
}
