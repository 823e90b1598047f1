import type { InstrumentDefinition } from './instrument-definition';

export interface SeededInstrument {
  code: string;
  name: string;
  construct: string;
  version: string;
  definition: InstrumentDefinition;
}

const items = (n: number, max: number) => Array.from({ length: n }, () => ({ min: 0, max }));

// HAM-D-17: items 1,2,3,7,8,9,10,11,15 are scored 0–4; items 4,5,6,12,13,14,16,17 are scored 0–2 (total 0–52)
const HAMD_FOUR_POINT = new Set([1, 2, 3, 7, 8, 9, 10, 11, 15]);

// The four instruments the migration InstrumentsAsData seeds as global (every body's), with the figures the
// service scored with before instruments became data: bands, caseness and reliable change as in domain.md
// (PHQ-9 ≥ 10 / GAD-7 ≥ 8 caseness; reliable improvement PHQ-9 ≥ 6, GAD-7 ≥ 4). BDI-II and HAM-D-17 get no
// caseness or reliable-change threshold: we configure only what the domain notes give us. Risk items: PHQ-9
// item 9, BDI-II item 9 "suicidal thoughts or wishes", HAM-D-17 item 3 "suicide". The migration keeps its own
// copy (a committed migration never changes); seeded-instruments.spec.ts checks that the two agree.
export const SEEDED_INSTRUMENTS: readonly SeededInstrument[] = [
  {
    code: 'PHQ9',
    name: 'PHQ-9',
    construct: 'depression',
    version: '1',
    definition: {
      items: items(9, 3),
      total: { min: 0, max: 27 },
      bands: [
        { min: 0, max: 4, label: 'minimal' },
        { min: 5, max: 9, label: 'mild' },
        { min: 10, max: 14, label: 'moderate' },
        { min: 15, max: 19, label: 'moderately_severe' },
        { min: 20, max: 27, label: 'severe' },
      ],
      direction: 'higher_is_worse',
      casenessThreshold: 10,
      reliableChange: 6,
      riskItems: [9],
      loincTotal: '44261-6',
      licence: 'Pfizer Inc.; no permission required to reproduce, translate, display or distribute',
    },
  },
  {
    code: 'GAD7',
    name: 'GAD-7',
    construct: 'anxiety',
    version: '1',
    definition: {
      items: items(7, 3),
      total: { min: 0, max: 21 },
      bands: [
        { min: 0, max: 4, label: 'minimal' },
        { min: 5, max: 9, label: 'mild' },
        { min: 10, max: 14, label: 'moderate' },
        { min: 15, max: 21, label: 'severe' },
      ],
      direction: 'higher_is_worse',
      casenessThreshold: 8,
      reliableChange: 4,
      riskItems: [],
      loincTotal: '70274-6',
      licence: 'Pfizer Inc.; no permission required to reproduce, translate, display or distribute',
    },
  },
  {
    code: 'BDI2',
    name: 'BDI-II',
    construct: 'depression',
    version: '1',
    definition: {
      items: items(21, 3),
      total: { min: 0, max: 63 },
      bands: [
        { min: 0, max: 13, label: 'minimal' },
        { min: 14, max: 19, label: 'mild' },
        { min: 20, max: 28, label: 'moderate' },
        { min: 29, max: 63, label: 'severe' },
      ],
      direction: 'higher_is_worse',
      casenessThreshold: null,
      reliableChange: null,
      riskItems: [9],
      loincTotal: null,
      licence: 'Copyright Pearson; use requires purchased forms',
    },
  },
  {
    code: 'HAMD17',
    name: 'HAM-D-17',
    construct: 'clinician-rated depression',
    version: '1',
    definition: {
      items: Array.from({ length: 17 }, (_, i) => ({ min: 0, max: HAMD_FOUR_POINT.has(i + 1) ? 4 : 2 })),
      total: { min: 0, max: 52 },
      bands: [
        { min: 0, max: 7, label: 'normal' },
        { min: 8, max: 13, label: 'mild' },
        { min: 14, max: 18, label: 'moderate' },
        { min: 19, max: 22, label: 'severe' },
        { min: 23, max: 52, label: 'very_severe' },
      ],
      direction: 'higher_is_worse',
      casenessThreshold: null,
      reliableChange: null,
      riskItems: [3],
      loincTotal: null,
      licence: 'Public domain (Hamilton 1960)',
    },
  },
];

/** One seeded instrument by code, as scoring takes it (tests and fixtures). */
export function seededInstrument(code: string): SeededInstrument {
  const found = SEEDED_INSTRUMENTS.find((i) => i.code === code);
  if (!found) throw new Error(`${code} is not a seeded instrument`);
  return found;
}
