import { INTERNATIONAL_SCHEME, UK_STYLE_SCHEME, US_STYLE_SCHEME } from './seed-schemes';
import { validateSchemeDefinition } from './scheme-definition';

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v));

describe('scheme definitions', () => {
  it('accepts the seeded international, UK-style and US-style schemes', () => {
    expect(validateSchemeDefinition(INTERNATIONAL_SCHEME)).toEqual({});
    expect(validateSchemeDefinition(UK_STYLE_SCHEME)).toEqual({});
    expect(validateSchemeDefinition(US_STYLE_SCHEME)).toEqual({});
  });

  it('refuses an unknown rule type, naming the rule', () => {
    const def = clone(UK_STYLE_SCHEME);
    (def.levels[1].requirements[0] as { type: string }).type = 'vibes';
    expect(validateSchemeDefinition(def)['definition.levels.1.requirements.0.type'][0]).toMatch(/type must be one of/);
  });

  it('refuses bad parameters, naming the rule and the field', () => {
    const def = clone(UK_STYLE_SCHEME);
    def.levels[1].requirements[0].params = { minCount: 0, colour: 'blue' };
    const errors = validateSchemeDefinition(def);
    expect(errors['definition.levels.1.requirements.0.params.minCount']).toBeDefined();
    expect(errors['definition.levels.1.requirements.0.params.colour']).toEqual([
      'definition.levels.1.requirements.0.params.colour is not an accepted field',
    ]);
  });

  it('checks nested parameters such as a case filter', () => {
    const def = clone(UK_STYLE_SCHEME);
    def.levels[1].requirements[0].params = { minCount: 2, filter: { adaptations: ['martian'] } };
    expect(Object.keys(validateSchemeDefinition(def))).toEqual(['definition.levels.1.requirements.0.params.filter.adaptations']);
  });

  it('refuses a prerequisite on a level the scheme does not have', () => {
    const def = clone(UK_STYLE_SCHEME);
    def.levels[1].prerequisites[1].params = { levelCode: 'Z' };
    expect(validateSchemeDefinition(def)['definition.levels.1.prerequisites.1.params.levelCode']).toEqual([
      'level Z is not a level of this scheme',
    ]);
  });

  it('refuses duplicate level codes and expiring levels without renewal rules', () => {
    const def = clone(UK_STYLE_SCHEME);
    def.levels[2].code = 'B';
    delete (def.levels[1] as { renewal?: unknown }).renewal;
    const errors = validateSchemeDefinition(def);
    expect(errors['definition.levels.2.code']).toEqual(['level code B is used twice']);
    expect(errors['definition.levels.1.renewal']).toEqual(['a level that expires needs renewal rules']);
  });

  it('refuses something that is not an object at all', () => {
    expect(validateSchemeDefinition([1, 2])).toEqual({ definition: ['definition must be an object'] });
  });
});
