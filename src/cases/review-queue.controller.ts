import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../auth/decorators';
import { Permission } from '../auth/permissions';
import { Ctx, type AuthedCtx } from '../common/request-context';
import { UuidPipe } from '../common/uuid';
import { CaseReviewService } from './case-review.service';
import { QueuePageDto, QueueQuery, TraineeLoggingLagDto } from './dto';
import { TherapySessionsService } from './therapy-sessions.service';

@ApiTags('cases')
@Controller()
export class ReviewQueueController {
  constructor(
    private readonly review: CaseReviewService,
    private readonly sessions: TherapySessionsService,
  ) {}

  @Get('supervision/queue')
  @RequirePermission(Permission.RecordsReview, 'Get your review queue')
  @ApiOkResponse({
    type: QueuePageDto,
    description: "Submitted cases awaiting the caller's review: risk-flagged first, then oldest submission",
  })
  queue(@Ctx() ctx: AuthedCtx, @Query() query: QueueQuery): Promise<QueuePageDto> {
    return this.review.queue(ctx, query);
  }

  @Get('trainees/:traineeId/logging-lag')
  @RequirePermission(Permission.RecordsRead, "Get a trainee's session logging lag")
  @ApiOkResponse({
    type: TraineeLoggingLagDto,
    description: 'Days between each session and its logging: median, 90th percentile, logged > 7 days late',
  })
  loggingLag(@Ctx() ctx: AuthedCtx, @Param('traineeId', UuidPipe) traineeId: string): Promise<TraineeLoggingLagDto> {
    return this.sessions.traineeLag(ctx, traineeId);
  }
}
