import { Instrument } from './outcome-measure.entity';

export interface SeverityBand {
  min: number;
  max: number;
  label: string;
}

export interface InstrumentDefinition {
  instrument: Instrument;
  name: string;
  /** what it measures, shown next to the name ("PHQ-9 (depression)") */
  construct: string;
  /** LOINC code of the total score, where one is established */
  loincTotal: string | null;
  /** the maximum of each item, in item order (minimum is always 0) */
  itemMaxima: readonly number[];
  totalMax: number;
  bands: readonly SeverityBand[];
  /** 1-based item whose score > 0 must alert the supervisor: the item that asks about suicide or self-harm
   *  (PHQ-9 item 9, BDI-II item 9 "suicidal thoughts or wishes", HAM-D-17 item 3 "suicide") */
  riskItem: number | null;
  /** "caseness": a total at or above this is a clinical case (null = not configured for this instrument) */
  casenessAt: number | null;
  /** a change of at least this many points is reliable (null = no threshold configured) */
  reliableChange: number | null;
}

const items = (n: number, max: number) => Array.from({ length: n }, () => max);

// HAM-D-17: items 1,2,3,7,8,9,10,11,15 are scored 0–4; items 4,5,6,12,13,14,16,17 are scored 0–2 (total 0–52)
const HAMD_FOUR_POINT = new Set([1, 2, 3, 7, 8, 9, 10, 11, 15]);

// Bands, caseness and reliable-change figures as in domain.md (PHQ-9 ≥ 10 / GAD-7 ≥ 8 caseness; reliable
// improvement PHQ-9 ≥ 6, GAD-7 ≥ 4). BDI-II and HAM-D-17 get no caseness or reliable-change threshold here:
// we configure only what the domain notes give us rather than invent one.
export const INSTRUMENTS: Readonly<Record<Instrument, InstrumentDefinition>> = {
  [Instrument.Phq9]: {
    instrument: Instrument.Phq9,
    name: 'PHQ-9',
    construct: 'depression',
    loincTotal: '44261-6',
    itemMaxima: items(9, 3),
    totalMax: 27,
    bands: [
      { min: 0, max: 4, label: 'minimal' },
      { min: 5, max: 9, label: 'mild' },
      { min: 10, max: 14, label: 'moderate' },
      { min: 15, max: 19, label: 'moderately_severe' },
      { min: 20, max: 27, label: 'severe' },
    ],
    riskItem: 9,
    casenessAt: 10,
    reliableChange: 6,
  },
  [Instrument.Gad7]: {
    instrument: Instrument.Gad7,
    name: 'GAD-7',
    construct: 'anxiety',
    loincTotal: '70274-6',
    itemMaxima: items(7, 3),
    totalMax: 21,
    bands: [
      { min: 0, max: 4, label: 'minimal' },
      { min: 5, max: 9, label: 'mild' },
      { min: 10, max: 14, label: 'moderate' },
      { min: 15, max: 21, label: 'severe' },
    ],
    riskItem: null,
    casenessAt: 8,
    reliableChange: 4,
  },
  [Instrument.Bdi2]: {
    instrument: Instrument.Bdi2,
    name: 'BDI-II',
    construct: 'depression',
    loincTotal: null,
    itemMaxima: items(21, 3),
    totalMax: 63,
    bands: [
      { min: 0, max: 13, label: 'minimal' },
      { min: 14, max: 19, label: 'mild' },
      { min: 20, max: 28, label: 'moderate' },
      { min: 29, max: 63, label: 'severe' },
    ],
    riskItem: 9,
    casenessAt: null,
    reliableChange: null,
  },
  [Instrument.Hamd17]: {
    instrument: Instrument.Hamd17,
    name: 'HAM-D-17',
    construct: 'clinician-rated depression',
    loincTotal: null,
    itemMaxima: Array.from({ length: 17 }, (_, i) => (HAMD_FOUR_POINT.has(i + 1) ? 4 : 2)),
    totalMax: 52,
    bands: [
      { min: 0, max: 7, label: 'normal' },
      { min: 8, max: 13, label: 'mild' },
      { min: 14, max: 18, label: 'moderate' },
      { min: 19, max: 22, label: 'severe' },
      { min: 23, max: 52, label: 'very_severe' },
    ],
    riskItem: 3,
    casenessAt: null,
    reliableChange: null,
  },
};
