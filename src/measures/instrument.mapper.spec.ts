import { toInstrumentDto } from './instrument.mapper';
import { INSTRUMENTS } from './instruments';
import { Instrument } from './outcome-measure.entity';

describe('instrument definitions as published', () => {
  it('describes PHQ-9 with nine 0–3 items, item 9 the risk item, and the bands the scoring uses', () => {
    const dto = toInstrumentDto(INSTRUMENTS[Instrument.Phq9]);
    expect(dto).toMatchObject({
      code: 'PHQ9',
      name: 'PHQ-9',
      construct: 'depression',
      itemCount: 9,
      total: { min: 0, max: 27 },
      riskItems: [9],
    });
    expect(dto.items.filter((i) => i.risk)).toEqual([{ number: 9, min: 0, max: 3, risk: true }]);
    expect(dto.bands).toEqual(INSTRUMENTS[Instrument.Phq9].bands);
  });

  it('gives an instrument without a risk item (GAD-7) an empty risk list and no item marked risky', () => {
    const dto = toInstrumentDto(INSTRUMENTS[Instrument.Gad7]);
    expect(dto.riskItems).toEqual([]);
    expect(dto.items.some((i) => i.risk)).toBe(false);
  });

  it('publishes HAM-D-17 with its own item maxima and item 3 (suicide) as the risk item', () => {
    const dto = toInstrumentDto(INSTRUMENTS[Instrument.Hamd17]);
    expect(dto.riskItems).toEqual([3]);
    expect(dto.items.filter((i) => i.risk).map((i) => i.number)).toEqual([3]);
    expect(dto.items.map((i) => i.max)).toEqual(INSTRUMENTS[Instrument.Hamd17].itemMaxima);
  });
});
