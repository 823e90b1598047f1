import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../auth/decorators';
import { Permission } from '../auth/permissions';
import { IfMatch } from '../common/etag';
import { Ctx, type AuthedCtx } from '../common/request-context';
import { UuidPipe } from '../common/uuid';
import { CreateInstrumentDto, InstrumentDto, InstrumentListDto, ListInstrumentsQuery, UpdateInstrumentDto } from './dto';
import { InstrumentsService } from './instruments.service';

// Reading is for everyone who enters or reviews measures (every role holds records:read); adding an instrument is
// a body admin's (schemes:manage: instruments are what scheme rules name), for every body a global admin's.
@ApiTags('measures')
@Controller('instruments')
export class InstrumentsController {
  constructor(private readonly instruments: InstrumentsService) {}

  @Get()
  @RequirePermission(Permission.RecordsRead, 'List the outcome instruments available to a body')
  @ApiOkResponse({
    type: InstrumentListDto,
    description:
      "The global instruments and the body's own: items and their ranges, total range, bands, thresholds, risk items. Drafts only to those who manage them",
  })
  list(@Ctx() ctx: AuthedCtx, @Query() query: ListInstrumentsQuery): Promise<InstrumentListDto> {
    return this.instruments.list(ctx, query);
  }

  @Get(':id')
  @RequirePermission(Permission.RecordsRead, 'Get an outcome instrument')
  @ApiOkResponse({ type: InstrumentDto })
  get(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string): Promise<InstrumentDto> {
    return this.instruments.get(ctx, id);
  }

  @Post()
  @RequirePermission(Permission.SchemesManage, 'Add an outcome instrument (as a draft)')
  @ApiCreatedResponse({ type: InstrumentDto, description: 'A draft: edit it, then publish it to use it' })
  create(@Ctx() ctx: AuthedCtx, @Body() dto: CreateInstrumentDto): Promise<InstrumentDto> {
    return this.instruments.create(ctx, dto);
  }

  @Patch(':id')
  @RequirePermission(Permission.SchemesManage, 'Edit a draft outcome instrument')
  @ApiOkResponse({ type: InstrumentDto, description: 'Needs If-Match with its rowVersion; a published instrument answers 409' })
  update(
    @Ctx() ctx: AuthedCtx,
    @Param('id', UuidPipe) id: string,
    @IfMatch() ifMatch: string | undefined,
    @Body() dto: UpdateInstrumentDto,
  ): Promise<InstrumentDto> {
    return this.instruments.update(ctx, id, ifMatch, dto);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @RequirePermission(Permission.SchemesManage, 'Publish an outcome instrument')
  @ApiOkResponse({ type: InstrumentDto, description: 'Published and frozen: measures and scheme rules of its body can now name its code' })
  publish(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string): Promise<InstrumentDto> {
    return this.instruments.publish(ctx, id);
  }
}
