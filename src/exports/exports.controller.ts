import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../auth/decorators';
import { Permission } from '../auth/permissions';
import { type FileDownload, SendsFile } from '../common/file-download';
import { Ctx, type AuthedCtx } from '../common/request-context';
import { UuidPipe } from '../common/uuid';
import { BodyExportsService } from './body-exports.service';
import { CertificatesService } from './certificates.service';
import { BODY_EXPORT_KIND_DESCRIPTION, BodyExportKindPipe, BodyExportQuery } from './dto';
import { BODY_EXPORT_KINDS, type BodyExportKind } from './body-exports';
import { RECORD_EXPORT_SCHEMA, type RecordExport, toOpenApi30 } from './record-export';
import { RecordExportService } from './record-export.service';

@ApiTags('exports')
@Controller('accreditations')
export class CertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  // any signed-in holder prints their own (a supervisor- or trainer-level holder may hold no TRAINEE role); scope is the service's
  @Get(':id/certificate.pdf')
  @RequirePermission(Permission.Self, 'Download the printable certificate (PDF) of an accreditation')
  @SendsFile(
    'The certificate: body, holder, level, dates, certificate number and a QR code opening its public verification page',
    'application/pdf',
  )
  certificate(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string): Promise<FileDownload> {
    return this.certificates.pdf(ctx, id);
  }
}

@ApiTags('exports')
@Controller('bodies')
export class BodyExportsController {
  constructor(private readonly exports: BodyExportsService) {}

  @Get(':bodyId/exports/:kind')
  @RequirePermission(Permission.ApplicationsDecide, "Export a body's register, applications or renewals due (CSV or XLSX)")
  @SendsFile(
    'A table with a header row; cells that a spreadsheet would run as a formula start with an apostrophe',
    'text/csv',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  )
  @ApiParam({ name: 'kind', enum: BODY_EXPORT_KINDS, description: BODY_EXPORT_KIND_DESCRIPTION })
  export(
    @Ctx() ctx: AuthedCtx,
    @Param('bodyId', UuidPipe) bodyId: string,
    @Param('kind', BodyExportKindPipe) kind: BodyExportKind,
    @Query() query: BodyExportQuery,
  ): Promise<FileDownload> {
    return this.exports.export(ctx, bodyId, kind, query.format ?? 'csv');
  }
}

@ApiTags('exports')
@Controller('me')
export class RecordExportController {
  constructor(private readonly records: RecordExportService) {}

  @Get('record-export')
  @Header('cache-control', 'private, no-store')
  @RequirePermission(Permission.Self, 'Export my whole training record (JSON)')
  @ApiOkResponse({ description: 'Schema: docs/schemas/record-export.schema.json', schema: toOpenApi30(RECORD_EXPORT_SCHEMA) as object })
  recordExport(@Ctx() ctx: AuthedCtx): Promise<RecordExport> {
    return this.records.export(ctx);
  }

  @Get('record-export.pdf')
  @RequirePermission(Permission.Self, 'Export my whole training record (readable PDF)')
  @SendsFile('The same record as the JSON export, printed section by section', 'application/pdf')
  recordPdf(@Ctx() ctx: AuthedCtx): Promise<FileDownload> {
    return this.records.pdf(ctx);
  }
}
