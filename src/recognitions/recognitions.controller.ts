import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../auth/decorators';
import { Permission } from '../auth/permissions';
import { IfMatch } from '../common/etag';
import { Ctx, type AuthedCtx } from '../common/request-context';
import { UuidPipe } from '../common/uuid';
import { ProgressQuery } from '../schemes/dto';
import {
  CreateRecognitionDto,
  ListRecognitionsQuery,
  PublishRecognitionDto,
  RecognitionDto,
  RecognitionRouteDto,
  UpdateRecognitionDto,
} from './dto';
import { RecognitionRoutes } from './recognition-routes.service';
import { RecognitionsService } from './recognitions.service';

@ApiTags('recognitions')
@Controller()
export class RecognitionsController {
  constructor(
    private readonly recognitions: RecognitionsService,
    private readonly routesService: RecognitionRoutes,
  ) {}

  @Get('bodies/:bodyId/recognitions')
  @RequirePermission(Permission.Self, "List a body's recognitions of other bodies' levels (drafts only for its admins)")
  @ApiOkResponse({ type: [RecognitionDto] })
  list(@Ctx() ctx: AuthedCtx, @Param('bodyId', UuidPipe) bodyId: string, @Query() q: ListRecognitionsQuery): Promise<RecognitionDto[]> {
    return this.recognitions.list(ctx, bodyId, q);
  }

  @Post('recognitions')
  @RequirePermission(Permission.SchemesManage, "Draft a recognition of another body's level as a level of your scheme")
  @ApiCreatedResponse({
    type: RecognitionDto,
    description: 'A new draft version of the recognition of that source level as that target level',
  })
  create(@Ctx() ctx: AuthedCtx, @Body() dto: CreateRecognitionDto): Promise<RecognitionDto> {
    return this.recognitions.create(ctx, dto);
  }

  @Get('recognitions/:id')
  @RequirePermission(Permission.Self, 'Get a recognition')
  @ApiOkResponse({ type: RecognitionDto })
  get(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string): Promise<RecognitionDto> {
    return this.recognitions.get(ctx, id);
  }

  @Put('recognitions/:id')
  @RequirePermission(Permission.SchemesManage, 'Edit a draft recognition')
  @ApiOkResponse({ type: RecognitionDto, description: 'Drafts only; If-Match required' })
  update(
    @Ctx() ctx: AuthedCtx,
    @Param('id', UuidPipe) id: string,
    @IfMatch() ifMatch: string | undefined,
    @Body() dto: UpdateRecognitionDto,
  ): Promise<RecognitionDto> {
    return this.recognitions.update(ctx, id, ifMatch, dto);
  }

  @Post('recognitions/:id/publish')
  @RequirePermission(Permission.SchemesManage, 'Publish a draft recognition')
  @ApiCreatedResponse({ type: RecognitionDto, description: 'A past effective date needs allowPastEffectiveDate and a reason (audited)' })
  publish(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string, @Body() dto: PublishRecognitionDto): Promise<RecognitionDto> {
    return this.recognitions.publish(ctx, id, dto);
  }

  @Post('recognitions/:id/withdraw')
  @RequirePermission(Permission.SchemesManage, 'Withdraw a published recognition (it ends today)')
  @ApiCreatedResponse({ type: RecognitionDto })
  withdraw(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string): Promise<RecognitionDto> {
    return this.recognitions.withdraw(ctx, id);
  }

  @Get('trainees/:traineeId/schemes/:schemeId/progress/recognition')
  @RequirePermission(Permission.RecordsRead, "A trainee's routes to a scheme's levels through recognitions of levels they hold")
  @ApiOkResponse({
    type: [RecognitionRouteDto],
    description:
      'One entry per recognition in force whose source level the trainee holds: the target level with the top-up rules evaluated',
  })
  routes(
    @Ctx() ctx: AuthedCtx,
    @Param('traineeId', UuidPipe) traineeId: string,
    @Param('schemeId', UuidPipe) schemeId: string,
    @Query() q: ProgressQuery,
  ): Promise<RecognitionRouteDto[]> {
    return this.routesService.routes(ctx, traineeId, schemeId, q);
  }
}
