import { inflateSync } from 'node:zlib';

// A deliberately small reader for the PDFs this service writes (pdf-lib, standard fonts): inflates every
// stream and collects the strings shown by Tj operators, hex or literal. Enough to assert on printed text.
export function pdfText(pdf: Buffer | Uint8Array): string[] {
  const out: string[] = [];
  for (const content of pdfContentStreams(pdf)) {
    for (const m of content.matchAll(/<([0-9A-Fa-f\s]*)>\s*Tj|\(((?:\\.|[^\\)])*)\)\s*Tj/g)) {
      out.push(m[1] !== undefined ? Buffer.from(m[1].replace(/\s/g, ''), 'hex').toString('latin1') : m[2]!.replace(/\\(.)/g, '$1'));
    }
  }
  return out;
}

/** Every stream of the PDF, inflated where it is deflated. */
export function pdfContentStreams(pdf: Buffer | Uint8Array): string[] {
  const raw = Buffer.from(pdf);
  const out: string[] = [];
  let at = 0;
  for (;;) {
    const start = raw.indexOf('stream', at, 'latin1');
    if (start < 0) break;
    const bodyStart = raw[start + 6] === 0x0d ? start + 8 : start + 7;
    const end = raw.indexOf('endstream', bodyStart, 'latin1');
    if (end < 0) break;
    at = end + 9;
    let content: string;
    try {
      content = inflateSync(raw.subarray(bodyStart, end)).toString('latin1');
    } catch {
      content = raw.subarray(bodyStart, end).toString('latin1');
    }
    out.push(content);
  }
  return out;
}

/** How many rectangles (`re` operators) the PDF's pages draw. */
export const pdfRectangles = (pdf: Buffer | Uint8Array): number =>
  pdfContentStreams(pdf).reduce((n, c) => n + (c.match(/ re\n/g)?.length ?? 0), 0);
