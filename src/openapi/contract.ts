import type { OpenAPIObject } from '@nestjs/swagger';
import { codesWithStatus, ERROR_CODES, type ErrorCode } from '../common/error-codes';

// What every operation of the API shares, written once: the error responses each kind of route can give (in the
// one error shape, each status with its own codes from the typed list), the headers (Idempotency-Key, ETag,
// Retry-After), `security: []` on public routes, and 3.0 schemas a validator accepts. Route-specific documentation
// (summary, success response, If-Match via the @IfMatch() parameter, 429 on rate-limited routes) stays on the route.

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = Record<string, any>;

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'] as const;

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'The request is malformed or does not pass validation (`details` names each field)',
  401: 'Authentication failed or is missing',
  403: 'Not allowed for this caller',
  404: 'Not found, or not visible to this caller (the same answer)',
  409: 'Conflicts with the current state of the record',
  412: 'If-Match does not match the current version',
  413: 'The request body is too large',
  415: 'The request body is not application/json',
  422: 'Understood, but cannot be carried out',
  428: 'If-Match is required',
  429: 'Rate limit reached; retry after Retry-After seconds',
  503: 'Temporarily unavailable (database away, or this instance shutting down); retry after Retry-After seconds',
};

const RETRY_AFTER = { description: 'Seconds to wait before retrying', schema: { type: 'integer', minimum: 1 } };
const ETAG = {
  description: 'The version of the record (`"<version>"`); send it back in If-Match to change the record',
  schema: { type: 'string', example: '"1"' },
};
const IDEMPOTENCY_KEY = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'Makes a retry safe: the first request with a key is carried out once; a repeat with the same request replays its answer ' +
    '(`Idempotent-Replayed: true`), with another request → 422 `IDEMPOTENCY_KEY_REUSED`, while the first is still running → 409 `IDEMPOTENCY_KEY_IN_FLIGHT`',
  schema: { type: 'string', minLength: 1, maxLength: 200 },
};
const REPLAYED = {
  description: '`true` when this answer is the stored answer to an earlier request with the same Idempotency-Key',
  schema: { type: 'string', enum: ['true'] },
};

/** Completes the generated document in place and returns it. */
export function completeContract(doc: OpenAPIObject): OpenAPIObject {
  const d = doc as unknown as Json;
  d.servers = [{ url: '/', description: 'This service (every path below carries its /api/v1 prefix)' }];
  d.info.license ??= { name: 'Proprietary (UNLICENSED)' };
  d.components ??= {};
  d.components.schemas ??= {};
  addErrorSchemas(d.components.schemas);
  normaliseSchemas(d);
  const used = new Set<number>();
  for (const [path, item] of Object.entries<Json>(d.paths)) {
    for (const method of METHODS) {
      const op = item[method] as Json | undefined;
      if (op) completeOperation(d, path, method, op, used);
    }
  }
  // the generic error shape names the whole list; one schema per status names only that status's codes
  for (const status of Object.keys(d.components.schemas).filter((k) => /^ErrorResponse\d{3}$/.test(k))) {
    if (!used.has(Number(status.slice(-3)))) delete d.components.schemas[status];
  }
  return doc;
}

function completeOperation(d: Json, path: string, method: string, op: Json, used: Set<number>): void {
  const isPublic = !op.security?.length;
  if (isPublic) op.security = [];
  const params: Json[] = (op.parameters ??= []);
  const writes = method !== 'get' && method !== 'head';
  const idempotent = method === 'post' && !isPublic;
  if (idempotent && !params.some((p) => p.in === 'header' && p.name === 'Idempotency-Key')) params.push({ ...IDEMPOTENCY_KEY });
  if (!params.length) delete op.parameters;

  const responses: Json = (op.responses ??= {});
  const add = (status: number) => (responses[String(status)] ??= {});
  add(400); // a malformed URL is a 400 on any route, besides validation where there is input
  // a path id, or an id in the query or body, that names a missing record (or one the caller may not see)
  if (path.includes('{') || params.some((p) => p.in === 'query') || op.requestBody) add(404);
  if (writes && !isPublic) add(409);
  if (idempotent) add(422);
  add(503);
  responses.default ??= {
    description: 'Any other error (413 body too large, 415 not JSON, 500 unexpected), in the same shape',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponseDto' } } },
  };

  for (const [key, response] of Object.entries<Json>(responses)) {
    const status = Number(key);
    if (status >= 200 && status < 300) {
      completeSuccess(d, response, idempotent);
      continue;
    }
    const codes = codesWithStatus(status);
    if (key === 'default' || !(status >= 400) || !codes.length) continue;
    used.add(status);
    const own = response.description && response.description !== ERROR_DESCRIPTIONS[status] ? `${response.description}. ` : '';
    response.description = `${own}${ERROR_DESCRIPTIONS[status] ?? 'Refused'}. Codes: ${codes.map((c) => `\`${c}\``).join(', ')}`;
    response.content = { 'application/json': { schema: { $ref: `#/components/schemas/ErrorResponse${status}` } } };
    if (status === 429 || status === 503 || (status === 409 && idempotent)) {
      response.headers = { ...response.headers, 'Retry-After': { ...RETRY_AFTER, required: status !== 409 } };
    }
  }
}

// A versioned record answers with its ETag; a replayed idempotent answer says so.
function completeSuccess(d: Json, response: Json, idempotent: boolean): void {
  const schema = response.content?.['application/json']?.schema;
  const target = schema?.$ref ? d.components.schemas[String(schema.$ref).split('/').pop()!] : schema;
  const version = target?.properties?.version;
  if (version && (version.type === 'integer' || version.type === 'number'))
    response.headers = { ...response.headers, ETag: { ...ETAG, required: true } };
  if (idempotent) response.headers = { ...response.headers, 'Idempotent-Replayed': REPLAYED };
}

function addErrorSchemas(schemas: Json): void {
  const codes = Object.keys(ERROR_CODES) as ErrorCode[];
  schemas.ErrorCode = {
    type: 'string',
    enum: codes,
    description:
      'Every error code the API answers with. Each code belongs to exactly one HTTP status.\n\n| Code | Status | Meaning |\n|---|---|---|\n' +
      codes.map((c) => `| \`${c}\` | ${ERROR_CODES[c].status} | ${ERROR_CODES[c].description.replace(/\|/g, '\\|')} |`).join('\n'),
    'x-enum-descriptions': codes.map((c) => ERROR_CODES[c].description),
  };
  const statuses = [...new Set(codes.map((c) => ERROR_CODES[c].status))];
  for (const status of statuses) {
    schemas[`ErrorResponse${status}`] = {
      type: 'object',
      description: `The error shape with HTTP status ${status}`,
      required: ['statusCode', 'code', 'message'],
      properties: {
        statusCode: { type: 'integer', enum: [status] },
        code: { type: 'string', enum: codesWithStatus(status), description: 'Stable machine-readable error code (see ErrorCode)' },
        message: { type: 'string' },
        details: {
          type: 'object',
          description: 'Per-field messages, keyed by field path',
          additionalProperties: { type: 'array', items: { type: 'string' } },
        },
      },
    };
  }
}

// swagger writes an optional nested DTO or enum as `{ nullable?, allOf: [{ $ref }] }`. Without `nullable` that is
// just the $ref. With it, OpenAPI 3.0 validators still apply the referenced schema to null (`nullable` only widens
// a `type` beside it), so a nullable enum becomes the enum with null in it, and a nullable object one of the
// object or null. (@nestjs/swagger 12 emits 3.0 only; 3.1 would need every schema consumer rewritten.)
function normaliseSchemas(d: Json): void {
  const NULL_ONLY = { type: 'object', nullable: true, enum: [null], description: 'null' };
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (!node || typeof node !== 'object') return node;
    const s = node as Json;
    for (const [k, v] of Object.entries(s)) s[k] = walk(v);
    const only =
      Array.isArray(s.allOf) && s.allOf.length === 1 && typeof s.allOf[0]?.$ref === 'string' ? (s.allOf[0].$ref as string) : undefined;
    if (!only) return s;
    const { allOf: _allOf, nullable, type: _type, ...rest } = s;
    if (nullable === true) {
      const target = d.components.schemas[only.split('/').pop()!] as Json | undefined;
      if (Array.isArray(target?.enum)) return { ...rest, type: target.type ?? 'string', nullable: true, enum: [...target.enum, null] };
      return { ...rest, oneOf: [{ $ref: only }, NULL_ONLY] };
    }
    return Object.keys(rest).length ? s : { $ref: only };
  };
  d.components.schemas = walk(d.components.schemas);
  d.paths = walk(d.paths);
}
