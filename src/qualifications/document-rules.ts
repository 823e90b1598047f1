// What a qualification document may be: a PDF, PNG or JPEG scan of at most 5 MiB whose bytes are what its
// declared media type says (a renamed executable or HTML page is refused, and the download is then safe to
// serve with that type and `nosniff`).

export const DOCUMENT_MAX_BYTES = 5 * 1024 * 1024;

const SIGNATURES: Record<string, number[]> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'image/jpeg': [0xff, 0xd8, 0xff],
};

export const DOCUMENT_TYPES = Object.keys(SIGNATURES);

/** The media type without parameters, lower-cased ("application/pdf; x=y" → "application/pdf"). */
export const mediaTypeOf = (header: string | undefined): string => (header ?? '').split(';')[0].trim().toLowerCase();

/** Why the upload is refused, or null when it is acceptable. */
export function documentProblem(contentType: string, body: unknown): string | null {
  if (!DOCUMENT_TYPES.includes(contentType)) return `The document must be one of: ${DOCUMENT_TYPES.join(', ')}`;
  if (!Buffer.isBuffer(body) || body.length === 0) return 'The document is empty';
  if (body.length > DOCUMENT_MAX_BYTES) return `The document is larger than ${DOCUMENT_MAX_BYTES / 1024 / 1024} MiB`;
  const sig = SIGNATURES[contentType];
  if (body.length < sig.length || sig.some((b, i) => body[i] !== b)) return `The file's content is not ${contentType}`;
  return null;
}

/** A file name safe to store and show: no path, no control characters, at most 200 characters. */
export function cleanFileName(raw: string | undefined, contentType: string): string {
  const ext = contentType === 'application/pdf' ? 'pdf' : contentType === 'image/png' ? 'png' : 'jpg';
  const base = (raw ?? '')
    .split(/[\\/]/)
    .pop()!
    .replace(/[\u0000-\u001f\u007f"<>]/g, '')
    .trim()
    .slice(0, 200);
  return base || `document.${ext}`;
}
