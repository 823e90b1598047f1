import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeBody, makeUser } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

// issue 12, finding 5: 5,000 levels of nesting used to reach class-transformer and end in a RangeError (500)
describe('deeply nested JSON', () => {
  const nested = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

  it('is refused with 400 JSON_TOO_DEEP on the public routes, before validation', async () => {
    const body = await makeBody(t);
    const bodies: Record<string, string> = {
      '/api/v1/auth/sign-in': `{"email":${nested(5000)},"password":"x"}`,
      '/api/v1/auth/register': `{"email":"deep@test.example","password":${nested(5000)},"displayName":"D","bodyId":"${body.id}"}`,
      '/api/v1/verify': `{"credential":${nested(5000)}}`,
      '/api/v1/auth/refresh': `[${'['.repeat(5000)}${']'.repeat(5000)}]`,
    };
    for (const [path, raw] of Object.entries(bodies)) {
      const res = await t.http().post(path).set('Content-Type', 'application/json').send(raw);
      expect([path, res.status, res.body.code]).toEqual([path, 400, 'JSON_TOO_DEEP']);
    }
  });

  it('still accepts ordinary nesting', async () => {
    const res = await t.http().post('/api/v1/auth/sign-in').send({ email: 'nobody@test.example', password: 'not the password' });
    expect(res.status).toBe(401);
  });
});

describe('response headers (issue 12, hardening)', () => {
  it('sends a CSP that allows no inline script', async () => {
    const res = await t.http().get('/api/v1/bodies').expect(200);
    const scriptSrc = String(res.headers['content-security-policy'])
      .split(';')
      .map((d) => d.trim())
      .find((d) => d.startsWith('script-src'));
    expect(scriptSrc).toBe("script-src 'self'");
  });

  it('marks every authenticated API answer no-store, errors included', async () => {
    const u = await makeUser(t, []);
    expect((await t.http().get('/api/v1/me').set(u.auth).expect(200)).headers['cache-control']).toBe('no-store');
    expect((await t.http().get('/api/v1/users/00000000-0000-4000-8000-000000000000').set(u.auth)).headers['cache-control']).toBe(
      'no-store',
    );
    expect((await t.http().get('/api/v1/me').set('Authorization', 'Bearer nope').expect(401)).headers['cache-control']).toBe('no-store');
    // tokens too
    expect((await t.http().post('/api/v1/auth/refresh').send({ refreshToken: u.refreshToken }).expect(200)).headers['cache-control']).toBe(
      'no-store',
    );
  });

  it("the web app has no inline script to need 'unsafe-inline'", () => {
    for (const file of [join('web', 'index.html'), join('web', 'dist', 'index.html')].filter((f) => existsSync(f))) {
      const html = readFileSync(file, 'utf8');
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [, attrs, code] of scripts) {
        expect([file, attrs]).toEqual([file, expect.stringMatching(/\bsrc=/)]);
        expect(code.trim()).toBe('');
      }
    }
  });
});

describe('DOCS_ENABLED', () => {
  it('serves the OpenAPI document by default, and nothing when turned off', async () => {
    await t.http().get('/docs-json').expect(200);
    const off = await createTestApp({ DOCS_ENABLED: 'false' });
    try {
      for (const path of ['/docs', '/docs-json', '/docs-yaml']) await off.http().get(path).expect(404);
      await off.http().get('/api/v1/bodies').expect(200);
    } finally {
      await off.close();
    }
  });
});
