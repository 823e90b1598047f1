// Severity bands of the supported instruments, shown while a measure is entered. The service computes and
// stores the band itself (the figure saved is the service's); these are for guidance at the keyboard.
import type { Schemas } from './api/client';

export interface InstrumentInfo {
  name: string;
  items: number[]; // maximum per item
  bands: { min: number; max: number; label: string }[];
  riskItem?: number;
}

const n = (count: number, max: number) => Array.from({ length: count }, () => max);
const HAMD4 = new Set([1, 2, 3, 7, 8, 9, 10, 11, 15]);

export const INSTRUMENTS: Record<Schemas['Instrument'], InstrumentInfo> = {
  PHQ9: {
    name: 'PHQ-9 (depression)',
    items: n(9, 3),
    bands: [
      { min: 0, max: 4, label: 'minimal' },
      { min: 5, max: 9, label: 'mild' },
      { min: 10, max: 14, label: 'moderate' },
      { min: 15, max: 19, label: 'moderately severe' },
      { min: 20, max: 27, label: 'severe' },
    ],
    riskItem: 9,
  },
  GAD7: {
    name: 'GAD-7 (anxiety)',
    items: n(7, 3),
    bands: [
      { min: 0, max: 4, label: 'minimal' },
      { min: 5, max: 9, label: 'mild' },
      { min: 10, max: 14, label: 'moderate' },
      { min: 15, max: 21, label: 'severe' },
    ],
  },
  BDI2: {
    name: 'BDI-II (depression)',
    items: n(21, 3),
    bands: [
      { min: 0, max: 13, label: 'minimal' },
      { min: 14, max: 19, label: 'mild' },
      { min: 20, max: 28, label: 'moderate' },
      { min: 29, max: 63, label: 'severe' },
    ],
  },
  HAMD17: {
    name: 'HAM-D-17 (clinician-rated depression)',
    items: Array.from({ length: 17 }, (_, i) => (HAMD4.has(i + 1) ? 4 : 2)),
    bands: [
      { min: 0, max: 7, label: 'normal' },
      { min: 8, max: 13, label: 'mild' },
      { min: 14, max: 18, label: 'moderate' },
      { min: 19, max: 22, label: 'severe' },
      { min: 23, max: 52, label: 'very severe' },
    ],
  },
};

export const bandOf = (instrument: Schemas['Instrument'], total: number) => INSTRUMENTS[instrument].bands.find((b) => total >= b.min && total <= b.max)?.label;
export const severityTone = (label: string | null | undefined) =>
  !label ? 'neutral' : /minimal|normal/.test(label) ? 'ok' : /mild/.test(label) ? 'neutral' : /moderate(?!ly)/.test(label) ? 'warn' : 'bad';
