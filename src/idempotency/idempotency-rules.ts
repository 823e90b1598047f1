import { createHash } from 'node:crypto';

// Pure rules of the Idempotency-Key header: what a valid key is and what "the same request" means.

/** 1–200 printable ASCII characters (space allowed inside, not only spaces). */
export const isValidIdempotencyKey = (key: unknown): key is string =>
  typeof key === 'string' && /^[\x20-\x7E]{1,200}$/.test(key) && key.trim() !== '';

/** JSON with object keys sorted at every level, so `{a,b}` and `{b,a}` are the same body. */
export function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Same method, same path (with query) and same canonical body ⇒ same fingerprint. */
export function requestFingerprint(method: string, path: string, body: unknown): string {
  const bodyHash = createHash('sha256').update(canonicalJson(body)).digest('hex');
  return createHash('sha256').update(`${method.toUpperCase()} ${path}\n${bodyHash}`).digest('hex');
}

/** The response as it is stored and replayed: plain JSON (dates become ISO strings). */
export const toStoredBody = (body: unknown): unknown => (body === undefined ? null : (JSON.parse(JSON.stringify(body)) as unknown));
