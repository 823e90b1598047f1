import type { MeasureDto } from './dto';
import type { InstrumentLookup } from './change-from-intake';
import type { OutcomeMeasure } from './outcome-measure.entity';

export const toMeasureDto = (m: OutcomeMeasure, instruments: InstrumentLookup): MeasureDto => {
  const def = instruments.get(m.instrument)?.definition;
  return {
    id: m.id,
    caseId: m.caseId,
    instrument: m.instrument,
    loinc: def?.loincTotal ?? null,
    administeredOn: m.administeredOn,
    sessionNumber: m.sessionNumber,
    items: m.items,
    total: m.total,
    severity: m.severity,
    // a risk item that was never answered is unknown, not "no risk"
    riskFlag: def?.riskItems.length && !m.items ? null : m.riskFlag,
    createdAt: m.createdAt.toISOString(),
  };
};
