import { Body, Controller, Delete, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../auth/decorators';
import { Permission } from '../auth/permissions';
import { Ctx, type AuthedCtx } from '../common/request-context';
import { UuidPipe } from '../common/uuid';
import { SchemeDto, SchemeVersionDto } from './dto';
import { ComparisonQuery, DeriveSchemeDto, ReferenceSchemeDto, SchemeComparisonDto } from './reference.dto';
import { ReferenceSchemesService } from './reference-schemes.service';

@ApiTags('schemes')
@Controller()
export class ReferenceSchemesController {
  constructor(private readonly references: ReferenceSchemesService) {}

  @Get('reference-schemes')
  @RequirePermission(Permission.Self, 'List the scheme versions marked as references')
  @ApiOkResponse({ type: [ReferenceSchemeDto] })
  list(): Promise<ReferenceSchemeDto[]> {
    return this.references.listReferences();
  }

  @Post('scheme-versions/:id/reference')
  @RequirePermission(Permission.SchemesManage, 'Mark a published international scheme version as a reference')
  @ApiCreatedResponse({ type: SchemeVersionDto })
  mark(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string): Promise<SchemeVersionDto> {
    return this.references.setReference(ctx, id, true);
  }

  @Delete('scheme-versions/:id/reference')
  @RequirePermission(Permission.SchemesManage, 'Unmark a reference scheme version')
  @ApiOkResponse({ type: SchemeVersionDto })
  unmark(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string): Promise<SchemeVersionDto> {
    return this.references.setReference(ctx, id, false);
  }

  @Post('bodies/:bodyId/schemes/from-reference')
  @RequirePermission(Permission.SchemesManage, "Start a body's scheme from a reference scheme version")
  @ApiCreatedResponse({ type: SchemeDto, description: 'The new scheme with one draft version copying the reference' })
  derive(@Ctx() ctx: AuthedCtx, @Param('bodyId', UuidPipe) bodyId: string, @Body() dto: DeriveSchemeDto): Promise<SchemeDto> {
    return this.references.derive(ctx, bodyId, dto);
  }

  @Get('scheme-comparisons')
  @RequirePermission(Permission.Self, 'Compare two scheme levels rule by rule')
  @ApiOkResponse({ type: SchemeComparisonDto, description: 'A against B: stricter, looser, equal, different, missing or extra per rule' })
  compare(@Ctx() ctx: AuthedCtx, @Query() q: ComparisonQuery): Promise<SchemeComparisonDto> {
    return this.references.compare(ctx, q.a, q.b);
  }
}
