import type { QualificationDto } from './dto';
import type { Qualification, QualificationDocument } from './qualification.entity';

export type DocumentInfo = Pick<QualificationDocument, 'fileName' | 'contentType' | 'sizeBytes' | 'sha256' | 'uploadedAt'>;

export const toQualificationDto = (q: Qualification, doc: DocumentInfo | null): QualificationDto => ({
  id: q.id,
  personId: q.personId,
  kind: q.kind,
  code: q.code,
  title: q.title,
  issuer: q.issuer,
  awardedOn: q.awardedOn,
  state: q.state,
  reviewedBy: q.reviewedBy,
  reviewedAt: q.reviewedAt?.toISOString() ?? null,
  reviewNote: q.reviewNote,
  document: doc
    ? {
        fileName: doc.fileName,
        contentType: doc.contentType,
        sizeBytes: doc.sizeBytes,
        sha256: doc.sha256,
        uploadedAt: doc.uploadedAt.toISOString(),
      }
    : null,
  createdAt: q.createdAt.toISOString(),
  version: q.version,
});
