import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../auth/decorators';
import { Permission } from '../auth/permissions';
import { IfMatch } from '../common/etag';
import { Ctx, type AuthedCtx } from '../common/request-context';
import { UuidPipe } from '../common/uuid';
import {
  CreateSupervisionSessionDto,
  ListSupervisionSessionsQuery,
  SupervisionSessionDto,
  SupervisionSessionPageDto,
  TraineeSupervisionDto,
  UpdateSupervisionSessionDto,
} from './dto';
import { SupervisionSessionsService } from './supervision-sessions.service';
import { TraineeSupervisionService } from './trainee-supervision.service';

@ApiTags('supervision sessions')
@Controller('supervision-sessions')
export class SupervisionSessionsController {
  constructor(private readonly sessions: SupervisionSessionsService) {}

  @Post()
  @RequirePermission(Permission.RecordsReview, 'Log a supervision session')
  @ApiCreatedResponse({ type: SupervisionSessionDto, description: 'Logged; every participant is credited by the default group formula' })
  create(@Ctx() ctx: AuthedCtx, @Body() dto: CreateSupervisionSessionDto): Promise<SupervisionSessionDto> {
    return this.sessions.create(ctx, dto);
  }

  @Get()
  @RequirePermission(Permission.RecordsReview, 'List the supervision sessions you logged')
  @ApiOkResponse({ type: SupervisionSessionPageDto, description: 'The sessions you logged, newest first' })
  list(@Ctx() ctx: AuthedCtx, @Query() query: ListSupervisionSessionsQuery): Promise<SupervisionSessionPageDto> {
    return this.sessions.list(ctx, query);
  }

  @Get(':id')
  @RequirePermission(Permission.RecordsRead, 'Get a supervision session')
  @ApiOkResponse({
    type: SupervisionSessionDto,
    description: 'The logging supervisor, body admins and admins see it all; a participant sees their own part',
  })
  get(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string): Promise<SupervisionSessionDto> {
    return this.sessions.get(ctx, id);
  }

  @Patch(':id')
  @RequirePermission(Permission.RecordsReview, 'Edit a supervision session')
  @ApiOkResponse({ type: SupervisionSessionDto, description: 'Needs If-Match with the ETag last read (428 without, 412 when stale)' })
  update(
    @Ctx() ctx: AuthedCtx,
    @Param('id', UuidPipe) id: string,
    @IfMatch() ifMatch: string | undefined,
    @Body() dto: UpdateSupervisionSessionDto,
  ): Promise<SupervisionSessionDto> {
    return this.sessions.update(ctx, id, ifMatch, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission(Permission.RecordsReview, 'Delete a supervision session')
  @ApiNoContentResponse({ description: 'Deleted by the supervisor who logged it; If-Match is honoured when sent' })
  remove(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string, @IfMatch() ifMatch: string | undefined): Promise<void> {
    return this.sessions.remove(ctx, id, ifMatch);
  }
}

@ApiTags('supervision sessions')
@Controller('trainees/:traineeId/supervision')
export class TraineeSupervisionController {
  constructor(private readonly summary: TraineeSupervisionService) {}

  @Get()
  @RequirePermission(Permission.RecordsRead, "Get a trainee's supervision received")
  @ApiOkResponse({ type: TraineeSupervisionDto, description: 'Supervision received: credit per session, per case and in total' })
  get(@Ctx() ctx: AuthedCtx, @Param('traineeId', UuidPipe) traineeId: string): Promise<TraineeSupervisionDto> {
    return this.summary.summary(ctx, traineeId);
  }
}
