// A case's categorical attributes by name, the values scheme rules filter on and count distinct values of.
// Built from the case's columns; the diagnosis group is the ICD-10 block of the primary diagnosis.

export interface CaseColumns {
  focusProblemArea: string;
  secondaryProblemArea: string | null;
  format: string;
  adaptation: string;
  setting: string;
  ageBand: string;
  primaryDiagnosis: string;
  /** the attributes a body's taxonomy adds (taxonomies/), kept as recorded */
  custom?: Record<string, string | string[]>;
}

// ICD-10 chapter V (mental and behavioural disorders) blocks; F99 stands alone
const F_BLOCKS: [number, number][] = [
  [0, 9],
  [10, 19],
  [20, 29],
  [30, 39],
  [40, 48],
  [50, 59],
  [60, 69],
  [70, 79],
  [80, 89],
  [90, 98],
  [99, 99],
];

const two = (n: number) => String(n).padStart(2, '0');

/** The ICD-10 block of a code (F32.1 → F30-F39); outside chapter V, the three-character category (G47.0 → G47). */
export function diagnosisGroup(code: string): string {
  const m = /^([A-Z])(\d{2})/.exec(code.toUpperCase());
  if (!m) return code.toUpperCase();
  if (m[1] !== 'F') return `${m[1]}${m[2]}`;
  const n = Number(m[2]);
  const [from, to] = F_BLOCKS.find(([a, b]) => n >= a && n <= b)!;
  return from === to ? `F${two(from)}` : `F${two(from)}-F${two(to)}`;
}

export function caseAttributes(c: CaseColumns): Record<string, string | string[]> {
  return {
    problemArea: c.secondaryProblemArea ? [c.focusProblemArea, c.secondaryProblemArea] : [c.focusProblemArea],
    focusProblemArea: c.focusProblemArea,
    format: c.format,
    adaptation: c.adaptation,
    setting: c.setting,
    ageBand: c.ageBand,
    diagnosis: c.primaryDiagnosis,
    diagnosisGroup: diagnosisGroup(c.primaryDiagnosis),
    // a body's own attributes last: one it records itself (e.g. its own diagnosisGroup list) is what its rules count
    ...(c.custom ?? {}),
  };
}

/** The values of one attribute as a list (absent → none). */
export const attributeValues = (attributes: Record<string, string | string[]>, name: string): string[] => {
  const v = attributes[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
};
