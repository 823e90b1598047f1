import { randomUUID } from 'node:crypto';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { World } from './world';

// Request bodies and query parameters read from the OpenAPI document, so new routes are covered without
// editing the security tests.

type Schema = Record<string, unknown> & { $ref?: string; allOf?: Schema[]; properties?: Record<string, Schema>; required?: string[] };
type Operation = {
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  parameters?: { in: string; name: string; schema?: Schema }[];
};

export const toOpenApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

export function operation(doc: OpenAPIObject, method: string, path: string): Operation | undefined {
  return (doc.paths[toOpenApiPath(path)] as Record<string, Operation> | undefined)?.[method.toLowerCase()];
}

export function resolve(doc: OpenAPIObject, s: Schema | undefined): Schema | undefined {
  if (!s) return undefined;
  if (s.$ref) return resolve(doc, (doc.components?.schemas as Record<string, Schema>)[s.$ref.split('/').pop()!]);
  if (s.allOf?.length === 1) return resolve(doc, s.allOf[0]);
  return s;
}

/** The request body schema of a route, resolved, or undefined when it takes none. */
export function requestSchema(doc: OpenAPIObject, method: string, path: string): Schema | undefined {
  return resolve(doc, operation(doc, method, path)?.requestBody?.content?.['application/json']?.schema);
}

/** A minimal body from the schema's required properties (valid in shape; ids are random). */
export function minimalBody(doc: OpenAPIObject, schema: Schema): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of schema.required ?? []) out[name] = sample(doc, schema.properties?.[name]);
  return out;
}

function sample(doc: OpenAPIObject, raw: Schema | undefined): unknown {
  const s = resolve(doc, raw) ?? {};
  if (Array.isArray(s.enum)) return s.enum[0];
  switch (s.type) {
    case 'string':
      if (s.format === 'uuid') return randomUUID();
      if (s.format === 'date') return '2024-01-01';
      if (s.format === 'date-time') return new Date().toISOString();
      return 'x'.repeat(Math.max(Number(s.minLength ?? 0), 12));
    case 'number':
    case 'integer':
      return Number(s.minimum ?? 1);
    case 'boolean':
      return true;
    case 'array':
      return Number(s.minItems ?? 0) > 0 ? [sample(doc, s.items as Schema)] : [];
    case 'object':
      return s.properties ? minimalBody(doc, s) : {};
    default:
      return 'x';
  }
}

/** The query parameters of a route with their resolved schemas. */
export function queryParams(doc: OpenAPIObject, method: string, path: string): { name: string; schema: Schema }[] {
  return (operation(doc, method, path)?.parameters ?? [])
    .filter((p) => p.in === 'query')
    .map((p) => ({ name: p.name, schema: resolve(doc, p.schema) ?? {} }));
}

/** A stand-in world whose every id is a fresh UUID: enough for bodies refused before any lookup. */
export function fakeWorld(): World {
  const ids = new Proxy({} as Record<string, string>, { get: (cache, k: string) => (cache[k] ??= randomUUID()) });
  const versions = new Proxy({} as Record<string, number>, { get: () => 1 });
  const user = { id: randomUUID(), email: 'fake@test.example', token: '', refreshToken: 'A'.repeat(43), auth: { Authorization: '' } };
  return {
    name: 'A',
    body: { id: randomUUID(), parentId: randomUUID() } as World['body'],
    trainee: user,
    supervisor: user,
    supervisor2: user,
    admin: user,
    ids,
    versions,
    contentHash: 'a'.repeat(64),
    certificateNumber: 'T-IPT-0000',
  };
}
