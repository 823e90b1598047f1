import { INSTRUMENTS } from './instruments';
import type { MeasureDto } from './dto';
import type { OutcomeMeasure } from './outcome-measure.entity';

export const toMeasureDto = (m: OutcomeMeasure): MeasureDto => ({
  id: m.id,
  caseId: m.caseId,
  instrument: m.instrument,
  loinc: INSTRUMENTS[m.instrument].loincTotal,
  administeredOn: m.administeredOn,
  sessionNumber: m.sessionNumber,
  items: m.items,
  total: m.total,
  severity: m.severity,
  // a risk item that was never answered is unknown, not "no risk"
  riskFlag: INSTRUMENTS[m.instrument].riskItem && !m.items ? null : m.riskFlag,
  createdAt: m.createdAt.toISOString(),
});
