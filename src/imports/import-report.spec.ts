import { ReportBuilder } from './import-report';

describe('the row report', () => {
  it('counts every row, lists every error, and re-counts a row found wrong only at the end', () => {
    const r = new ReportBuilder();
    r.add(2, 'create', 'A 1');
    r.add(3, 'error', 'A 2', [{ field: 'date', message: 'date is required' }]);
    r.add(4, 'match', 'A 3', [], 'already logged');
    r.fail(2, { field: 'phase', message: 'phases cannot go backwards' }, 'create', 'A 1');
    const out = r.report('sessions', 'dry-run', false, { name: 'f.csv', sha256: 'x', bytes: 1 });
    expect(out.counts).toEqual({ rows: 3, create: 0, match: 1, skip: 0, error: 2 });
    expect(out.rows.map((x) => [x.row, x.action])).toEqual([
      [2, 'error'],
      [3, 'error'],
      [4, 'match'],
    ]);
  });

  it('never echoes a key as a formula', () => {
    const r = new ReportBuilder();
    r.add(2, 'error', '=HYPERLINK("x")', [{ field: 'client_code', message: 'bad' }]);
    expect(r.report('cases', 'dry-run', false, { name: 'f', sha256: '', bytes: 0 }).rows[0].key).toBe(`'=HYPERLINK("x")`);
  });

  it('a commit with errors is refused with each row and field named', () => {
    const r = new ReportBuilder();
    r.add(9, 'error', 'k', [{ field: 'hours', message: 'hours must be more than 0' }]);
    expect(r.refusal()).toMatchObject({ code: 'IMPORT_HAS_ERRORS', details: { 'rows.9.hours': ['hours must be more than 0'] } });
  });
});
