import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../auth/decorators';
import { Permission } from '../auth/permissions';
import { Ctx, type AuthedCtx } from '../common/request-context';
import { UuidPipe } from '../common/uuid';
import { CalibrationAttemptsService } from './calibration-attempts.service';
import { CalibrationExercisesService } from './calibration-exercises.service';
import {
  BodyQuery,
  CalibrationAttemptDto,
  CalibrationExerciseDto,
  CalibrationExercisePageDto,
  CalibrationResultsDto,
  CreateCalibrationExerciseDto,
  ListCalibrationExercisesQuery,
  RaterCalibrationDto,
  RubricReliabilityDto,
  SubmitAttemptDto,
} from './dto';
import { RubricReliabilityService } from './rubric-reliability.service';

@ApiTags('calibration')
@Controller('calibration/exercises')
export class CalibrationExercisesController {
  constructor(
    private readonly exercises: CalibrationExercisesService,
    private readonly attempts: CalibrationAttemptsService,
  ) {}

  @Post()
  @RequirePermission(Permission.RubricsManage, 'Publish a calibration exercise')
  @ApiCreatedResponse({ type: CalibrationExerciseDto })
  create(@Ctx() ctx: AuthedCtx, @Body() dto: CreateCalibrationExerciseDto): Promise<CalibrationExerciseDto> {
    return this.exercises.create(ctx, dto);
  }

  @Get()
  @RequirePermission(Permission.RecordsRead, 'List calibration exercises')
  @ApiOkResponse({
    type: CalibrationExercisePageDto,
    description: 'The exercises of the bodies you supervise or administer; reference scores only after your own attempt',
  })
  list(@Ctx() ctx: AuthedCtx, @Query() query: ListCalibrationExercisesQuery): Promise<CalibrationExercisePageDto> {
    return this.exercises.list(ctx, query);
  }

  @Get(':id')
  @RequirePermission(Permission.RecordsRead, 'Get a calibration exercise')
  @ApiOkResponse({ type: CalibrationExerciseDto })
  get(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string): Promise<CalibrationExerciseDto> {
    return this.exercises.get(ctx, id);
  }

  @Post(':id/close')
  @HttpCode(200)
  @RequirePermission(Permission.RubricsManage, 'Close a calibration exercise')
  @ApiOkResponse({ type: CalibrationExerciseDto })
  close(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string): Promise<CalibrationExerciseDto> {
    return this.exercises.close(ctx, id);
  }

  @Get(':id/results')
  @RequirePermission(Permission.RubricsManage, "Every rater's attempt on a calibration exercise against its reference")
  @ApiOkResponse({ type: CalibrationResultsDto, description: 'For the admins of the body: scores, bias and spread per rater' })
  results(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string): Promise<CalibrationResultsDto> {
    return this.exercises.results(ctx, id);
  }

  @Post(':id/attempts')
  @RequirePermission(Permission.RatingsWrite, 'Take a calibration exercise')
  @ApiCreatedResponse({ type: CalibrationAttemptDto, description: 'Reveals the reference scores and your agreement with them' })
  attempt(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string, @Body() dto: SubmitAttemptDto): Promise<CalibrationAttemptDto> {
    return this.attempts.submit(ctx, id, dto);
  }
}

@ApiTags('calibration')
@Controller('calibration/raters')
export class CalibrationRatersController {
  constructor(private readonly attempts: CalibrationAttemptsService) {}

  @Get(':raterId')
  @RequirePermission(Permission.RecordsRead, "Get a rater's calibration figures")
  @ApiOkResponse({ type: RaterCalibrationDto, description: 'The rater themselves or an admin of the body' })
  rater(@Ctx() ctx: AuthedCtx, @Param('raterId', UuidPipe) raterId: string, @Query() query: BodyQuery): Promise<RaterCalibrationDto> {
    return this.attempts.raterReport(ctx, raterId, query.bodyId);
  }
}

@ApiTags('rubrics')
@Controller('rubrics')
export class RubricReliabilityController {
  constructor(private readonly reliability: RubricReliabilityService) {}

  @Get(':id/reliability')
  @RequirePermission(Permission.RubricsManage, "Get a rubric's inter-rater reliability")
  @ApiOkResponse({ type: RubricReliabilityDto, description: "Inter-rater reliability of the rubric on the body's rated work" })
  get(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string, @Query() query: BodyQuery): Promise<RubricReliabilityDto> {
    return this.reliability.reliability(ctx, id, query.bodyId);
  }
}
