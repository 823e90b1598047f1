import type { InstrumentDto } from './dto';
import type { Instrument } from './instrument.entity';

export const toInstrumentDto = (i: Instrument): InstrumentDto => {
  const d = i.definition;
  return {
    id: i.id,
    bodyId: i.bodyId,
    code: i.code,
    name: i.name,
    construct: i.construct,
    version: i.version,
    status: i.status,
    loinc: d.loincTotal,
    itemCount: d.items.length,
    items: d.items.map((it, n) => ({
      number: n + 1,
      min: it.min,
      max: it.max,
      ...(it.label ? { label: it.label } : {}),
      risk: d.riskItems.includes(n + 1),
    })),
    total: { min: d.total.min, max: d.total.max },
    bands: d.bands.map((b) => ({ min: b.min, max: b.max, label: b.label })),
    direction: d.direction,
    riskItems: [...d.riskItems],
    casenessAt: d.casenessThreshold,
    reliableChange: d.reliableChange,
    licence: d.licence,
    definition: d,
    rowVersion: i.rowVersion,
    publishedAt: i.publishedAt?.toISOString() ?? null,
  };
};
