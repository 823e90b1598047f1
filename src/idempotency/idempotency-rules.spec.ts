import { canonicalJson, isValidIdempotencyKey, requestFingerprint, toStoredBody } from './idempotency-rules';

describe('Idempotency-Key rules', () => {
  it('accepts 1–200 printable characters and nothing else', () => {
    expect(isValidIdempotencyKey('a')).toBe(true);
    expect(isValidIdempotencyKey('order 42/retry:1')).toBe(true);
    expect(isValidIdempotencyKey('x'.repeat(200))).toBe(true);
    expect(isValidIdempotencyKey('x'.repeat(201))).toBe(false);
    expect(isValidIdempotencyKey('')).toBe(false);
    expect(isValidIdempotencyKey('   ')).toBe(false);
    expect(isValidIdempotencyKey('tab\there')).toBe(false);
    expect(isValidIdempotencyKey('clé')).toBe(false);
    expect(isValidIdempotencyKey(['a', 'b'])).toBe(false);
  });

  it('treats a body with reordered keys as the same request', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}');
    expect(requestFingerprint('POST', '/api/v1/cases', { a: 1, b: 2 })).toBe(requestFingerprint('post', '/api/v1/cases', { b: 2, a: 1 }));
  });

  it('tells apart another body, another path and another method', () => {
    const base = requestFingerprint('POST', '/api/v1/cases', { a: 1 });
    expect(requestFingerprint('POST', '/api/v1/cases', { a: 2 })).not.toBe(base);
    expect(requestFingerprint('POST', '/api/v1/activities', { a: 1 })).not.toBe(base);
    expect(requestFingerprint('PUT', '/api/v1/cases', { a: 1 })).not.toBe(base);
    expect(requestFingerprint('POST', '/api/v1/cases', undefined)).toBe(requestFingerprint('POST', '/api/v1/cases', null));
  });

  it('stores responses as plain JSON', () => {
    expect(toStoredBody({ at: new Date('2026-01-02T03:04:05Z'), n: 1 })).toEqual({ at: '2026-01-02T03:04:05.000Z', n: 1 });
    expect(toStoredBody(undefined)).toBeNull();
  });
});
