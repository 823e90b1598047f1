import { caseAttributes, diagnosisGroup } from './case-attributes';

describe('case attributes', () => {
  it('groups ICD-10 chapter V codes by block', () => {
    expect(diagnosisGroup('F32.1')).toBe('F30-F39');
    expect(diagnosisGroup('F43.10')).toBe('F40-F48');
    expect(diagnosisGroup('F50')).toBe('F50-F59');
    expect(diagnosisGroup('F99')).toBe('F99');
    expect(diagnosisGroup('F09')).toBe('F00-F09');
  });
  it('uses the three-character category outside chapter V', () => {
    expect(diagnosisGroup('G47.0')).toBe('G47');
  });
  it('lists focus and secondary problem areas as one attribute', () => {
    const a = caseAttributes({
      focusProblemArea: 'grief',
      secondaryProblemArea: 'role_dispute',
      format: 'individual',
      adaptation: 'adult',
      setting: 'community',
      ageBand: '18-25',
      primaryDiagnosis: 'F33.0',
    });
    expect(a).toMatchObject({ problemArea: ['grief', 'role_dispute'], setting: 'community', ageBand: '18-25', diagnosisGroup: 'F30-F39' });
  });
});
