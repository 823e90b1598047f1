import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../auth/decorators';
import { Permission } from '../auth/permissions';
import { IfMatch } from '../common/etag';
import { type FileDownload, SendsFile } from '../common/file-download';
import { Ctx, type AuthedCtx } from '../common/request-context';
import { UuidPipe } from '../common/uuid';
import { DOCUMENT_TYPES, mediaTypeOf } from './document-rules';
import {
  BodyQualificationListDto,
  CreateQualificationDto,
  DocumentUploadQuery,
  ListBodyQualificationsQuery,
  QualificationDto,
  QualificationListDto,
  ReviewQualificationDto,
  UpdateQualificationDto,
} from './dto';
import { QualificationsService } from './qualifications.service';

@ApiTags('qualifications')
@Controller()
export class QualificationsController {
  constructor(private readonly qualifications: QualificationsService) {}

  @Get('trainees/:traineeId/qualifications')
  @RequirePermission(Permission.RecordsRead, "List a person's qualifications")
  @ApiOkResponse({ type: QualificationListDto })
  list(@Ctx() ctx: AuthedCtx, @Param('traineeId', UuidPipe) traineeId: string): Promise<QualificationListDto> {
    return this.qualifications.list(ctx, traineeId);
  }

  @Post('trainees/:traineeId/qualifications')
  @RequirePermission(Permission.RecordsWrite, 'Record a qualification (degree, licence, prior training)')
  @ApiCreatedResponse({ type: QualificationDto })
  create(
    @Ctx() ctx: AuthedCtx,
    @Param('traineeId', UuidPipe) traineeId: string,
    @Body() dto: CreateQualificationDto,
  ): Promise<QualificationDto> {
    return this.qualifications.create(ctx, traineeId, dto);
  }

  @Get('qualifications/:id')
  @RequirePermission(Permission.RecordsRead, 'Get a qualification')
  @ApiOkResponse({ type: QualificationDto })
  get(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string): Promise<QualificationDto> {
    return this.qualifications.get(ctx, id);
  }

  @Patch('qualifications/:id')
  @RequirePermission(Permission.RecordsWrite, 'Edit a qualification (a decided one becomes pending again)')
  @ApiOkResponse({ type: QualificationDto })
  update(
    @Ctx() ctx: AuthedCtx,
    @Param('id', UuidPipe) id: string,
    @Body() dto: UpdateQualificationDto,
    @IfMatch() ifMatch?: string,
  ): Promise<QualificationDto> {
    return this.qualifications.update(ctx, id, dto, ifMatch);
  }

  @Delete('qualifications/:id')
  @HttpCode(204)
  @RequirePermission(Permission.RecordsWrite, 'Delete a qualification that is not verified')
  @ApiNoContentResponse({ description: 'Deleted; a verified qualification cannot be deleted (409)' })
  remove(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string, @IfMatch() ifMatch?: string): Promise<void> {
    return this.qualifications.remove(ctx, id, ifMatch);
  }

  // the document travels as its raw bytes with its own media type (at most 5 MiB; see app.factory.ts)
  @Put('qualifications/:id/document')
  @RequirePermission(Permission.RecordsWrite, "Upload or replace a qualification's document (PDF, PNG or JPEG)")
  @ApiConsumes(...DOCUMENT_TYPES)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiOkResponse({ type: QualificationDto, description: 'Stored; the qualification is pending verification again' })
  putDocument(
    @Ctx() ctx: AuthedCtx,
    @Param('id', UuidPipe) id: string,
    @Query() q: DocumentUploadQuery,
    @Headers('content-type') contentType: string | undefined,
    @Body() body: Buffer,
    @IfMatch() ifMatch?: string,
  ): Promise<QualificationDto> {
    return this.qualifications.putDocument(ctx, id, mediaTypeOf(contentType), body, q.fileName, ifMatch);
  }

  @Get('qualifications/:id/document')
  @RequirePermission(Permission.RecordsRead, "Download a qualification's document")
  @SendsFile('The document as uploaded', ...DOCUMENT_TYPES)
  document(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string): Promise<FileDownload> {
    return this.qualifications.document(ctx, id);
  }

  @Post('qualifications/:id/verify')
  @HttpCode(200)
  @RequirePermission(Permission.RecordsReview, 'Verify a qualification (body admin of a body of the person)')
  @ApiOkResponse({ type: QualificationDto })
  verify(
    @Ctx() ctx: AuthedCtx,
    @Param('id', UuidPipe) id: string,
    @Body() dto: ReviewQualificationDto,
    @IfMatch() ifMatch?: string,
  ): Promise<QualificationDto> {
    return this.qualifications.review(ctx, id, 'verified', dto, ifMatch);
  }

  @Post('qualifications/:id/reject')
  @HttpCode(200)
  @RequirePermission(Permission.RecordsReview, 'Reject a qualification, with a note saying why')
  @ApiOkResponse({ type: QualificationDto })
  reject(
    @Ctx() ctx: AuthedCtx,
    @Param('id', UuidPipe) id: string,
    @Body() dto: ReviewQualificationDto,
    @IfMatch() ifMatch?: string,
  ): Promise<QualificationDto> {
    return this.qualifications.review(ctx, id, 'rejected', dto, ifMatch);
  }

  @Get('bodies/:bodyId/qualifications')
  @RequirePermission(Permission.RecordsReview, "List the qualifications of a body's trainees, pending first")
  @ApiOkResponse({ type: BodyQualificationListDto })
  listForBody(
    @Ctx() ctx: AuthedCtx,
    @Param('bodyId', UuidPipe) bodyId: string,
    @Query() q: ListBodyQualificationsQuery,
  ): Promise<BodyQualificationListDto> {
    return this.qualifications.listForBody(ctx, bodyId, q);
  }
}
