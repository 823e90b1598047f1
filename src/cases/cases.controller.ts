import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../auth/decorators';
import { Permission } from '../auth/permissions';
import { IfMatch } from '../common/etag';
import { Ctx, type AuthedCtx } from '../common/request-context';
import { UuidPipe } from '../common/uuid';
import { CaseDto, CasePageDto, CreateCaseDto, ListCasesQuery, UpdateCaseDto } from './dto';
import { CasesService } from './cases.service';

@ApiTags('cases')
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Post()
  @RequirePermission(Permission.RecordsWrite, 'Log a supervised case')
  @ApiCreatedResponse({ type: CaseDto, description: 'The case is logged for the caller (the trainee)' })
  create(@Ctx() ctx: AuthedCtx, @Body() dto: CreateCaseDto): Promise<CaseDto> {
    return this.cases.create(ctx, dto);
  }

  @Get()
  @RequirePermission(Permission.RecordsRead, 'List cases')
  @ApiOkResponse({ type: CasePageDto })
  list(@Ctx() ctx: AuthedCtx, @Query() query: ListCasesQuery): Promise<CasePageDto> {
    return this.cases.list(ctx, query);
  }

  @Get(':id')
  @RequirePermission(Permission.RecordsRead, 'Get a case')
  @ApiOkResponse({ type: CaseDto })
  get(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string): Promise<CaseDto> {
    return this.cases.get(ctx, id);
  }

  @Patch(':id')
  @RequirePermission(Permission.RecordsWrite, 'Edit a case')
  @ApiOkResponse({
    type: CaseDto,
    description: 'Needs If-Match; a submitted/returned/signed-off case goes back to draft (sign-off voided)',
  })
  update(
    @Ctx() ctx: AuthedCtx,
    @Param('id', UuidPipe) id: string,
    @IfMatch() ifMatch: string | undefined,
    @Body() dto: UpdateCaseDto,
  ): Promise<CaseDto> {
    return this.cases.update(ctx, id, ifMatch, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission(Permission.RecordsWrite, 'Delete a case')
  @ApiNoContentResponse({ description: 'Refused with 409 if the case was ever signed off' })
  remove(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string): Promise<void> {
    return this.cases.remove(ctx, id);
  }
}
