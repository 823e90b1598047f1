import { INSTRUMENTS } from './instruments';
import type { Instrument } from './outcome-measure.entity';

export interface MeasureInput {
  items?: number[] | null;
  total?: number | null;
}

export interface ScoredMeasure {
  items: number[] | null;
  total: number;
  severity: string;
  /** true/false when the risk item was answered; null when it is unknown (only a total was recorded) */
  riskFlag: boolean | null;
}

export type ScoreResult = { ok: true; value: ScoredMeasure } | { ok: false; details: Record<string, string[]> };

export function severityBand(instrument: Instrument, total: number): string {
  const band = INSTRUMENTS[instrument].bands.find((b) => total >= b.min && total <= b.max);
  if (!band) throw new Error(`total ${total} is outside every band of ${instrument}`);
  return band.label;
}

/**
 * Scores one administration. Items given → the total is computed from them (a total sent alongside is refused:
 * the client never sends computed values). Only a total given → it is range-checked and the risk item is unknown.
 */
export function scoreMeasure(instrument: Instrument, input: MeasureInput): ScoreResult {
  const def = INSTRUMENTS[instrument];
  const hasItems = input.items !== undefined && input.items !== null;
  const hasTotal = input.total !== undefined && input.total !== null;
  if (hasItems && hasTotal) return fail('total', 'send either items or a total, not both: the total is computed from the items');
  if (!hasItems && !hasTotal) return fail('items', 'send the item scores (preferred) or a total');
  if (hasItems) {
    const items = input.items as number[];
    if (items.length !== def.itemMaxima.length) return fail('items', `${def.name} has ${def.itemMaxima.length} items, got ${items.length}`);
    const details: Record<string, string[]> = {};
    items.forEach((v, i) => {
      const max = def.itemMaxima[i];
      if (!Number.isInteger(v) || v < 0 || v > max) details[`items.${i}`] = [`item ${i + 1} must be an integer 0–${max}`];
    });
    if (Object.keys(details).length) return { ok: false, details };
    const total = items.reduce((s, v) => s + v, 0);
    const riskFlag = def.riskItem ? items[def.riskItem - 1] > 0 : false;
    return { ok: true, value: { items: [...items], total, severity: severityBand(instrument, total), riskFlag } };
  }
  const total = input.total as number;
  if (!Number.isInteger(total) || total < 0 || total > def.totalMax)
    return fail('total', `${def.name} total must be an integer 0–${def.totalMax}`);
  return { ok: true, value: { items: null, total, severity: severityBand(instrument, total), riskFlag: def.riskItem ? null : false } };
}

const fail = (field: string, message: string): ScoreResult => ({ ok: false, details: { [field]: [message] } });
