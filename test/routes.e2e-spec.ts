import { readFileSync, writeFileSync } from 'node:fs';
import { buildOpenApi } from '../src/app.factory';
import { listRoutes } from './support/routes';
import { createTestApp, type TestApp } from './support/test-app';

// The reviewed list of every route and what it requires. A change to it is a security change:
// regenerate with UPDATE_ROUTE_PERMISSIONS=1 and review the diff like code.
const SNAPSHOT = 'test/route-permissions.txt';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('route permissions', () => {
  it('every route declares a permission or @Public()', () => {
    const undeclared = listRoutes(t.app).filter((r) => r.access === null);
    expect(undeclared).toEqual([]);
  });

  it('matches the reviewed route → permission list', () => {
    const current =
      listRoutes(t.app)
        .map((r) => `${r.method.padEnd(6)} ${r.path.padEnd(60)} ${r.access}`)
        .join('\n') + '\n';
    if (process.env.UPDATE_ROUTE_PERMISSIONS) writeFileSync(SNAPSHOT, current);
    expect(current).toBe(readFileSync(SNAPSHOT, 'utf8'));
  });

  it('documents every route in the OpenAPI document, and nothing else', () => {
    const doc = buildOpenApi(t.app);
    const documented = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const actual = listRoutes(t.app).map((r) => `${r.method} ${r.path}`);
    expect(documented.sort()).toEqual(actual.sort());
  });

  it('is deny-by-default: an authenticated route without a valid token answers 401', async () => {
    const routes = listRoutes(t.app).filter((r) => r.access !== 'PUBLIC');
    for (const r of routes) {
      const path = r.path.replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000');
      const res = await t.http()[r.method.toLowerCase() as 'get'](path).set('Content-Type', 'application/json');
      expect({ route: `${r.method} ${r.path}`, status: res.status }).toEqual({ route: `${r.method} ${r.path}`, status: 401 });
    }
  });
});
