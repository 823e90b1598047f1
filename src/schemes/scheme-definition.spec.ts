import { INTERNATIONAL_SCHEME, UK_STYLE_SCHEME, US_STYLE_SCHEME } from './seed-schemes';
import { levelLabels, validateSchemeDefinition } from './scheme-definition';

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

  it('reads per-level labels, falling back to the scheme noun and the level name', () => {
    expect(levelLabels({ noun: 'accredited' }, { name: 'Supervisor', noun: 'certified', title: 'Certified IPT Supervisor' })).toEqual({
      noun: 'certified',
      title: 'Certified IPT Supervisor',
    });
    expect(levelLabels({ noun: 'accredited' }, { name: 'Practitioner' })).toEqual({ noun: 'accredited', title: 'Practitioner' });
  });

  it('refuses per-subset thresholds without the event that splits the cases, and checks their params', () => {
    const def = clone(UK_STYLE_SCHEME);
    def.levels[1].requirements.push({
      id: 'sup-split',
      type: 'case_supervision',
      params: { minCases: 1, minShareOfSessionsSupervised: 0.75, window: { earlier: { minCases: 1, params: {} } } },
    } as never);
    const at = `definition.levels.1.requirements.${def.levels[1].requirements.length - 1}.params.window.earlier`;
    expect(validateSchemeDefinition(def)[at]).toEqual(['earlier needs window.since: the event that splits the cases']);
    (def.levels[1].requirements.at(-1)!.params as { window: unknown }).window = {
      since: { levelAwarded: { levelCode: 'A' } },
      earlier: { minCases: 1, params: { minShareOfSessionsSupervised: 7 } },
    };
    expect(Object.keys(validateSchemeDefinition(def))).toEqual([`${at}.params.minShareOfSessionsSupervised`]);
  });

  it('accepts advisory rules and level labels', () => {
    const def = clone(UK_STYLE_SCHEME);
    Object.assign(def.levels[1], { noun: 'certified', title: 'Certified IPT Practitioner' });
    Object.assign(def.levels[1].requirements[0], { advisory: true });
    expect(validateSchemeDefinition(def)).toEqual({});
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
