import type { InstrumentDto } from './dto';
import type { InstrumentDefinition } from './instruments';

// Item minimum is 0 for every instrument we score (see instruments.ts); the DTO states it so clients need not assume it.
export const toInstrumentDto = (def: InstrumentDefinition): InstrumentDto => ({
  code: def.instrument,
  name: def.name,
  construct: def.construct,
  loinc: def.loincTotal,
  itemCount: def.itemMaxima.length,
  items: def.itemMaxima.map((max, i) => ({ number: i + 1, min: 0, max, risk: def.riskItem === i + 1 })),
  total: { min: 0, max: def.totalMax },
  bands: def.bands.map((b) => ({ min: b.min, max: b.max, label: b.label })),
  riskItems: def.riskItem === null ? [] : [def.riskItem],
  casenessAt: def.casenessAt,
  reliableChange: def.reliableChange,
});
