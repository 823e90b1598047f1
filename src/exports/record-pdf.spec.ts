import { PDFDocument } from 'pdf-lib';
import { pdfText } from '../../test/support/pdf-text';
import { RECORD_EXPORT_FORMAT, type RecordExport } from './record-export';
import { recordPdf } from './record-pdf';

const EMPTY: RecordExport = {
  format: RECORD_EXPORT_FORMAT,
  exportedAt: '2026-12-01T10:00:00.000Z',
  person: { id: 'p', email: 'casey@example.org', displayName: 'Casey Trainee', createdAt: '2026-01-01T00:00:00Z', traineeProfile: null },
  activities: [],
  cases: [],
  supervisionRelationships: [],
  supervisionSessions: [],
  ratingsReceived: [],
  applications: [],
  accreditations: [],
};

const aCase = (i: number) => ({
  clientCode: `C-${String(i).padStart(4, '0')}`,
  format: 'individual',
  adaptation: 'adult',
  focusProblemArea: 'grief',
  status: 'active',
  reviewState: 'draft',
  startDate: '2026-01-01',
  endDate: null,
  supervisorName: 'Sam Supervisor',
  plannedSessions: 16,
  sessions: Array.from({ length: 16 }, (_, n) => ({ number: n + 1, date: '2026-02-01', phase: 'middle', attended: true })),
  measures: [{ instrument: 'PHQ9', administeredOn: '2026-01-01', total: 12, severity: 'moderate' }],
  signOffs: [],
});

describe('the record as a readable PDF', () => {
  it('names the person and says "None recorded." for each empty section', async () => {
    const text = pdfText(await recordPdf(EMPTY, new Date()));
    expect(text).toContain('IPT training record');
    expect(text).toContain('Casey Trainee <casey@example.org>');
    expect(text.filter((l) => l === 'None recorded.')).toHaveLength(7);
  });

  it('lists each case with its sessions and measures, running onto further pages as the record grows', async () => {
    const pdf = await recordPdf({ ...EMPTY, cases: Array.from({ length: 40 }, (_, i) => aCase(i)) }, new Date());
    const text = pdfText(pdf).join('\n');
    expect(text).toContain('Supervised cases (40)');
    expect(text).toContain('Case C-0039: individual, adult, focus grief, active, review draft');
    expect(text).toContain('PHQ9 2026-01-01 = 12 (moderate)');
    expect((await PDFDocument.load(pdf)).getPageCount()).toBeGreaterThan(2);
  });
});
