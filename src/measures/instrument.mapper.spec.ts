import type { Instrument } from './instrument.entity';
import { InstrumentStatus } from './instrument.entity';
import { toInstrumentDto } from './instrument.mapper';
import { seededInstrument } from './seeded-instruments';

const row = (code: string): Instrument => ({
  ...seededInstrument(code),
  id: '00000000-0000-4000-8000-000000000001',
  bodyId: null,
  status: InstrumentStatus.Published,
  createdBy: null,
  publishedAt: new Date('2026-01-01T00:00:00Z'),
  publishedBy: null,
  createdAt: new Date('2026-01-01T00:00:00Z'),
  updatedAt: new Date('2026-01-01T00:00:00Z'),
  rowVersion: 1,
});

describe('instrument definitions as published', () => {
  it('describes PHQ-9 with nine 0–3 items, item 9 the risk item, and the bands the scoring uses', () => {
    const dto = toInstrumentDto(row('PHQ9'));
    expect(dto).toMatchObject({
      code: 'PHQ9',
      name: 'PHQ-9',
      construct: 'depression',
      itemCount: 9,
      total: { min: 0, max: 27 },
      riskItems: [9],
      casenessAt: 10,
      direction: 'higher_is_worse',
      status: 'published',
    });
    expect(dto.items.filter((i) => i.risk)).toEqual([{ number: 9, min: 0, max: 3, risk: true }]);
    expect(dto.bands).toEqual(seededInstrument('PHQ9').definition.bands);
  });

  it('gives an instrument without a risk item (GAD-7) an empty risk list and no item marked risky', () => {
    const dto = toInstrumentDto(row('GAD7'));
    expect(dto.riskItems).toEqual([]);
    expect(dto.items.some((i) => i.risk)).toBe(false);
  });

  it('publishes HAM-D-17 with its own item maxima and item 3 (suicide) as the risk item', () => {
    const dto = toInstrumentDto(row('HAMD17'));
    expect(dto.riskItems).toEqual([3]);
    expect(dto.items.filter((i) => i.risk).map((i) => i.number)).toEqual([3]);
    expect(dto.items.map((i) => i.max)).toEqual([4, 4, 4, 2, 2, 2, 4, 4, 4, 4, 4, 2, 2, 2, 4, 2, 2]);
  });
});
