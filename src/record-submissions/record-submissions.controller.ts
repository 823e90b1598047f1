import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../auth/decorators';
import { Permission } from '../auth/permissions';
import { ErrorResponseDto } from '../common/error-response.dto';
import { Ctx, type AuthedCtx } from '../common/request-context';
import { UuidPipe } from '../common/uuid';
import { RecordSubmissionDto, RecordSubmissionListDto, SubmitRecordDto } from './dto';
import { RecordSubmissionsService } from './record-submissions.service';

@ApiTags('record-submissions')
@Controller('me/record-submissions')
export class RecordSubmissionsController {
  constructor(private readonly submissions: RecordSubmissionsService) {}

  @Get()
  @RequirePermission(Permission.Self, 'The bodies you submitted your training record to (withdrawn ones too)')
  @ApiOkResponse({ type: RecordSubmissionListDto })
  list(@Ctx() ctx: AuthedCtx): Promise<RecordSubmissionListDto> {
    return this.submissions.list(ctx);
  }

  @Post()
  @RequirePermission(
    Permission.Self,
    'Submit your training record to a body: its admins read all of it, read-only (optionally join as trainee)',
  )
  @ApiCreatedResponse({ type: RecordSubmissionDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Already submitted to this body' })
  submit(@Ctx() ctx: AuthedCtx, @Body() dto: SubmitRecordDto): Promise<RecordSubmissionDto> {
    return this.submissions.submit(ctx, dto);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @RequirePermission(Permission.Self, "Withdraw a submission: the body's admins no longer read what was made under other bodies")
  @ApiOkResponse({ type: RecordSubmissionDto })
  withdraw(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string): Promise<RecordSubmissionDto> {
    return this.submissions.withdraw(ctx, id);
  }
}
