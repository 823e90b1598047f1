import { checkCaseValues, type CaseCategoricalValues } from './case-attributes';
import { IPT_TAXONOMY_DEFINITION } from './ipt-taxonomy';
import { type TaxonomyDefinition, validateTaxonomyDefinition } from './taxonomy-definition';

const clone = (): TaxonomyDefinition => structuredClone(IPT_TAXONOMY_DEFINITION);

describe('validateTaxonomyDefinition', () => {
  it('accepts the seeded IPT taxonomy', () => {
    expect(validateTaxonomyDefinition(IPT_TAXONOMY_DEFINITION)).toEqual({});
  });

  it('accepts an extra problem area and a custom multiple attribute', () => {
    const def = clone();
    def.attributes[0].values.push({ code: 'loss_of_healthy_self', label: 'Loss of the healthy self' });
    def.attributes.push({
      code: 'diagnosisGroup',
      label: 'Diagnosis group',
      required: false,
      multiple: true,
      values: [{ code: 'depression', label: 'Depression' }],
    });
    expect(validateTaxonomyDefinition(def)).toEqual({});
  });

  it('names a missing built-in attribute', () => {
    const def = clone();
    def.attributes = def.attributes.filter((a) => a.code !== 'ageBand');
    def.attributes.push({ code: 'extra', label: 'Extra', required: false, values: [{ code: 'x', label: 'X' }] });
    expect(validateTaxonomyDefinition(def)['definition.attributes']).toEqual(['attribute ageBand is required (every case records it)']);
  });

  it('names the value whose code is used twice and a malformed code by path', () => {
    const def = clone();
    def.attributes[1].values.push({ code: 'group', label: 'Again' }, { code: 'Bad Code', label: 'Bad' });
    const errors = validateTaxonomyDefinition(def);
    expect(errors['definition.attributes.1.values.2.code']).toEqual(['value code is used twice']);
    expect(errors['definition.attributes.1.values.3.code']).toEqual(['code must be 1–40 of a–z 0–9 _ . + - (e.g. role_dispute, 18-25)']);
  });

  it('refuses a multiple or optional built-in, a duplicate phase, an unknown field and a non-object', () => {
    const def = clone() as TaxonomyDefinition & { extra?: number };
    def.attributes[1].multiple = true;
    def.attributes[2].required = false;
    def.phases.push({ code: 'initial', label: 'Again' });
    def.extra = 1;
    const errors = validateTaxonomyDefinition(def);
    expect(errors['definition.attributes.1.multiple']).toEqual(['format is a single value of the case']);
    expect(errors['definition.attributes.2.required']).toEqual(['adaptation is always required']);
    expect(errors['definition.phases.3.code']).toEqual(['phase code is used twice']);
    expect(errors['definition.extra']).toEqual(['definition.extra is not an accepted field']);
    expect(validateTaxonomyDefinition([])).toEqual({ definition: ['definition must be an object'] });
  });

  it('refuses an attribute whose values are all retired, and phase boundaries out of range', () => {
    const def = clone();
    def.attributes[1].values.forEach((v) => (v.retired = true));
    def.phaseBoundaries.initialLastSession = 0;
    const errors = validateTaxonomyDefinition(def);
    expect(errors['definition.attributes.1.values']).toEqual(['at least one value must not be retired']);
    expect(Object.keys(errors)).toContain('definition.phaseBoundaries.initialLastSession');
  });
});

describe('checkCaseValues', () => {
  const base: CaseCategoricalValues = {
    format: 'individual',
    adaptation: 'adult',
    ageBand: '26-40',
    setting: 'community',
    focusProblemArea: 'grief',
    secondaryProblemArea: null,
    attributes: {},
  };
  const custom = (): TaxonomyDefinition => {
    const def = clone();
    def.attributes[0].values.push({ code: 'loss_of_healthy_self', label: 'Loss of the healthy self' });
    def.attributes[0].values.find((v) => v.code === 'other')!.retired = true;
    def.attributes.push(
      {
        code: 'diagnosisGroup',
        label: 'Diagnosis group',
        required: true,
        values: [
          { code: 'depression', label: 'D' },
          { code: 'anxiety', label: 'A' },
        ],
      },
      {
        code: 'comorbidity',
        label: 'Comorbidity',
        required: false,
        multiple: true,
        values: [
          { code: 'substance', label: 'S' },
          { code: 'pain', label: 'P' },
        ],
      },
    );
    return def;
  };

  it('accepts IPT values on the IPT taxonomy', () => {
    expect(checkCaseValues(IPT_TAXONOMY_DEFINITION, base, null)).toEqual({});
  });

  it('names the field and lists the allowed values for an unknown value', () => {
    expect(checkCaseValues(IPT_TAXONOMY_DEFINITION, { ...base, format: 'couple' }, null)).toEqual({
      format: ['format must be one of: individual, group'],
    });
    expect(checkCaseValues(IPT_TAXONOMY_DEFINITION, { ...base, secondaryProblemArea: 'loss_of_healthy_self' }, null)).toHaveProperty(
      'secondaryProblemArea',
    );
  });

  it('accepts a body-defined problem area and custom attributes, and requires a required custom attribute', () => {
    const def = custom();
    const ok = { ...base, focusProblemArea: 'loss_of_healthy_self', attributes: { diagnosisGroup: 'depression', comorbidity: ['pain'] } };
    expect(checkCaseValues(def, ok, null)).toEqual({});
    expect(checkCaseValues(def, base, null)).toEqual({
      'attributes.diagnosisGroup': ['attributes.diagnosisGroup is required (one of: depression, anxiety)'],
    });
  });

  it('refuses an unknown attribute, a list for a single attribute, a single value for a multiple one and a built-in in the map', () => {
    const def = custom();
    const errors = checkCaseValues(
      def,
      { ...base, attributes: { diagnosisGroup: ['depression'], comorbidity: 'pain', colour: 'red', format: 'group' } },
      null,
    );
    expect(errors['attributes.diagnosisGroup']).toEqual(['attributes.diagnosisGroup must be a single value, one of: depression, anxiety']);
    expect(errors['attributes.comorbidity']).toEqual(['attributes.comorbidity must be a list of values, each one of: substance, pain']);
    expect(errors['attributes.colour']).toEqual(["colour is not an attribute of the case's taxonomy"]);
    expect(errors['attributes.format']).toEqual(['format is a field of the case, not an attribute']);
  });

  it('refuses a retired value for a new case but keeps it on a case that already has it', () => {
    const def = custom();
    const old = { ...base, focusProblemArea: 'other', attributes: { diagnosisGroup: 'depression' } };
    expect(checkCaseValues(def, old, null)).toEqual({
      focusProblemArea: [
        'focusProblemArea must be one of: grief, role_dispute, role_transition, interpersonal_deficits, loss_of_healthy_self',
      ],
    });
    expect(checkCaseValues(def, { ...old, format: 'group' }, old)).toEqual({});
    expect(checkCaseValues(def, { ...old, focusProblemArea: 'grief', secondaryProblemArea: 'other' }, old)).toHaveProperty(
      'secondaryProblemArea',
    );
  });
});
