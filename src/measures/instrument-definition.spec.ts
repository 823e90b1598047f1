import { normaliseDefinition, validateInstrumentDefinition } from './instrument-definition';

// CORE-10: ten items scored 0–4 (total 0–40), caseness 11, reliable change 6 points, item 6 asks about self-harm.
const core10 = () => ({
  items: Array.from({ length: 10 }, () => ({ min: 0, max: 4 })),
  total: { min: 0, max: 40 },
  bands: [
    { min: 0, max: 10, label: 'healthy' },
    { min: 11, max: 14, label: 'mild' },
    { min: 15, max: 19, label: 'moderate' },
    { min: 20, max: 24, label: 'moderate_severe' },
    { min: 25, max: 40, label: 'severe' },
  ],
  casenessThreshold: 11,
  reliableChange: 6,
  riskItems: [6],
  loincTotal: null,
  licence: 'CORE System Trust: free to use, not to change',
});

describe('an instrument definition', () => {
  it('CORE-10 as a body would send it is valid, and higher-is-worse is filled in', () => {
    expect(validateInstrumentDefinition(core10())).toEqual({});
    expect(normaliseDefinition(core10())).toMatchObject({ direction: 'higher_is_worse', riskItems: [6], casenessThreshold: 11 });
  });

  it('refuses a total range that is not the sum of the item ranges', () => {
    expect(validateInstrumentDefinition({ ...core10(), total: { min: 0, max: 36 } })).toEqual({
      total: ['total must be 0–40: the total is the sum of the items'],
    });
  });

  it('refuses bands with a gap, bands that stop short of the highest total, and a label used twice', () => {
    const bands = core10().bands;
    expect(validateInstrumentDefinition({ ...core10(), bands: [bands[0], { ...bands[2], label: 'x' }, ...bands.slice(3)] })).toEqual({
      'bands.1': ['band 2 must start at 11: bands are contiguous, in ascending order, from the lowest total'],
    });
    expect(validateInstrumentDefinition({ ...core10(), bands: bands.slice(0, 4) })).toEqual({
      bands: ['the last band must end at the highest total, 40'],
    });
    expect(validateInstrumentDefinition({ ...core10(), bands: [bands[0], { ...bands[1], max: 40, label: 'healthy' }] })).toEqual({
      'bands.1.label': ['band label healthy is used twice'],
    });
  });

  it('refuses a risk item beyond the last item, a caseness threshold outside the total range, and an item with max ≤ min', () => {
    expect(validateInstrumentDefinition({ ...core10(), riskItems: [11], casenessThreshold: 41 })).toEqual({
      casenessThreshold: ['casenessThreshold must be null or an integer within the total range 0–40'],
      riskItems: ['riskItems must be item numbers 1–10'],
    });
    const def = core10();
    def.items[2] = { min: 3, max: 3 };
    expect(validateInstrumentDefinition(def)).toEqual({ 'items.2': ['item 3 needs whole-number min and max with 0 ≤ min < max ≤ 100'] });
  });

  it('names an unknown field and a direction that does not exist', () => {
    expect(validateInstrumentDefinition({ ...core10(), direction: 'sideways', cutoff: 3 })).toEqual({
      cutoff: ['unknown field cutoff'],
      direction: ['direction must be one of higher_is_worse, higher_is_better'],
    });
  });
});
