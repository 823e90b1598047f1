import {
  fill,
  PDFDocument,
  type PDFFont,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  rgb,
  setFillingRgbColor,
  StandardFonts,
} from 'pdf-lib';
import QRCode from 'qrcode';

export interface CertificateData {
  bodyName: string;
  holderName: string;
  // the level's name as the body wrote it in its scheme
  levelName: string;
  // the level's noun ("certified", "accredited") and the title its holder bears, as the scheme labels the level
  noun: string;
  levelTitle: string;
  certificateNumber: string;
  issuedOn: string;
  expiresOn: string | null;
  status: string;
}

/**
 * The QR code of a URL as runs of dark modules, row by row ({row, col, length} in module units, row 0 at the top).
 * Drawn as vector rectangles: sharp at any print size, and far cheaper than rendering and re-decoding a PNG.
 */
export function qrRuns(url: string): { size: number; runs: { row: number; col: number; length: number }[] } {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const runs: { row: number; col: number; length: number }[] = [];
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size;) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < modules.size && modules.get(row, col)) col++;
      runs.push({ row, col: start, length: col - start });
    }
  }
  return { size: modules.size, runs };
}

/** The web app's public verification page for one certificate: what the QR code opens. */
export function verificationUrl(publicBaseUrl: string, certificateNumber: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/verify/${encodeURIComponent(certificateNumber)}`;
}

// The 14 standard PDF fonts only encode WinAnsi (Western European). A character outside it is written without
// its diacritics where that helps (Ł → L is not decomposable, so it becomes '?'): the certificate still prints,
// and the exact name is what the verification page shows. Embedding a Unicode font is the way to lift this.
export function printable(text: string, font: PDFFont): string {
  const supported = new Set(font.getCharacterSet());
  return [...text]
    .map((ch) => {
      if (supported.has(ch.codePointAt(0)!)) return ch;
      const base = ch.normalize('NFKD').replace(/\p{M}/gu, '');
      return base && [...base].every((c) => supported.has(c.codePointAt(0)!)) ? base : '?';
    })
    .join('');
}

const A4_LANDSCAPE: [number, number] = [841.89, 595.28];

export async function certificatePdf(data: CertificateData, verifyUrl: string, now: Date): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`Certificate ${data.certificateNumber}`);
  doc.setSubject(`${data.levelTitle} — ${data.holderName}`);
  doc.setCreator('IPT Accreditation');
  doc.setProducer('IPT Accreditation');
  doc.setCreationDate(now);
  doc.setModificationDate(now);
  const page = doc.addPage(A4_LANDSCAPE);
  const [w, h] = A4_LANDSCAPE;
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const ink = rgb(0.1, 0.15, 0.25);
  const centred = (text: string, y: number, size: number, font: PDFFont) => {
    const t = printable(text, font);
    const width = font.widthOfTextAtSize(t, size);
    page.drawText(t, { x: Math.max(40, (w - width) / 2), y, size, font, color: ink, maxWidth: w - 80 });
  };
  page.drawRectangle({ x: 24, y: 24, width: w - 48, height: h - 48, borderColor: ink, borderWidth: 2 });
  centred(data.bodyName, h - 100, 20, bold);
  centred('certifies that', h - 160, 14, regular);
  centred(data.holderName, h - 210, 30, bold);
  centred(`is ${data.noun} as`, h - 255, 14, regular);
  centred(data.levelTitle, h - 300, 24, bold);

  const lines: [string, string][] = [
    ['Certificate number', data.certificateNumber],
    ['Awarded on', data.issuedOn],
    ['Valid until', data.expiresOn ?? 'No expiry'],
    // a copy printed while not in good standing says so; the QR code always tells today's status
    ...(data.status === 'active' ? [] : [['Status when printed', data.status] as [string, string]]),
  ];
  lines.forEach(([label, value], i) => {
    const y = 180 - i * 22;
    page.drawText(`${label}:`, { x: 80, y, size: 12, font: regular, color: ink });
    page.drawText(printable(value, bold), { x: 220, y, size: 12, font: bold, color: ink });
  });
  page.drawText(printable(`Status today and authenticity: ${verifyUrl}`, regular), {
    x: 80,
    y: 80,
    size: 9,
    font: regular,
    color: ink,
    maxWidth: w - 300,
  });

  const qr = qrRuns(verifyUrl);
  const side = 140,
    left = w - 80 - side,
    top = 60 + side,
    unit = side / qr.size;
  // one filled path of rectangles (one `re` per run), black on the white page
  page.pushOperators(
    pushGraphicsState(),
    setFillingRgbColor(0, 0, 0),
    ...qr.runs.map((r) => rectangle(left + r.col * unit, top - (r.row + 1) * unit, r.length * unit, unit)),
    fill(),
    popGraphicsState(),
  );
  return doc.save();
}
