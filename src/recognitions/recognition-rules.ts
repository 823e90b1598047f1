import type { LevelReport } from '../schemes/evaluate-level';
import type { LevelSpan, RecognitionInForce } from '../schemes/person-record';
import type { LevelDef, RuleDef } from '../schemes/scheme-definition';

// Pure rules of recognition between bodies: which version is in force on a date, whether a person holds the
// recognised level on it, and the level a holder is evaluated against (the top-up rules only).

export interface RecognitionTerms {
  id: string;
  status: 'draft' | 'published' | 'withdrawn';
  versionNumber: number;
  fromBodyId: string;
  fromSchemeCode: string;
  fromLevelCode: string;
  toSchemeCode: string;
  toLevelCode: string;
  effectiveFrom: string;
  effectiveTo: string | null;
}

/** Published (not withdrawn) and dated to cover the day. */
export const inForceOn = (r: Pick<RecognitionTerms, 'status' | 'effectiveFrom' | 'effectiveTo'>, on: string): boolean =>
  r.status === 'published' && r.effectiveFrom <= on && (r.effectiveTo === null || r.effectiveTo >= on);

const pairKey = (r: RecognitionTerms) => [r.fromBodyId, r.fromSchemeCode, r.fromLevelCode, r.toSchemeCode, r.toLevelCode].join('|');

/** For each source → target pair, the newest version in force on the date (a newer published version replaces an older one). */
export function recognitionsInForce<R extends RecognitionTerms>(all: readonly R[], on: string): R[] {
  const best = new Map<string, R>();
  for (const r of all) {
    if (!inForceOn(r, on)) continue;
    const current = best.get(pairKey(r));
    if (!current || current.versionNumber < r.versionNumber) best.set(pairKey(r), r);
  }
  return [...best.values()];
}

/** Recognitions as the pure rules see them (ctx.recognitions): each published version with its own dates; a withdrawn one
 *  keeps counting up to its withdrawal (its effectiveTo), so a supervision given before then stays counted. */
export const toInForce = (rs: readonly RecognitionTerms[]): RecognitionInForce[] =>
  rs
    .filter((r) => r.status !== 'draft')
    .map((r) => ({
      fromBodyId: r.fromBodyId,
      fromSchemeCode: r.fromSchemeCode,
      fromLevelCode: r.fromLevelCode,
      toSchemeCode: r.toSchemeCode,
      toLevelCode: r.toLevelCode,
      from: r.effectiveFrom,
      to: r.effectiveTo,
    }));

/** The span of the recognised level (body A, its scheme, level L: all three must match) held on the date. */
export const sourceSpanOn = (
  spans: readonly LevelSpan[],
  r: Pick<RecognitionTerms, 'fromBodyId' | 'fromSchemeCode' | 'fromLevelCode'>,
  on: string,
): LevelSpan | undefined =>
  spans.find(
    (s) =>
      s.bodyId === r.fromBodyId &&
      s.schemeCode === r.fromSchemeCode &&
      s.levelCode === r.fromLevelCode &&
      s.from <= on &&
      (s.to === null || s.to >= on),
  );

/** The level a holder of the recognised level is evaluated against: the target level with only the top-ups as requirements. */
export const recognitionLevel = (target: LevelDef, topUps: readonly RuleDef[]): LevelDef => ({
  ...target,
  prerequisites: [],
  requirements: [...topUps],
});

export interface RecognitionUsed {
  id: string;
  versionNumber: number;
  sourceBody: { id: string; name: string; code: string };
  sourceScheme: { code: string; name: string };
  sourceLevel: { code: string; name: string };
  /** full recognition: no top-up rules */
  full: boolean;
}

export type RecognitionReport = LevelReport & { route: 'recognition'; recognition: RecognitionUsed };

/** The top-up evaluation, labelled with the route and the recognition it went through. */
export function recognitionReport(report: LevelReport, used: RecognitionUsed): RecognitionReport {
  const summary = used.full ? `Recognised in full (${used.sourceBody.code} ${used.sourceLevel.code})` : `Top-ups: ${report.summary}`;
  return { ...report, summary, route: 'recognition', recognition: used };
}

/** Re-keys field paths of a synthetic definition (target level at index `li`) to the draft's `topUps.N…`. */
export function topUpPaths(errors: Record<string, string[]>, li: number): Record<string, string[]> {
  const prefix = `definition.levels.${li}.requirements.`;
  const out: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(errors)) if (key.startsWith(prefix)) out[`topUps.${key.slice(prefix.length)}`] = messages;
  return out;
}

/**
 * Whether a (verified) credential names this person: its subject is their account (`urn:uuid:<user id>`), or its
 * hashed e-mail identity equals their e-mail address hashed with the credential's salt (OB 3.0 IdentityHash). A name
 * alone is not enough: two people can share one.
 */
export function credentialNamesPerson(
  credential: Record<string, unknown>,
  person: { id: string; email: string },
  hash: (identity: string, salt: string) => string,
): boolean {
  const subject = credential.credentialSubject as { id?: unknown; identifier?: unknown } | undefined;
  if (!subject) return false;
  if (subject.id === `urn:uuid:${person.id}`) return true;
  const ids = Array.isArray(subject.identifier) ? (subject.identifier as Record<string, unknown>[]) : [];
  return ids.some(
    (i) =>
      i.identityType === 'emailAddress' &&
      i.hashed === true &&
      typeof i.salt === 'string' &&
      typeof i.identityHash === 'string' &&
      i.identityHash === hash(person.email.toLowerCase(), i.salt),
  );
}
