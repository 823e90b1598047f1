import { INTERNATIONAL_SCHEME, UK_STYLE_SCHEME, US_STYLE_SCHEME } from './seed-schemes';
import type { SchemeDefinition } from './scheme-definition';
import { definitionReferences, type ReferenceCatalog, unresolvedReferences } from './scheme-references';

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v));

const catalog = (over: Partial<ReferenceCatalog> = {}): ReferenceCatalog => ({
  schemeCode: 'UK',
  otherSchemeLevels: new Map([['ISIPT', new Set(['THERAPIST', 'SUPERVISOR'])]]),
  rubricCodes: new Set(['IPT-AS']),
  instrumentCodes: new Set(['PHQ9', 'GAD7', 'BDI2', 'HAMD17']),
  taxonomyValues: new Map([
    ['case_format', new Set(['individual', 'group'])],
    ['adaptation', new Set(['adult', 'adolescent'])],
  ]),
  activityKinds: new Set(['didactic_course', 'workshop', 'booster', 'cpd', 'other']),
  ...over,
});

const addRule = (def: SchemeDefinition, level: number, rule: object): string => {
  def.levels[level].requirements.push(rule as never);
  return `definition.levels.${level}.requirements.${def.levels[level].requirements.length - 1}.params`;
};

describe('scheme references resolved at save', () => {
  it('resolves every reference of the seeded schemes', () => {
    expect(unresolvedReferences(INTERNATIONAL_SCHEME, catalog())).toEqual({});
    expect(unresolvedReferences(UK_STYLE_SCHEME, catalog())).toEqual({});
    expect(unresolvedReferences(US_STYLE_SCHEME, catalog())).toEqual({});
  });

  it('names the path of a typo in a rubric code', () => {
    const def = clone(UK_STYLE_SCHEME);
    const at = addRule(def, 1, { id: 'rated', type: 'case_recordings', params: { minCases: 1, minRatedPerCase: 1, rubricCode: 'IPT-SA' } });
    expect(unresolvedReferences(def, catalog())).toEqual({ [`${at}.rubricCode`]: ['rubric IPT-SA is not a rubric this body can use'] });
  });

  it('names the path of an unknown supervisorLevel in a case filter and in the rule itself', () => {
    const def = clone(UK_STYLE_SCHEME);
    const at = addRule(def, 1, {
      id: 'sup',
      type: 'case_supervision',
      params: { minCases: 1, filter: { supervisorLevel: { levelCode: 'SUPERVISR' } }, supervisorLevel: { levelCode: 'Q' } },
    });
    expect(unresolvedReferences(def, catalog())).toEqual({
      [`${at}.filter.supervisorLevel.levelCode`]: ['level SUPERVISR is not a level of this scheme'],
      [`${at}.supervisorLevel.levelCode`]: ['level Q is not a level of this scheme'],
    });
  });

  it('refuses a prerequisite on a level the scheme does not have', () => {
    const def = clone(UK_STYLE_SCHEME);
    def.levels[1].prerequisites[1].params = { levelCode: 'Z' };
    expect(unresolvedReferences(def, catalog())['definition.levels.1.prerequisites.1.params.levelCode']).toEqual([
      'level Z is not a level of this scheme',
    ]);
  });

  it('resolves a level of another scheme against its published versions', () => {
    const def = clone(UK_STYLE_SCHEME);
    const ok = addRule(def, 1, { id: 'isipt', type: 'level_held', params: { levelCode: 'THERAPIST', schemeCode: 'ISIPT' } });
    const bad = addRule(def, 1, { id: 'isipt-x', type: 'level_held', params: { levelCode: 'TRAINER', schemeCode: 'ISIPT' } });
    const none = addRule(def, 1, { id: 'nope', type: 'level_held', params: { levelCode: 'A', schemeCode: 'NOPE' } });
    const errors = unresolvedReferences(def, catalog());
    expect(errors[`${ok}.levelCode`]).toBeUndefined();
    expect(errors[`${bad}.levelCode`]).toEqual(['level TRAINER is not a level of scheme ISIPT']);
    expect(errors[`${none}.levelCode`]).toEqual(['scheme NOPE has no published version']);
  });

  it('checks instruments, taxonomy values, activity kinds and the level a window counts from', () => {
    const def = clone(UK_STYLE_SCHEME);
    const measures = addRule(def, 1, { id: 'm', type: 'outcome_measures', params: { minCases: 1, instruments: ['PHQ9', 'BDI2'] } });
    const windowed = addRule(def, 1, {
      id: 'w',
      type: 'completed_cases',
      params: { minCount: 1, filter: { adaptations: ['adolescent'] }, window: { since: { levelAwarded: { levelCode: 'X' } } } },
    });
    const hours = addRule(def, 1, { id: 'h', type: 'learning_hours', params: { kinds: ['workshop'], minHours: 1 } });
    const errors = unresolvedReferences(
      def,
      catalog({
        instrumentCodes: new Set(['PHQ9']),
        taxonomyValues: new Map([['adaptation', new Set(['adult'])]]),
        activityKinds: new Set(['didactic_course']),
      }),
    );
    expect(errors[`${measures}.instruments.1`]).toEqual(['instrument BDI2 is not a known instrument']);
    expect(errors[`${windowed}.filter.adaptations.0`]).toEqual(['adolescent is not a value of adaptation']);
    expect(errors[`${windowed}.window.since.levelAwarded.levelCode`]).toEqual(['level X is not a level of this scheme']);
    expect(errors[`${hours}.kinds.0`]).toEqual(['workshop is not a training activity kind']);
  });

  it('reads references in the params earlier cases are held to', () => {
    const def = clone(UK_STYLE_SCHEME);
    const at = addRule(def, 1, {
      id: 'split',
      type: 'case_recordings',
      params: {
        minCases: 1,
        minRatedPerCase: 1,
        rubricCode: 'IPT-AS',
        window: { since: { levelAwarded: { levelCode: 'A' } }, earlier: { minCases: 1, params: { rubricCode: 'OLD' } } },
      },
    });
    expect(definitionReferences(def).filter((r) => r.kind === 'rubric')).toHaveLength(2);
    // earlier params that name no reference of their own read the rule's required params without failing
    const measures = addRule(def, 1, {
      id: 'split-m',
      type: 'outcome_measures',
      params: {
        minCases: 1,
        instruments: ['PHQ9'],
        window: { since: { levelAwarded: { levelCode: 'A' } }, earlier: { minCases: 1, params: { everyNSessions: 6 } } },
      },
    });
    expect(Object.keys(unresolvedReferences(def, catalog())).filter((k) => k.startsWith(measures))).toEqual([]);
    expect(unresolvedReferences(def, catalog())).toEqual({
      [`${at}.window.earlier.params.rubricCode`]: ['rubric OLD is not a rubric this body can use'],
    });
  });
});
