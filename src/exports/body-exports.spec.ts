import { bodyExportFilename, bodyExportTable } from './body-exports';

describe('body exports', () => {
  it('names the file after the body, the kind and the day, in plain ASCII', () => {
    expect(bodyExportFilename("Société française d'IPT", 'register', '2026-12-01', 'csv')).toBe(
      'societe-francaise-d-ipt-register-2026-12-01.csv',
    );
    expect(bodyExportFilename('中文', 'renewals', '2026-12-01', 'xlsx')).toBe('body-renewals-2026-12-01.xlsx');
  });

  it("lists the register with certificate number first and the holder's consent to public listing", () => {
    const t = bodyExportTable('register', []);
    expect(t.columns[0]).toEqual({ key: 'certificateNumber', header: 'Certificate number' });
    expect(t.columns.map((c) => c.key)).toContain('publicListing');
  });

  it('lists applications with their decisions, who decided and any override reason', () => {
    expect(bodyExportTable('applications', []).columns.map((c) => c.key)).toEqual(
      expect.arrayContaining(['status', 'decidedAt', 'decidedBy', 'decisionReason', 'overrideReason']),
    );
  });
});
