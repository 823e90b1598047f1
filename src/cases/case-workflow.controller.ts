import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../auth/decorators';
import { Permission } from '../auth/permissions';
import { IfMatch } from '../common/etag';
import { Ctx, type AuthedCtx } from '../common/request-context';
import { UuidPipe } from '../common/uuid';
import { CaseReviewService } from './case-review.service';
import { CaseDto, CaseHistoryDto, CreateSessionDto, ReturnCaseDto, SignOffDto, UpdateSessionDto } from './dto';
import { TherapySessionsService } from './therapy-sessions.service';

@ApiTags('cases')
@Controller('cases/:id')
export class CaseWorkflowController {
  constructor(
    private readonly sessions: TherapySessionsService,
    private readonly review: CaseReviewService,
  ) {}

  @Post('sessions')
  @RequirePermission(Permission.RecordsWrite, 'Add a therapy session to a case')
  @ApiCreatedResponse({ type: CaseDto, description: "Needs If-Match with the CASE's ETag; answers with the updated case" })
  addSession(
    @Ctx() ctx: AuthedCtx,
    @Param('id', UuidPipe) id: string,
    @IfMatch() ifMatch: string | undefined,
    @Body() dto: CreateSessionDto,
  ): Promise<CaseDto> {
    return this.sessions.add(ctx, id, ifMatch, dto);
  }

  @Patch('sessions/:sessionId')
  @RequirePermission(Permission.RecordsWrite, 'Edit a therapy session')
  @ApiOkResponse({ type: CaseDto, description: "Needs If-Match with the CASE's ETag" })
  updateSession(
    @Ctx() ctx: AuthedCtx,
    @Param('id', UuidPipe) id: string,
    @Param('sessionId', UuidPipe) sessionId: string,
    @IfMatch() ifMatch: string | undefined,
    @Body() dto: UpdateSessionDto,
  ): Promise<CaseDto> {
    return this.sessions.update(ctx, id, sessionId, ifMatch, dto);
  }

  @Delete('sessions/:sessionId')
  @RequirePermission(Permission.RecordsWrite, 'Delete a therapy session')
  @ApiOkResponse({ type: CaseDto, description: "Needs If-Match with the CASE's ETag" })
  removeSession(
    @Ctx() ctx: AuthedCtx,
    @Param('id', UuidPipe) id: string,
    @Param('sessionId', UuidPipe) sessionId: string,
    @IfMatch() ifMatch: string | undefined,
  ): Promise<CaseDto> {
    return this.sessions.remove(ctx, id, sessionId, ifMatch);
  }

  @Post('submit')
  @HttpCode(200)
  @RequirePermission(Permission.RecordsWrite, 'Submit a case for review')
  @ApiOkResponse({ type: CaseDto, description: 'The trainee submits a draft or returned case to their supervisor' })
  submit(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string): Promise<CaseDto> {
    return this.review.submit(ctx, id);
  }

  @Post('return')
  @HttpCode(200)
  @RequirePermission(Permission.RecordsReview, 'Return a case to the trainee')
  @ApiOkResponse({ type: CaseDto, description: "Only the case's supervisor; comments go to the trainee" })
  returnCase(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string, @Body() dto: ReturnCaseDto): Promise<CaseDto> {
    return this.review.returnCase(ctx, id, dto);
  }

  @Post('sign-off')
  @HttpCode(200)
  @RequirePermission(Permission.RecordsReview, 'Sign off a case')
  @ApiOkResponse({
    type: CaseDto,
    description: "Only the case's supervisor; contentHash must be the current one (else 409 CONTENT_CHANGED)",
  })
  signOff(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string, @Body() dto: SignOffDto): Promise<CaseDto> {
    return this.review.signOff(ctx, id, dto);
  }

  @Get('history')
  @RequirePermission(Permission.RecordsRead, "Get a case's review history")
  @ApiOkResponse({ type: CaseHistoryDto })
  history(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string): Promise<CaseHistoryDto> {
    return this.review.history(ctx, id);
  }
}
