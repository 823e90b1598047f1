import { PDFDocument, StandardFonts } from 'pdf-lib';
import QRCode from 'qrcode';
import { pdfRectangles, pdfText } from '../../test/support/pdf-text';
import { certificatePdf, printable, qrRuns, verificationUrl } from './certificate-pdf';

const DATA = {
  bodyName: 'UK IPT Network',
  holderName: 'Casey Trainee',
  levelName: 'Practitioner (Level A)',
  noun: 'certified',
  levelTitle: 'Certified IPT Practitioner (Level A)',
  certificateNumber: 'UK-IPT-2026-000123',
  issuedOn: '2026-03-01',
  expiresOn: '2027-03-01',
  status: 'active',
};

describe('the printable certificate', () => {
  it("points its QR code at the web app's verification page for that number", () => {
    expect(verificationUrl('https://ipt.example.org', 'UK-IPT-2026-000123')).toBe('https://ipt.example.org/verify/UK-IPT-2026-000123');
    expect(verificationUrl('https://ipt.example.org/', 'A B/1')).toBe('https://ipt.example.org/verify/A%20B%2F1');
  });

  it('prints body, holder, the level noun and title as the body wrote them, dates and number, and draws the QR code of the verify URL', async () => {
    const pdf = await certificatePdf(
      DATA,
      verificationUrl('https://ipt.example.org', DATA.certificateNumber),
      new Date('2026-03-02T00:00:00Z'),
    );
    expect(Buffer.from(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf);
    for (const s of [
      'UK IPT Network',
      'Casey Trainee',
      'is certified as',
      'Certified IPT Practitioner (Level A)',
      'UK-IPT-2026-000123',
      '2026-03-01',
      '2027-03-01',
    ])
      expect(text).toContain(s);
    expect(text.join(' ')).toContain('https://ipt.example.org/verify/UK-IPT-2026-000123');
    expect(pdfRectangles(pdf)).toBe(qrRuns('https://ipt.example.org/verify/UK-IPT-2026-000123').runs.length);
    expect((await PDFDocument.load(pdf)).getPageCount()).toBe(1);
  });

  it("draws the QR code module for module: the runs cover exactly the dark modules of the URL's QR code", () => {
    const url = 'https://ipt.example.org/verify/UK-IPT-2026-000123';
    const { size, runs } = qrRuns(url);
    const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
    expect(size).toBe(modules.size);
    const drawn = new Set(runs.flatMap((r) => Array.from({ length: r.length }, (_, i) => `${r.row},${r.col + i}`)));
    const dark = new Set<string>();
    for (let row = 0; row < size; row++) for (let col = 0; col < size; col++) if (modules.get(row, col)) dark.add(`${row},${col}`);
    expect(drawn).toEqual(dark);
    // a run stops at a light module or the edge, so no two runs of a row touch
    for (const r of runs) expect(runs.some((o) => o.row === r.row && o.col === r.col + r.length)).toBe(false);
    expect(qrRuns(`${url}9`).runs).not.toEqual(runs);
  });

  it('says "No expiry" for a level that never expires', async () => {
    const pdf = await certificatePdf({ ...DATA, expiresOn: null }, 'https://x.example/verify/1', new Date());
    expect(pdfText(pdf)).toContain('No expiry');
  });

  it("prints a name outside the standard fonts' character set without failing: accents kept, others approximated", async () => {
    const font = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
    expect(printable('Zoë Müller', font)).toBe('Zoë Müller');
    expect(printable('Łucja Dvořák', font)).toBe('?ucja Dvorák');
    expect(printable('Ἀλέξανδρος', font)).toMatch(/^\?+$/);
    await expect(
      certificatePdf({ ...DATA, holderName: 'Łucja Dvořák 王' }, 'https://x.example/verify/1', new Date()),
    ).resolves.toBeInstanceOf(Uint8Array);
  });
});

describe('a certificate printed while not in good standing', () => {
  it('says its status when printed; an active one does not', async () => {
    expect(pdfText(await certificatePdf({ ...DATA, status: 'suspended' }, 'https://x.example/verify/1', new Date()))).toContain(
      'suspended',
    );
    expect(pdfText(await certificatePdf(DATA, 'https://x.example/verify/1', new Date())).join(' ')).not.toContain('Status when printed');
  });
});
