import type { InstrumentDefinition, ScoredInstrument } from './instrument-definition';

export interface MeasureInput {
  items?: number[] | null;
  total?: number | null;
}

export interface ScoredMeasure {
  items: number[] | null;
  total: number;
  severity: string;
  /** true/false when every risk item was answered; null when it is unknown (only a total was recorded) */
  riskFlag: boolean | null;
}

export type ScoreResult = { ok: true; value: ScoredMeasure } | { ok: false; details: Record<string, string[]> };

export function severityBand(def: InstrumentDefinition, total: number): string {
  const band = def.bands.find((b) => total >= b.min && total <= b.max);
  if (!band) throw new Error(`total ${total} is outside every band`);
  return band.label;
}

/** A risk item scored above its minimum (PHQ-9 item 9 above 0) alerts the supervisor. */
export const riskItemRaised = (def: InstrumentDefinition, items: readonly number[]): boolean =>
  def.riskItems.some((n) => items[n - 1] > def.items[n - 1].min);

/**
 * Scores one administration against the instrument's definition. Items given → the total is computed from them
 * (a total sent alongside is refused: the client never sends computed values). Only a total given → it is
 * range-checked and the risk items are unknown.
 */
export function scoreMeasure(instrument: ScoredInstrument, input: MeasureInput): ScoreResult {
  const def = instrument.definition;
  const hasItems = input.items !== undefined && input.items !== null;
  const hasTotal = input.total !== undefined && input.total !== null;
  if (hasItems && hasTotal) return fail('total', 'send either items or a total, not both: the total is computed from the items');
  if (!hasItems && !hasTotal) return fail('items', 'send the item scores (preferred) or a total');
  if (hasItems) {
    const items = input.items as number[];
    if (items.length !== def.items.length) return fail('items', `${instrument.name} has ${def.items.length} items, got ${items.length}`);
    const details: Record<string, string[]> = {};
    items.forEach((v, i) => {
      const { min, max } = def.items[i];
      if (!Number.isInteger(v) || v < min || v > max) details[`items.${i}`] = [`Item ${i + 1} must be between ${min} and ${max}`];
    });
    if (Object.keys(details).length) return { ok: false, details };
    const total = items.reduce((s, v) => s + v, 0);
    return { ok: true, value: { items: [...items], total, severity: severityBand(def, total), riskFlag: riskItemRaised(def, items) } };
  }
  const total = input.total as number;
  if (!Number.isInteger(total) || total < def.total.min || total > def.total.max)
    return fail('total', `The ${instrument.name} total must be between ${def.total.min} and ${def.total.max}`);
  return { ok: true, value: { items: null, total, severity: severityBand(def, total), riskFlag: def.riskItems.length ? null : false } };
}

const fail = (field: string, message: string): ScoreResult => ({ ok: false, details: { [field]: [message] } });
