import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../auth/decorators';
import { Permission } from '../auth/permissions';
import { IfMatch } from '../common/etag';
import { Ctx, type AuthedCtx } from '../common/request-context';
import { UuidPipe } from '../common/uuid';
import { CreateTaxonomyDto, TaxonomyDto, TaxonomySummaryDto, UpdateTaxonomyDto } from './dto';
import { TaxonomiesService } from './taxonomies.service';

@ApiTags('taxonomies')
@Controller()
export class TaxonomiesController {
  constructor(private readonly taxonomies: TaxonomiesService) {}

  @Get('taxonomies')
  @RequirePermission(Permission.Self, 'List taxonomy versions')
  @ApiOkResponse({ type: [TaxonomySummaryDto], description: 'Every published version, and the drafts you administer' })
  list(@Ctx() ctx: AuthedCtx): Promise<TaxonomySummaryDto[]> {
    return this.taxonomies.list(ctx);
  }

  @Get('bodies/:bodyId/taxonomies')
  @RequirePermission(Permission.Self, "List the taxonomies a body's cases may use")
  @ApiOkResponse({ type: [TaxonomyDto], description: "Published versions: the body's own first, then the international ones" })
  availableTo(@Param('bodyId', UuidPipe) bodyId: string): Promise<TaxonomyDto[]> {
    return this.taxonomies.availableTo(bodyId);
  }

  @Post('taxonomies')
  @RequirePermission(Permission.SchemesManage, 'Start a new draft taxonomy version')
  @ApiCreatedResponse({
    type: TaxonomyDto,
    description: 'A new draft (a copy of the latest version of the code unless a definition is given)',
  })
  create(@Ctx() ctx: AuthedCtx, @Body() dto: CreateTaxonomyDto): Promise<TaxonomyDto> {
    return this.taxonomies.create(ctx, dto);
  }

  @Get('taxonomies/:id')
  @RequirePermission(Permission.Self, 'Get a taxonomy version')
  @ApiOkResponse({ type: TaxonomyDto, description: 'Drafts only for those who administer them' })
  get(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string): Promise<TaxonomyDto> {
    return this.taxonomies.get(ctx, id);
  }

  @Put('taxonomies/:id')
  @RequirePermission(Permission.SchemesManage, 'Edit a draft taxonomy version')
  @ApiOkResponse({ type: TaxonomyDto, description: 'Drafts only; If-Match required' })
  update(
    @Ctx() ctx: AuthedCtx,
    @Param('id', UuidPipe) id: string,
    @IfMatch() ifMatch: string | undefined,
    @Body() dto: UpdateTaxonomyDto,
  ): Promise<TaxonomyDto> {
    return this.taxonomies.update(ctx, id, ifMatch, dto);
  }

  @Post('taxonomies/:id/publish')
  @RequirePermission(Permission.SchemesManage, 'Publish a taxonomy version')
  @ApiCreatedResponse({ type: TaxonomyDto, description: 'Published versions are immutable' })
  publish(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string): Promise<TaxonomyDto> {
    return this.taxonomies.publish(ctx, id);
  }
}
