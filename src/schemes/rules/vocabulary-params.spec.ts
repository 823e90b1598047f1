import { validateRuleParams } from '../scheme-definition';

// Parameters of the record vocabulary are checked field by field, like every rule's.
describe('parameters of the record vocabulary', () => {
  it('accepts each new parameter in its documented shape', () => {
    expect(
      validateRuleParams(
        'learning_hours',
        {
          kinds: ['didactic_course', 'workshop'],
          minHours: 450,
          delivery: ['in_person', 'online'],
          trainerLevels: [{ levelCode: 'TRAINER' }, { levelCode: 'SUPERVISOR', schemeCode: 'INTL' }],
          where: [{ attribute: 'provider', anyOf: ['IPT Institute'] }],
          caps: [
            { delivery: 'online', maxHours: 100 },
            { kind: 'workshop', maxHours: 50 },
          ],
          totals: [{ label: 'taught', minHours: 200, filter: { delivery: ['in_person'] } }],
        },
        'p',
      ),
    ).toEqual({});
    expect(
      validateRuleParams(
        'supervision_received',
        { minHours: 40, formats: ['group'], caseLinked: false, groupSizeLimit: { maxMembers: 8, fallback: { creditMinutes: 30 } } },
        'p',
      ),
    ).toEqual({});
    expect(
      validateRuleParams(
        'practice_hours',
        { minHours: 100, withinMonths: 24, filter: { where: [{ attribute: 'setting', noneOf: ['inpatient'] }] } },
        'p',
      ),
    ).toEqual({});
    expect(validateRuleParams('case_supervision', { minCases: 1, groupSizeLimit: { maxMembers: 8, fallback: 'none' } }, 'p')).toEqual({});
    expect(
      validateRuleParams('distinct_case_attribute', { attribute: 'diagnosisGroup', minDistinct: 2, values: ['F30-F39'] }, 'p'),
    ).toEqual({});
  });
  it('refuses a cap that names neither a delivery mode nor a kind', () => {
    expect(validateRuleParams('learning_hours', { kinds: ['cpd'], minHours: 1, caps: [{ maxHours: 5 }] }, 'p')).toHaveProperty([
      'p.caps.0.delivery',
    ]);
  });
  it('refuses an activity attribute the product does not record', () => {
    expect(
      validateRuleParams('learning_hours', { kinds: ['cpd'], minHours: 1, where: [{ attribute: 'colour', anyOf: ['blue'] }] }, 'p'),
    ).toHaveProperty(['p.where.0.attribute']);
  });
  it('refuses a condition with neither anyOf nor noneOf', () => {
    expect(validateRuleParams('practice_hours', { minHours: 1, filter: { where: [{ attribute: 'setting' }] } }, 'p')).toHaveProperty([
      'p.filter.where.0.anyOf',
    ]);
  });
  it("refuses a group-size fallback other than 'none' or { creditMinutes }", () => {
    for (const fallback of ['half', { creditMinutes: 0 }, { creditMinutes: 30, extra: 1 }, null]) {
      expect(validateRuleParams('case_supervision', { minCases: 1, groupSizeLimit: { maxMembers: 8, fallback } }, 'p')).toHaveProperty([
        'p.groupSizeLimit.fallback',
      ]);
    }
  });
  it('refuses a total without a label and an attribute name that is not one', () => {
    expect(validateRuleParams('learning_hours', { kinds: ['cpd'], minHours: 1, totals: [{ minHours: 5 }] }, 'p')).toHaveProperty([
      'p.totals.0.label',
    ]);
    expect(validateRuleParams('case_supervision', { minCases: 1, groupSizeLimit: { maxMembers: 8, fallback: 'none' } }, 'p')).toEqual({});
    expect(validateRuleParams('distinct_case_attribute', { attribute: 'Drop table', minDistinct: 2 }, 'p')).toHaveProperty(['p.attribute']);
  });
});
