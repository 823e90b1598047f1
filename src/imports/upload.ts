import type { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { badRequest, DomainError } from '../common/errors';
import { FileFingerprint, formatOf, type ImportFormat, isUploadError } from './row-source';

/** The uploaded file of an import request, as a stream hashed while it is read. */
export interface Upload {
  stream: Readable;
  format: ImportFormat;
  fingerprint: FileFingerprint;
}

export async function uploadFrom(req: FastifyRequest): Promise<Upload> {
  if (!req.isMultipart())
    throw badRequest('IMPORT_FILE_INVALID', 'Send the file as multipart/form-data, field "file"', { file: ['missing'] });
  const part = await req.file();
  if (!part || part.fieldname !== 'file')
    throw badRequest('IMPORT_FILE_INVALID', 'Send the file as multipart/form-data, field "file"', { file: ['missing'] });
  const name = part.filename.replace(/[\\/]/g, '_').slice(0, 255) || 'upload';
  const format = formatOf(name, part.mimetype);
  const fingerprint = new FileFingerprint(name);
  const tap = fingerprint.tap();
  // an error of the upload (over the size limit) reaches the reader of the hashed stream
  part.file.on('error', (err) => tap.destroy(err));
  part.file.on('limit', () => tap.destroy(Object.assign(new Error('request file too large'), { code: 'FST_REQ_FILE_TOO_LARGE' })));
  return { stream: part.file.pipe(tap), format, fingerprint };
}

/** What the upload's own stream threw (the file is larger than IMPORT_MAX_BYTES) in the API's error shape. */
export function uploadError(err: unknown): unknown {
  if (isUploadError(err)) return new DomainError('PAYLOAD_TOO_LARGE', 'The file is larger than the import limit (IMPORT_MAX_BYTES)');
  return err;
}
