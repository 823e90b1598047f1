import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import { printable } from './certificate-pdf';
import type { RecordExport } from './record-export';

type Row = Record<string, unknown>;
const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;

// Writes lines top to bottom, starting a new page when one is full.
class Writer {
  private page!: PDFPage;
  private y = 0;
  constructor(
    private readonly doc: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
  ) {
    this.newPage();
  }

  private newPage(): void {
    this.page = this.doc.addPage(A4);
    this.y = A4[1] - MARGIN;
  }

  line(text: string, opts: { size?: number; bold?: boolean; indent?: number; gap?: number } = {}): void {
    const size = opts.size ?? 9;
    const font = opts.bold ? this.bold : this.regular;
    const x = MARGIN + (opts.indent ?? 0);
    const width = A4[0] - MARGIN - x;
    // wrap on spaces to the page's width
    const words = printable(text, font).split(' ');
    let current = '';
    const flush = () => {
      if (this.y < MARGIN + size) this.newPage();
      this.page.drawText(current, { x, y: this.y, size, font, color: rgb(0.1, 0.1, 0.15) });
      this.y -= size * 1.35;
      current = '';
    };
    this.y -= opts.gap ?? 0;
    for (const w of words) {
      const next = current ? `${current} ${w}` : w;
      if (current && font.widthOfTextAtSize(next, size) > width) {
        flush();
        current = w;
      } else current = next;
    }
    flush();
  }
}

const v = (x: unknown): string => (x === null || x === undefined || x === '' ? '-' : String(x));
const day = (x: unknown): string => (typeof x === 'string' ? x.slice(0, 10) : '-');

/** A readable print of the exported record: one section per kind of record, one line (or a few) per item. */
export async function recordPdf(r: RecordExport, now: Date): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`Training record of ${r.person.displayName}`);
  doc.setCreationDate(now);
  doc.setModificationDate(now);
  const out = new Writer(doc, await doc.embedFont(StandardFonts.Helvetica), await doc.embedFont(StandardFonts.HelveticaBold));
  const section = (title: string, rows: Row[], each: (x: Row) => void) => {
    out.line(`${title} (${rows.length})`, { size: 13, bold: true, gap: 10 });
    if (!rows.length) out.line('None recorded.', { indent: 8 });
    rows.forEach(each);
  };

  out.line('IPT training record', { size: 18, bold: true });
  out.line(`${r.person.displayName} <${r.person.email}>`, { size: 11, gap: 4 });
  out.line(`Exported ${r.exportedAt} (${r.format}). The JSON export holds the same record in full.`);

  section('Accreditations', r.accreditations, (a) =>
    out.line(
      `${v(a.certificateNumber)}: ${v(a.levelName)} (${v(a.bodyName)}), ${v(a.status)}, awarded ${day(a.issuedOn)}, expires ${a.expiresOn ? day(a.expiresOn) : 'never'}`,
      { indent: 8 },
    ),
  );
  section('Applications', r.applications, (a) =>
    out.line(
      `${v(a.levelCode)}: ${v(a.status)}, submitted ${day(a.submittedAt)}${a.decidedAt ? `, decided ${day(a.decidedAt)}` : ''}${a.decisionReason ? ` (${v(a.decisionReason)})` : ''}`,
      { indent: 8 },
    ),
  );
  section('Training activities', r.activities, (a) =>
    out.line(
      `${day(a.date)}  ${v(a.kind)}: ${v(a.title)} (${v(a.provider)}), ${v(a.hours)} h, ${v(a.delivery)}${a.verified ? ', verified' : ''}`,
      { indent: 8 },
    ),
  );
  section('Supervised cases', r.cases, (c) => {
    const sessions = c.sessions as Row[];
    const measures = c.measures as Row[];
    const signOffs = c.signOffs as Row[];
    out.line(
      `Case ${v(c.clientCode)}: ${v(c.format)}, ${v(c.adaptation)}, focus ${v(c.focusProblemArea)}, ${v(c.status)}, review ${v(c.reviewState)}`,
      { indent: 8, bold: true, gap: 2 },
    );
    out.line(
      `Started ${day(c.startDate)}${c.endDate ? `, ended ${day(c.endDate)}` : ''}; supervisor ${v(c.supervisorName)}; ${sessions.length} of ${v(c.plannedSessions)} planned sessions`,
      { indent: 16 },
    );
    if (sessions.length)
      out.line(
        `Sessions: ${sessions.map((s) => `#${v(s.number)} ${day(s.date)} ${v(s.phase)}${s.attended ? '' : ' (missed)'}`).join('; ')}`,
        { indent: 16 },
      );
    if (measures.length)
      out.line(
        `Measures: ${measures.map((m) => `${v(m.instrument)} ${day(m.administeredOn)} = ${v(m.total)} (${v(m.severity)})`).join('; ')}`,
        { indent: 16 },
      );
    for (const s of signOffs)
      out.line(`Signed off by ${v(s.supervisorName)} on ${day(s.signedAt)}${s.voidedAt ? ` (voided ${day(s.voidedAt)})` : ''}`, {
        indent: 16,
      });
  });
  section('Supervision relationships', r.supervisionRelationships, (s) =>
    out.line(
      `${v(s.supervisorName)}: ${v(s.status)}${s.startedOn ? `, from ${day(s.startedOn)}` : ''}${s.endedOn ? ` to ${day(s.endedOn)}` : ''}`,
      { indent: 8 },
    ),
  );
  section('Supervision received', r.supervisionSessions, (s) =>
    out.line(`${day(s.date)}  ${v(s.minutes)} min, ${v(s.format)}, with ${v(s.supervisorName)}, ${v(s.participants)} participant(s)`, {
      indent: 8,
    }),
  );
  section('Ratings received', r.ratingsReceived, (x) =>
    out.line(
      `${day(x.submittedAt)}  ${v(x.targetType)} rated by a ${v(x.raterRole)}: total ${v(x.total)}${x.passed === null ? '' : x.passed ? ', passed' : ', not passed'}`,
      { indent: 8 },
    ),
  );
  return doc.save();
}
