// A rubric version's definition as the web app reads it (the API types it as an open object).
export interface RubricDef {
  scale: { min: number; max: number };
  items: { code: string; label: string; domain?: string; anchors?: Record<string, string> }[];
  aggregation: 'sum' | 'mean';
  passRule: { threshold: number; itemFloor?: number; requiredItems?: string[]; requiredItemFloor?: number };
}

/** The client's view of the pass rule, shown while scoring; the service computes the stored result. */
export function scoreRubric(def: RubricDef, scores: Record<string, number>) {
  const scored = def.items.filter((i) => scores[i.code] !== undefined);
  const total = scored.reduce((s, i) => s + scores[i.code], 0);
  const mean = scored.length ? total / scored.length : 0;
  const value = def.aggregation === 'sum' ? total : mean;
  const required = def.passRule.requiredItems ?? def.items.map((i) => i.code);
  const missing = required.filter((c) => scores[c] === undefined);
  const belowFloor =
    def.passRule.itemFloor !== undefined ? scored.filter((i) => scores[i.code] < def.passRule.itemFloor!).map((i) => i.code) : [];
  const passed = missing.length === 0 && belowFloor.length === 0 && value >= def.passRule.threshold;
  return { total, mean, value, passed, missing, belowFloor };
}

export function RubricForm({
  def,
  scores,
  setScores,
}: {
  def: RubricDef;
  scores: Record<string, number>;
  setScores: (s: Record<string, number>) => void;
}) {
  const range = Array.from({ length: def.scale.max - def.scale.min + 1 }, (_, i) => def.scale.min + i);
  return (
    <>
      {def.items.map((item, idx) => (
        <fieldset className="rubric-item" key={item.code} style={{ border: 0, margin: 0, padding: '.75rem 0' }}>
          <legend>
            <strong>
              {idx + 1}. {item.label}
            </strong>{' '}
            {item.domain && <span className="small muted">({item.domain})</span>}
          </legend>
          <div className="anchors" role="radiogroup" aria-label={item.label}>
            {range.map((v) => (
              <label key={v}>
                <input
                  type="radio"
                  name={`item-${item.code}`}
                  value={v}
                  checked={scores[item.code] === v}
                  onChange={() => setScores({ ...scores, [item.code]: v })}
                />
                <span>
                  <strong>{v}</strong> {item.anchors?.[String(v)] && <span className="small">{item.anchors[String(v)]}</span>}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      ))}
    </>
  );
}

/** The rubric codes a scheme version asks recordings to be rated with (case_recordings rules with a rubricCode). */
export function schemeRubricCodes(definition: unknown): string[] {
  const levels =
    (
      definition as
        { levels?: { prerequisites?: unknown[]; requirements?: unknown[]; renewal?: { requirements?: unknown[] } }[] } | undefined
    )?.levels ?? [];
  const rules = levels.flatMap((l) => [...(l.prerequisites ?? []), ...(l.requirements ?? []), ...(l.renewal?.requirements ?? [])]) as {
    type?: string;
    params?: { rubricCode?: unknown };
  }[];
  return [
    ...new Set(
      rules
        .filter((r) => r?.type === 'case_recordings' && typeof r.params?.rubricCode === 'string')
        .map((r) => r.params!.rubricCode as string),
    ),
  ];
}

export interface PublishedRubric {
  versionId: string;
  code: string;
  ownerBodyId: string | null;
  publishedAt: string | null;
}

/**
 * Which rubric the screen opens with: the one the trainee's scheme names; else the case body's own rubric (the
 * most recently published if it has several); else the most recently published one. Returns why, for the screen.
 */
export function defaultRubric<T extends PublishedRubric>(
  published: T[],
  schemeCodes: string[],
  bodyId: string | undefined,
): { choice?: T; why?: 'scheme' | 'body' | 'latest' } {
  const newest = (list: T[]) => [...list].sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''))[0];
  const byScheme = newest(published.filter((p) => schemeCodes.includes(p.code)));
  if (byScheme) return { choice: byScheme, why: 'scheme' };
  const byBody = bodyId ? newest(published.filter((p) => p.ownerBodyId === bodyId)) : undefined;
  if (byBody) return { choice: byBody, why: 'body' };
  const latest = newest(published);
  return latest ? { choice: latest, why: published.length === 1 ? undefined : 'latest' } : {};
}
