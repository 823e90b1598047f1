import { Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { RequirePermission } from '../auth/decorators';
import { Permission } from '../auth/permissions';
import { type FileDownload, SendsFile } from '../common/file-download';
import { Ctx, type AuthedCtx } from '../common/request-context';
import { UuidPipe } from '../common/uuid';
import { ImportKindPipe, ImportModeQuery, ImportTemplateDto, RecordImportKindPipe, RegisterImportQuery, UPLOAD_BODY } from './dto';
import { ImportReportDto } from './import-report';
import { RegisterImportService } from './register-import.service';
import { RecordImportService } from './record-import.service';
import { IMPORT_KINDS, type ImportKind, RECORD_IMPORT_KINDS, type RecordImportKind, templateCsv, TEMPLATES } from './templates';
import { uploadFrom } from './upload';

@ApiTags('imports')
@Controller()
export class ImportsController {
  constructor(
    private readonly register: RegisterImportService,
    private readonly records: RecordImportService,
  ) {}

  @Get('imports/templates')
  @RequirePermission(Permission.Self, 'List the import templates: columns, what each holds, and the natural key of a row')
  @ApiOkResponse({ type: [ImportTemplateDto] })
  templates(): ImportTemplateDto[] {
    return IMPORT_KINDS.map((k) => TEMPLATES[k]);
  }

  @Get('imports/templates/:kind')
  @RequirePermission(Permission.Self, 'Download an import template as CSV (the header and one example row)')
  @SendsFile('The template: a header row with the column names and one example row', 'text/csv')
  @ApiParam({ name: 'kind', enum: IMPORT_KINDS })
  template(@Param('kind', ImportKindPipe) kind: ImportKind): FileDownload {
    return { filename: `${kind}-template.csv`, contentType: 'text/csv; charset=utf-8', body: Buffer.from(templateCsv(kind), 'utf8') };
  }

  @Post('bodies/:bodyId/imports/register')
  @HttpCode(200)
  @RequirePermission(Permission.ApplicationsDecide, "Import a body's existing accreditation holders (dry run, or commit all rows or none)")
  @ApiConsumes('multipart/form-data')
  @ApiBody(UPLOAD_BODY)
  @ApiOkResponse({ type: ImportReportDto, description: 'The row-by-row report; on commit, of what was written' })
  importRegister(
    @Ctx() ctx: AuthedCtx,
    @Param('bodyId', UuidPipe) bodyId: string,
    @Query() q: RegisterImportQuery,
    @Req() req: FastifyRequest,
  ): Promise<ImportReportDto> {
    return this.register.run(ctx, bodyId, () => uploadFrom(req), {
      commit: q.mode === 'commit',
      invite: q.invite === true,
      issueCredentials: q.issueCredentials === true,
    });
  }

  @Post('trainees/:traineeId/imports/:kind')
  @HttpCode(200)
  @RequirePermission(
    Permission.RecordsRead,
    "Import training activities, cases, sessions, outcome measures or supervision meetings into a trainee's record (dry run, or commit)",
  )
  @ApiConsumes('multipart/form-data')
  @ApiBody(UPLOAD_BODY)
  @ApiParam({ name: 'kind', enum: RECORD_IMPORT_KINDS })
  @ApiOkResponse({ type: ImportReportDto, description: 'The row-by-row report; on commit, of what was written' })
  importRecord(
    @Ctx() ctx: AuthedCtx,
    @Param('traineeId', UuidPipe) traineeId: string,
    @Param('kind', RecordImportKindPipe) kind: RecordImportKind,
    @Query() q: ImportModeQuery,
    @Req() req: FastifyRequest,
  ): Promise<ImportReportDto> {
    return this.records.run(ctx, traineeId, kind, () => uploadFrom(req), q.mode === 'commit');
  }
}
