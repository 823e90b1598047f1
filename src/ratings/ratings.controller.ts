import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../auth/decorators';
import { Permission } from '../auth/permissions';
import { IfMatch } from '../common/etag';
import { Ctx, type AuthedCtx } from '../common/request-context';
import { UuidPipe } from '../common/uuid';
import type { RubricTarget } from '../rubrics/rubric.entity';
import {
  CorrectRatingDto,
  CreateRatingDto,
  ListRatingsQuery,
  RatingDto,
  RatingPageDto,
  TargetSummaryListDto,
  UpdateRatingDto,
} from './dto';
import { RatingSummaryService } from './rating-summary.service';
import { RatingsService } from './ratings.service';

@ApiTags('ratings')
@Controller('ratings')
export class RatingsController {
  constructor(private readonly ratings: RatingsService) {}

  @Post()
  @RequirePermission(Permission.RatingsWrite, 'Start a rating')
  @ApiCreatedResponse({ type: RatingDto, description: 'A draft; the rater role and trainee are derived from the target' })
  create(@Ctx() ctx: AuthedCtx, @Body() dto: CreateRatingDto): Promise<RatingDto> {
    return this.ratings.create(ctx, dto);
  }

  @Get()
  @RequirePermission(Permission.RecordsRead, 'List ratings')
  @ApiOkResponse({ type: RatingPageDto })
  list(@Ctx() ctx: AuthedCtx, @Query() query: ListRatingsQuery): Promise<RatingPageDto> {
    return this.ratings.list(ctx, query);
  }

  @Get(':id')
  @RequirePermission(Permission.RecordsRead, 'Get a rating')
  @ApiOkResponse({ type: RatingDto })
  get(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string): Promise<RatingDto> {
    return this.ratings.get(ctx, id);
  }

  @Patch(':id')
  @RequirePermission(Permission.RatingsWrite, 'Edit a draft rating')
  @ApiOkResponse({ type: RatingDto, description: 'Drafts only, by their rater, with If-Match' })
  update(
    @Ctx() ctx: AuthedCtx,
    @Param('id', UuidPipe) id: string,
    @IfMatch() ifMatch: string | undefined,
    @Body() dto: UpdateRatingDto,
  ): Promise<RatingDto> {
    return this.ratings.update(ctx, id, ifMatch, dto);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @RequirePermission(Permission.RatingsWrite, 'Submit a rating')
  @ApiOkResponse({ type: RatingDto, description: 'Every required item must be scored; the rating is then immutable' })
  submit(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string): Promise<RatingDto> {
    return this.ratings.submit(ctx, id);
  }

  @Post(':id/correct')
  @RequirePermission(Permission.RatingsWrite, 'Correct a submitted rating')
  @ApiCreatedResponse({ type: RatingDto, description: 'A new submitted rating superseding this one' })
  correct(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string, @Body() dto: CorrectRatingDto): Promise<RatingDto> {
    return this.ratings.correct(ctx, id, dto);
  }
}

@ApiTags('ratings')
@Controller('rating-targets')
export class RatingTargetsController {
  constructor(private readonly summaries: RatingSummaryService) {}

  @Get(':targetType/:targetId/summary')
  @RequirePermission(Permission.RecordsRead, 'Summarise the ratings of a session or case')
  @ApiOkResponse({ type: TargetSummaryListDto })
  summary(
    @Ctx() ctx: AuthedCtx,
    @Param('targetType') targetType: RubricTarget,
    @Param('targetId', UuidPipe) targetId: string,
  ): Promise<TargetSummaryListDto> {
    return this.summaries.summary(ctx, targetType, targetId);
  }
}
