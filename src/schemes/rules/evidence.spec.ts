import { qualification, QualificationParams, references, ReferencesParams } from './evidence';
import { aRecord, CTX } from './record-builder.fixture';
import { run } from './spec-run.fixture';
import type { QualificationRecord, ReferenceRecord } from '../person-record';

const q = (over: Partial<QualificationRecord> = {}): QualificationRecord => ({
  id: 'q-1',
  kind: 'degree',
  code: 'MSC_CLIN_PSY',
  title: 'MSc Clinical Psychology',
  awardedOn: '2020-07-01',
  state: 'verified',
  ...over,
});
let n = 0;
const ref = (over: Partial<ReferenceRecord> = {}): ReferenceRecord => ({
  id: `r-${++n}`,
  bodyId: CTX.schemeBodyId,
  kind: 'clinical',
  submittedOn: '2026-05-01',
  ...over,
});
const LIST = { codes: ['MSC_CLIN_PSY', 'PSYCHOTHERAPIST_LICENCE'] };

describe('qualification', () => {
  it('is met by a verified degree from the accepted list', () => {
    const r = run(qualification, LIST, aRecord({ qualifications: [q()] }));
    expect(r).toMatchObject({ met: true, reached: 1, evidence: [{ kind: 'qualification', id: 'q-1' }] });
  });
  it('is not met while the qualification awaits verification, and says so', () => {
    const r = run(qualification, LIST, aRecord({ qualifications: [q({ state: 'pending' })] }));
    expect(r).toMatchObject({ met: false, message: expect.stringContaining('awaits verification') });
  });
  it('counts a pending one when the scheme does not ask for verification', () => {
    expect(run(qualification, { ...LIST, verifiedOnly: false }, aRecord({ qualifications: [q({ state: 'pending' })] })).met).toBe(true);
  });
  it('never counts a rejected qualification, even without verification', () => {
    const r = run(qualification, { ...LIST, verifiedOnly: false }, aRecord({ qualifications: [q({ state: 'rejected' })] }));
    expect(r).toMatchObject({ met: false, message: expect.stringContaining('rejected') });
  });
  it('names the accepted codes when the person has none of them', () => {
    const r = run(qualification, LIST, aRecord({ qualifications: [q({ code: 'BA_PSYCH' })] }));
    expect(r).toMatchObject({ met: false, message: expect.stringContaining('MSC_CLIN_PSY, PSYCHOTHERAPIST_LICENCE') });
  });
});

describe('references', () => {
  it('is met by two submitted clinical references', () => {
    const r = run(references, { min: 2, kinds: ['clinical'] }, aRecord({ references: [ref(), ref()] }));
    expect(r).toMatchObject({ met: true, reached: 2, required: 2 });
    expect(r.evidence).toHaveLength(2);
  });
  it('does not count a character reference towards clinical ones, nor an unanswered request', () => {
    const r = run(
      references,
      { min: 2, kinds: ['clinical'] },
      aRecord({ references: [ref(), ref({ kind: 'character' }), ref({ submittedOn: null })] }),
    );
    expect(r).toMatchObject({
      met: false,
      reached: 1,
      message: expect.stringContaining('1 more clinical reference needed; 1 request not answered yet'),
    });
  });
  it('does not count a reference given for another body', () => {
    expect(run(references, { min: 1 }, aRecord({ references: [ref({ bodyId: 'body-2' })] })).met).toBe(false);
  });
  it('counts only references submitted within the months the scheme allows', () => {
    const r = run(references, { min: 1, withinMonths: 12 }, aRecord({ references: [ref({ submittedOn: '2024-01-01' })] }));
    expect(r).toMatchObject({ met: false, reached: 0, message: expect.stringContaining('older than 12 months') });
    expect(run(references, { min: 1, withinMonths: 12 }, aRecord({ references: [ref({ submittedOn: '2026-01-01' })] })).met).toBe(true);
  });
  it('counts any kind when the scheme names none', () => {
    expect(run(references, { min: 2 }, aRecord({ references: [ref(), ref({ kind: 'character' })] })).met).toBe(true);
  });
  it('parameters are classes that class-validator can check', () => {
    expect(new QualificationParams()).toBeInstanceOf(QualificationParams);
    expect(new ReferencesParams()).toBeInstanceOf(ReferencesParams);
  });
});
