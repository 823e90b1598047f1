import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../auth/decorators';
import { Permission } from '../auth/permissions';
import { IfMatch } from '../common/etag';
import { Ctx, type AuthedCtx } from '../common/request-context';
import { UuidPipe } from '../common/uuid';
import { CreateRubricDto, ListRubricsQuery, RubricDto, RubricPageDto, RubricVersionDto, UpdateRubricVersionDto } from './dto';
import { RubricsService } from './rubrics.service';

@ApiTags('rubrics')
@Controller('rubrics')
export class RubricsController {
  constructor(private readonly rubrics: RubricsService) {}

  @Post()
  @RequirePermission(Permission.RubricsManage, 'Create a rubric')
  @ApiCreatedResponse({ type: RubricDto, description: 'Created with version 1 as a draft' })
  create(@Ctx() ctx: AuthedCtx, @Body() dto: CreateRubricDto): Promise<RubricDto> {
    return this.rubrics.create(ctx, dto);
  }

  @Get()
  @RequirePermission(Permission.RecordsRead, 'List rubrics')
  @ApiOkResponse({ type: RubricPageDto })
  list(@Ctx() ctx: AuthedCtx, @Query() query: ListRubricsQuery): Promise<RubricPageDto> {
    return this.rubrics.list(ctx, query);
  }

  @Get(':id')
  @RequirePermission(Permission.RecordsRead, 'Get a rubric with its versions')
  @ApiOkResponse({ type: RubricDto })
  get(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string): Promise<RubricDto> {
    return this.rubrics.get(ctx, id);
  }

  @Post(':id/versions')
  @RequirePermission(Permission.RubricsManage, 'Start a new draft version of a rubric')
  @ApiCreatedResponse({ type: RubricVersionDto, description: 'A new draft copied from the latest version' })
  newDraft(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string): Promise<RubricVersionDto> {
    return this.rubrics.newDraft(ctx, id);
  }
}

@ApiTags('rubrics')
@Controller('rubric-versions')
export class RubricVersionsController {
  constructor(private readonly rubrics: RubricsService) {}

  @Get(':id')
  @RequirePermission(Permission.RecordsRead, 'Get a rubric version')
  @ApiOkResponse({ type: RubricVersionDto })
  get(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string): Promise<RubricVersionDto> {
    return this.rubrics.getVersion(ctx, id);
  }

  @Patch(':id')
  @RequirePermission(Permission.RubricsManage, 'Edit a draft rubric version')
  @ApiOkResponse({ type: RubricVersionDto, description: 'Drafts only; a published version answers 409' })
  update(
    @Ctx() ctx: AuthedCtx,
    @Param('id', UuidPipe) id: string,
    @IfMatch() ifMatch: string | undefined,
    @Body() dto: UpdateRubricVersionDto,
  ): Promise<RubricVersionDto> {
    return this.rubrics.updateDraft(ctx, id, ifMatch, dto);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @RequirePermission(Permission.RubricsManage, 'Publish a rubric version')
  @ApiOkResponse({ type: RubricVersionDto, description: 'Published and frozen; the previously published version is retired' })
  publish(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string): Promise<RubricVersionDto> {
    return this.rubrics.publish(ctx, id);
  }
}
