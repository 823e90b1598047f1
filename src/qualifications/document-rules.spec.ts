import { cleanFileName, documentProblem, DOCUMENT_MAX_BYTES, mediaTypeOf } from './document-rules';

const pdf = Buffer.from('%PDF-1.7\n%…');
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);

describe('qualification documents', () => {
  it('accepts a PDF whose bytes start like a PDF', () => {
    expect(documentProblem('application/pdf', pdf)).toBeNull();
  });
  it('accepts a PNG scan', () => {
    expect(documentProblem('image/png', png)).toBeNull();
  });
  it('refuses an HTML page declared as a PDF', () => {
    expect(documentProblem('application/pdf', Buffer.from('<html><script>'))).toMatch(/not application\/pdf/);
  });
  it('refuses a media type it does not keep', () => {
    expect(documentProblem('text/html', pdf)).toMatch(/must be one of/);
  });
  it('refuses an empty body and one over the size limit', () => {
    expect(documentProblem('application/pdf', Buffer.alloc(0))).toMatch(/empty/);
    const big = Buffer.concat([pdf, Buffer.alloc(DOCUMENT_MAX_BYTES)]);
    expect(documentProblem('application/pdf', big)).toMatch(/larger than 5 MiB/);
  });
  it('reads the media type without its parameters', () => {
    expect(mediaTypeOf('Application/PDF; charset=binary')).toBe('application/pdf');
  });
  it('keeps only the last path part of a file name and names a nameless file by its type', () => {
    expect(cleanFileName('C:\\scans\\diploma "final".pdf', 'application/pdf')).toBe('diploma final.pdf');
    expect(cleanFileName(undefined, 'image/jpeg')).toBe('document.jpg');
  });
});
