import { changeFromIntake } from './change-from-intake';
import { type InstrumentDefinition, normaliseDefinition } from './instrument-definition';
import { scoreMeasure } from './measure-scoring';

// Instruments a body adds through the API are scored exactly as the seeded ones: from their definition alone.
const CORE10 = {
  code: 'CORE-10',
  name: 'CORE-10',
  definition: normaliseDefinition({
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
  }),
};

// A quality-of-life scale: items 1–5, higher is better, caseness at or below 10.
const QOL: { code: string; name: string; definition: InstrumentDefinition } = {
  code: 'QOL-4',
  name: 'QOL-4',
  definition: normaliseDefinition({
    items: Array.from({ length: 4 }, () => ({ min: 1, max: 5 })),
    total: { min: 4, max: 20 },
    bands: [
      { min: 4, max: 10, label: 'poor' },
      { min: 11, max: 20, label: 'good' },
    ],
    direction: 'higher_is_better',
    casenessThreshold: 10,
    reliableChange: 4,
    riskItems: [2],
  }),
};

const value = (r: ReturnType<typeof scoreMeasure>) => {
  if (!r.ok) throw new Error(JSON.stringify(r.details));
  return r.value;
};

describe('CORE-10 added as data', () => {
  it('sums ten 0–4 items, bands the total and flags risk when item 6 is above 0', () => {
    expect(value(scoreMeasure(CORE10, { items: [1, 1, 1, 1, 1, 2, 1, 1, 1, 2] }))).toEqual({
      items: [1, 1, 1, 1, 1, 2, 1, 1, 1, 2],
      total: 12,
      severity: 'mild',
      riskFlag: true,
    });
    expect(value(scoreMeasure(CORE10, { items: [4, 4, 4, 4, 4, 0, 4, 4, 4, 4] }))).toMatchObject({ total: 36, riskFlag: false });
  });

  it('names the item out of range in words: "Item 3 must be between 0 and 4"', () => {
    expect(scoreMeasure(CORE10, { items: [0, 0, 5, 0, 0, 0, 0, 0, 0, 0] })).toEqual({
      ok: false,
      details: { 'items.2': ['Item 3 must be between 0 and 4'] },
    });
    expect(scoreMeasure(CORE10, { total: 41 })).toEqual({ ok: false, details: { total: ['The CORE-10 total must be between 0 and 40'] } });
  });

  it('reports caseness 11 and reliable change 6 from intake', () => {
    const [s] = changeFromIntake(
      [
        { instrument: 'CORE-10', administeredOn: '2026-01-01', sessionNumber: 0, total: 20 },
        { instrument: 'CORE-10', administeredOn: '2026-03-01', sessionNumber: 12, total: 9 },
      ],
      new Map([['CORE-10', CORE10]]),
    );
    expect(s).toMatchObject({ caseAtIntake: true, caseNow: false, change: -11, reliablyImproved: true, reliablyRecovered: true });
  });
});

describe('a higher-is-better instrument', () => {
  it('treats a rise as improvement, a total at or below the threshold as a case, and a risk item above its minimum of 1 as risk', () => {
    const [s] = changeFromIntake(
      [
        { instrument: 'QOL-4', administeredOn: '2026-01-01', sessionNumber: 0, total: 8 },
        { instrument: 'QOL-4', administeredOn: '2026-03-01', sessionNumber: 12, total: 14 },
      ],
      new Map([['QOL-4', QOL]]),
    );
    expect(s).toMatchObject({ caseAtIntake: true, caseNow: false, reliablyImproved: true, reliablyDeteriorated: false, recovered: true });
    expect(value(scoreMeasure(QOL, { items: [5, 1, 5, 5] })).riskFlag).toBe(false);
    expect(value(scoreMeasure(QOL, { items: [5, 2, 5, 5] })).riskFlag).toBe(true);
    expect(scoreMeasure(QOL, { items: [0, 1, 1, 1] })).toEqual({ ok: false, details: { 'items.0': ['Item 1 must be between 1 and 5'] } });
  });

  it('says when an instrument is not known to the case body rather than inventing thresholds', () => {
    const [s] = changeFromIntake([{ instrument: 'GONE', administeredOn: '2026-01-01', sessionNumber: 0, total: 3 }], new Map());
    expect(s).toMatchObject({ caseAtIntake: null, reliablyImproved: null });
    expect(s.notes[0]).toMatch(/not an instrument available/);
  });
});
