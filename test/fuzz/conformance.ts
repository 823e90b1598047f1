import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { OpenApiDoc, Schema } from './arbitraries';

// Response conformance: every documented response schema compiled with ajv. OpenAPI 3.0's `nullable: true`
// becomes `anyOf [schema, null]`; objects with declared properties are closed (`additionalProperties: false`)
// so that an undocumented field in a response is reported too.

/* eslint-disable @typescript-eslint/no-explicit-any */
const addFormats = ((addFormatsModule as any).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

const DROP = new Set([
  'example',
  'description',
  'default',
  'nullable',
  'enumName',
  'externalDocs',
  'xml',
  'readOnly',
  'writeOnly',
  'deprecated',
]);

export function toJsonSchema(s: unknown, closeObjects: boolean): unknown {
  if (Array.isArray(s)) return s.map((x) => toJsonSchema(x, closeObjects));
  if (!s || typeof s !== 'object') return s;
  const src = s as Schema;
  const out: Schema = {};
  for (const [k, v] of Object.entries(src)) {
    if (DROP.has(k)) continue;
    if (k === '$ref') out.$ref = String(v);
    else if (k === 'properties')
      out.properties = Object.fromEntries(Object.entries(v as Schema).map(([p, ps]) => [p, toJsonSchema(ps, closeObjects)]));
    else if (k === 'enum' || k === 'required') out[k] = v;
    else out[k] = toJsonSchema(v, closeObjects);
  }
  if (closeObjects && out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  // swagger writes optional nested DTOs as { nullable, type: object, allOf: [$ref] }: the $ref decides
  if (out.allOf && out.type === 'object' && !out.properties) delete out.type;
  // `format` on a non-string (swagger's `type: object, format: date` for string | null) is ignored by ajv anyway
  return src.nullable ? { anyOf: [out, { type: 'null' }] } : out;
}

const API_ID = 'https://fuzz.invalid/openapi';

export const ERROR_SCHEMA = {
  type: 'object',
  required: ['statusCode', 'code', 'message'],
  additionalProperties: false,
  properties: {
    statusCode: { type: 'integer', minimum: 400, maximum: 599 },
    code: { type: 'string', pattern: '^[A-Z][A-Z0-9_]*$' },
    message: { type: 'string', minLength: 1 },
    details: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
  },
};

export class Conformance {
  private readonly ajv: Ajv;
  private readonly cache = new Map<string, ValidateFunction>();
  readonly error: ValidateFunction;

  constructor(
    private readonly doc: OpenApiDoc,
    closeObjects = true,
  ) {
    this.ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: API_ID, components: { schemas: toJsonSchema(doc.components.schemas, closeObjects) } });
    this.error = this.ajv.compile(ERROR_SCHEMA);
  }

  /** The validator of one documented response, or null when the status has no JSON schema documented. */
  validator(path: string, method: string, status: number): ValidateFunction | null | 'undocumented' {
    const op = this.doc.paths[path]?.[method];
    const resp = op?.responses?.[String(status)] ?? op?.responses?.[`${String(status)[0]}XX`] ?? op?.responses?.default;
    if (!resp) return 'undocumented';
    const schema = resp.content?.['application/json']?.schema;
    if (!schema || (!schema.$ref && !schema.type && !schema.allOf && !schema.items)) return null;
    const key = `${method} ${path} ${status}`;
    let v = this.cache.get(key);
    if (!v) {
      v = this.ajv.compile(toJsonSchema(rewriteRefs(schema), true) as object);
      this.cache.set(key, v);
    }
    return v;
  }

  static describe(v: ValidateFunction): string {
    return (v.errors ?? [])
      .slice(0, 8)
      .map(
        (e) =>
          `${e.instancePath || '(root)'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` '${String(e.params.additionalProperty)}'` : ''}`,
      )
      .join('; ');
  }
}

function rewriteRefs(s: unknown): unknown {
  if (Array.isArray(s)) return s.map(rewriteRefs);
  if (!s || typeof s !== 'object') return s;
  return Object.fromEntries(Object.entries(s as Schema).map(([k, v]) => [k, k === '$ref' ? `${API_ID}${String(v)}` : rewriteRefs(v)]));
}
