import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../auth/decorators';
import { Permission } from '../auth/permissions';
import { IfMatch } from '../common/etag';
import { Ctx, type AuthedCtx } from '../common/request-context';
import { UuidPipe } from '../common/uuid';
import { ActivitiesService } from './activities.service';
import { ActivityQueriesService } from './activity-queries.service';
import {
  ActivityDto,
  ActivityPageDto,
  ActivityTotalsDto,
  CreateActivityDto,
  ListActivitiesQuery,
  UpdateActivityDto,
  UpdatedActivityDto,
} from './dto';

@ApiTags('training activities')
@Controller('trainees/:traineeId/activities')
export class TraineeActivitiesController {
  constructor(
    private readonly activities: ActivitiesService,
    private readonly queries: ActivityQueriesService,
  ) {}

  @Post()
  @RequirePermission(Permission.RecordsWrite, 'Log a training activity')
  @ApiCreatedResponse({ type: ActivityDto })
  create(@Ctx() ctx: AuthedCtx, @Param('traineeId', UuidPipe) traineeId: string, @Body() dto: CreateActivityDto): Promise<ActivityDto> {
    return this.activities.create(ctx, traineeId, dto);
  }

  @Get()
  @RequirePermission(Permission.RecordsRead, "List a trainee's training activities")
  @ApiOkResponse({ type: ActivityPageDto })
  list(
    @Ctx() ctx: AuthedCtx,
    @Param('traineeId', UuidPipe) traineeId: string,
    @Query() query: ListActivitiesQuery,
  ): Promise<ActivityPageDto> {
    return this.queries.list(ctx, traineeId, query);
  }

  @Get('totals')
  @RequirePermission(Permission.RecordsRead, "Total a trainee's training hours")
  @ApiOkResponse({ type: ActivityTotalsDto })
  totals(@Ctx() ctx: AuthedCtx, @Param('traineeId', UuidPipe) traineeId: string): Promise<ActivityTotalsDto> {
    return this.queries.totals(ctx, traineeId);
  }
}

@ApiTags('training activities')
@Controller('activities')
export class ActivitiesController {
  constructor(
    private readonly activities: ActivitiesService,
    private readonly queries: ActivityQueriesService,
  ) {}

  @Get(':id')
  @RequirePermission(Permission.RecordsRead, 'Get a training activity')
  @ApiOkResponse({ type: ActivityDto })
  get(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string): Promise<ActivityDto> {
    return this.queries.get(ctx, id);
  }

  @Patch(':id')
  @RequirePermission(Permission.RecordsWrite, 'Edit a training activity')
  @ApiOkResponse({
    type: UpdatedActivityDto,
    description: 'Editing a verified activity removes its verification (verificationCleared: true)',
  })
  update(
    @Ctx() ctx: AuthedCtx,
    @Param('id', UuidPipe) id: string,
    @Body() dto: UpdateActivityDto,
    @IfMatch() ifMatch?: string,
  ): Promise<UpdatedActivityDto> {
    return this.activities.update(ctx, id, dto, ifMatch);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission(Permission.RecordsWrite, 'Delete a training activity')
  @ApiNoContentResponse({ description: 'Deleted; a verified activity cannot be deleted (409)' })
  remove(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string): Promise<void> {
    return this.activities.remove(ctx, id);
  }

  @Post(':id/verify')
  @HttpCode(200)
  @RequirePermission(Permission.RecordsReview, 'Verify a training activity')
  @ApiOkResponse({ type: ActivityDto })
  verify(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string): Promise<ActivityDto> {
    return this.activities.verify(ctx, id);
  }
}
