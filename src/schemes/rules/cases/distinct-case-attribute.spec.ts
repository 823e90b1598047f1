import { aCase, aRecord } from '../record-builder.fixture';
import { run } from '../spec-run.fixture';
import { distinctCaseAttribute } from './distinct-case-attribute';

const IPT_AREAS = ['grief', 'role_dispute', 'role_transition', 'interpersonal_deficits'];

describe('distinct values of a case attribute', () => {
  it('names the problem areas reached and the one missing (focus and secondary both count)', () => {
    const record = aRecord({
      cases: [
        aCase({ clientCode: 'AB12', focusProblemArea: 'grief' }),
        aCase({ clientCode: 'CD34', focusProblemArea: 'role_dispute', secondaryProblemArea: 'role_transition' }),
      ],
    });
    const r = run(distinctCaseAttribute, { attribute: 'problemArea', minDistinct: 4, values: IPT_AREAS }, record);
    expect(r).toMatchObject({ met: false, reached: 3, required: 4, unit: 'problem areas' });
    expect(r.message).toBe(
      '3 of 4 problem areas in completed, signed-off cases: grief, role dispute, role transition; missing: interpersonal deficits; 1 more problem area needed',
    );
    expect(r.breakdown).toEqual([
      { id: 'grief', met: true, message: 'grief: AB12' },
      { id: 'role_dispute', met: true, message: 'role dispute: CD34' },
      { id: 'role_transition', met: true, message: 'role transition: CD34' },
    ]);
    expect(r.evidence.map((e) => e.note)).toEqual(['AB12', 'CD34']);
  });
  it('ignores values outside the given subset ("other" is not an IPT problem area)', () => {
    const record = aRecord({ cases: [aCase({ focusProblemArea: 'other' }), aCase({ focusProblemArea: 'grief' })] });
    const r = run(distinctCaseAttribute, { attribute: 'problemArea', minDistinct: 2, values: IPT_AREAS }, record);
    expect(r).toMatchObject({ met: false, reached: 1 });
    expect(r.evidence).toHaveLength(1);
  });
  it('counts diagnosis groups (ICD-10 blocks): two depressions are one group', () => {
    const record = aRecord({
      cases: [aCase({ primaryDiagnosis: 'F32.1' }), aCase({ primaryDiagnosis: 'F33.0' }), aCase({ primaryDiagnosis: 'F43.1' })],
    });
    const r = run(distinctCaseAttribute, { attribute: 'diagnosisGroup', minDistinct: 2 }, record);
    expect(r).toMatchObject({ met: true, reached: 2 });
    expect(r.message).toBe('2 of 2 diagnosis groups in completed, signed-off cases: F30-F39, F40-F48');
  });
  it('counts settings and age bands of counted cases only (signed off, completed by default)', () => {
    const record = aRecord({
      cases: [
        aCase({ setting: 'primary_care' }),
        aCase({ setting: 'inpatient', reviewState: 'submitted' }),
        aCase({ setting: 'community' }),
      ],
    });
    expect(run(distinctCaseAttribute, { attribute: 'setting', minDistinct: 3 }, record)).toMatchObject({ met: false, reached: 2 });
    expect(run(distinctCaseAttribute, { attribute: 'setting', minDistinct: 3, filter: { signedOffOnly: false } }, record).met).toBe(true);
    expect(run(distinctCaseAttribute, { attribute: 'ageBand', minDistinct: 1 }, record).message).toContain('1 of 1 age band');
  });
  it('says so when no counted case records the attribute at all', () => {
    const r = run(distinctCaseAttribute, { attribute: 'referralSource', minDistinct: 2 }, aRecord({ cases: [aCase()] }));
    expect(r).toMatchObject({ met: false, reached: 0 });
    expect(r.message).toContain('no counted case records a referral source');
  });
});
