import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../auth/decorators';
import { Permission } from '../auth/permissions';
import { Ctx, type AuthedCtx } from '../common/request-context';
import { UuidPipe } from '../common/uuid';
import { ConflictsService } from './conflicts.service';
import { ConflictDto, ConflictPageDto, DeclareConflictDto, ListConflictsQuery } from './dto';

@ApiTags('conflicts of interest')
@Controller('conflicts-of-interest')
export class ConflictsController {
  constructor(private readonly conflicts: ConflictsService) {}

  @Post()
  @RequirePermission(Permission.RecordsRead, 'Declare a conflict of interest')
  @ApiCreatedResponse({ type: ConflictDto })
  declare(@Ctx() ctx: AuthedCtx, @Body() dto: DeclareConflictDto): Promise<ConflictDto> {
    return this.conflicts.declare(ctx, dto);
  }

  @Get()
  @RequirePermission(Permission.RecordsRead, 'List conflicts of interest')
  @ApiOkResponse({ type: ConflictPageDto })
  list(@Ctx() ctx: AuthedCtx, @Query() query: ListConflictsQuery): Promise<ConflictPageDto> {
    return this.conflicts.list(ctx, query);
  }

  @Post(':id/end')
  @HttpCode(200)
  @RequirePermission(Permission.RecordsRead, 'End a conflict-of-interest declaration')
  @ApiOkResponse({ type: ConflictDto })
  end(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string): Promise<ConflictDto> {
    return this.conflicts.end(ctx, id);
  }
}
