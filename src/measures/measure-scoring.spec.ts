import { scoreMeasure, severityBand } from './measure-scoring';
import { SEEDED_INSTRUMENTS, seededInstrument } from './seeded-instruments';

// The seeded four, as the migration stores them: scoring reads nothing but this data.
const Instrument = {
  Phq9: seededInstrument('PHQ9'),
  Gad7: seededInstrument('GAD7'),
  Bdi2: seededInstrument('BDI2'),
  Hamd17: seededInstrument('HAMD17'),
};

const value = (r: ReturnType<typeof scoreMeasure>) => {
  if (!r.ok) throw new Error(JSON.stringify(r.details));
  return r.value;
};

describe('PHQ-9', () => {
  it('sums nine items scored 0–3 and bands the total', () => {
    expect(value(scoreMeasure(Instrument.Phq9, { items: [1, 2, 1, 2, 1, 1, 2, 1, 0] }))).toEqual({
      items: [1, 2, 1, 2, 1, 1, 2, 1, 0],
      total: 11,
      severity: 'moderate',
      riskFlag: false,
    });
  });

  it.each([
    [0, 'minimal'],
    [4, 'minimal'],
    [5, 'mild'],
    [9, 'mild'],
    [10, 'moderate'],
    [14, 'moderate'],
    [15, 'moderately_severe'],
    [19, 'moderately_severe'],
    [20, 'severe'],
    [27, 'severe'],
  ])('puts a total of %i in the %s band', (total, band) => {
    expect(severityBand(Instrument.Phq9.definition, total)).toBe(band);
  });

  it('raises the risk flag when item 9 (thoughts of self-harm) is above 0, even with a low total', () => {
    expect(value(scoreMeasure(Instrument.Phq9, { items: [0, 0, 0, 0, 0, 0, 0, 0, 1] }))).toMatchObject({
      total: 1,
      severity: 'minimal',
      riskFlag: true,
    });
  });

  it('leaves the risk unknown (null) when only a total was recorded', () => {
    expect(value(scoreMeasure(Instrument.Phq9, { total: 22 }))).toEqual({ items: null, total: 22, severity: 'severe', riskFlag: null });
  });

  it('refuses an item above 3, a wrong number of items, a total out of range, and items together with a total', () => {
    expect(scoreMeasure(Instrument.Phq9, { items: [4, 0, 0, 0, 0, 0, 0, 0, 0] })).toEqual({
      ok: false,
      details: { 'items.0': ['Item 1 must be between 0 and 3'] },
    });
    expect(scoreMeasure(Instrument.Phq9, { items: [1, 1] })).toMatchObject({ ok: false, details: { items: ['PHQ-9 has 9 items, got 2'] } });
    expect(scoreMeasure(Instrument.Phq9, { total: 28 })).toMatchObject({
      ok: false,
      details: { total: [expect.stringContaining('between 0 and 27')] },
    });
    expect(scoreMeasure(Instrument.Phq9, { items: [0, 0, 0, 0, 0, 0, 0, 0, 0], total: 0 })).toMatchObject({
      ok: false,
      details: { total: expect.any(Array) },
    });
    expect(scoreMeasure(Instrument.Phq9, {})).toMatchObject({ ok: false, details: { items: expect.any(Array) } });
    expect(scoreMeasure(Instrument.Phq9, { items: [0.5, 0, 0, 0, 0, 0, 0, 0, 0] })).toMatchObject({ ok: false });
  });

  it('carries the LOINC code of its total', () => {
    expect(Instrument.Phq9.definition.loincTotal).toBe('44261-6');
  });
});

describe('GAD-7', () => {
  it.each([
    [4, 'minimal'],
    [5, 'mild'],
    [10, 'moderate'],
    [15, 'severe'],
    [21, 'severe'],
  ])('bands %i as %s', (total, band) => {
    expect(value(scoreMeasure(Instrument.Gad7, { total })).severity).toBe(band);
  });

  it('has seven items 0–3, a total of at most 21, no risk item, and LOINC 70274-6', () => {
    expect(value(scoreMeasure(Instrument.Gad7, { items: [3, 3, 3, 3, 3, 3, 3] }))).toMatchObject({ total: 21, riskFlag: false });
    expect(scoreMeasure(Instrument.Gad7, { total: 22 }).ok).toBe(false);
    expect(Instrument.Gad7.definition.loincTotal).toBe('70274-6');
  });
});

describe('BDI-II', () => {
  it.each([
    [13, 'minimal'],
    [14, 'mild'],
    [19, 'mild'],
    [20, 'moderate'],
    [28, 'moderate'],
    [29, 'severe'],
    [63, 'severe'],
  ])('bands %i as %s', (total, band) => {
    expect(severityBand(Instrument.Bdi2.definition, total)).toBe(band);
  });

  it('needs 21 items', () => {
    expect(value(scoreMeasure(Instrument.Bdi2, { items: Array(21).fill(3) })).total).toBe(63);
    expect(scoreMeasure(Instrument.Bdi2, { items: Array(20).fill(1) }).ok).toBe(false);
  });

  it('raises the risk flag when item 9 (suicidal thoughts or wishes) is above 0, as PHQ-9 item 9 does', () => {
    const items = Array(21).fill(0);
    expect(value(scoreMeasure(Instrument.Bdi2, { items })).riskFlag).toBe(false);
    items[8] = 1;
    expect(value(scoreMeasure(Instrument.Bdi2, { items }))).toMatchObject({ total: 1, severity: 'minimal', riskFlag: true });
    expect(value(scoreMeasure(Instrument.Bdi2, { total: 30 })).riskFlag).toBeNull();
  });
});

describe('HAM-D-17', () => {
  const max = [4, 4, 4, 2, 2, 2, 4, 4, 4, 4, 4, 2, 2, 2, 4, 2, 2];

  it('scores items with their own maxima: 0–4 for items 1,2,3,7,8,9,10,11,15 and 0–2 for the rest, to 52', () => {
    expect(Instrument.Hamd17.definition.items.map((i) => i.max)).toEqual(max);
    expect(value(scoreMeasure(Instrument.Hamd17, { items: max })).total).toBe(52);
  });

  it('raises the risk flag when item 3 (suicide) is above 0', () => {
    const items = Array(17).fill(0);
    expect(value(scoreMeasure(Instrument.Hamd17, { items })).riskFlag).toBe(false);
    items[2] = 2;
    expect(value(scoreMeasure(Instrument.Hamd17, { items }))).toMatchObject({ total: 2, riskFlag: true });
  });

  it('refuses a 3 on a three-point item (item 4, insomnia early)', () => {
    const items = Array(17).fill(0);
    items[3] = 3;
    expect(scoreMeasure(Instrument.Hamd17, { items })).toEqual({ ok: false, details: { 'items.3': ['Item 4 must be between 0 and 2'] } });
  });

  it.each([
    [7, 'normal'],
    [8, 'mild'],
    [13, 'mild'],
    [14, 'moderate'],
    [18, 'moderate'],
    [19, 'severe'],
    [22, 'severe'],
    [23, 'very_severe'],
    [52, 'very_severe'],
  ])('bands %i as %s', (total, band) => {
    expect(severityBand(Instrument.Hamd17.definition, total)).toBe(band);
  });
});

describe('every instrument', () => {
  it.each(SEEDED_INSTRUMENTS.map((i) => [i.code, i] as const))(
    '%s: bands cover 0..max without gaps or overlaps, and the item maxima add up to the total',
    (_code, { definition: def }) => {
      expect(def.items.reduce((s, v) => s + v.max, 0)).toBe(def.total.max);
      expect(def.bands[0].min).toBe(0);
      def.bands.slice(1).forEach((b, i) => expect(b.min).toBe(def.bands[i].max + 1));
      expect(def.bands[def.bands.length - 1].max).toBe(def.total.max);
    },
  );
});
