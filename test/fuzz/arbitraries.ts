import fc from 'fast-check';

// OpenAPI 3.0 schema → fast-check arbitraries, for the shapes our DTOs produce through @nestjs/swagger:
// objects with required/optional properties, $ref and single-element allOf, nullable, enums, strings with
// formats (uuid, date, date-time, email), patterns and lengths, integers/numbers with bounds, arrays, and
// free-form objects. `validArb` aims at values the schema accepts (the server may still refuse them for
// business reasons); `invalidArb` mutates such a value into one the schema refuses, or into hostile input.

/* eslint-disable @typescript-eslint/no-explicit-any */
export type Schema = Record<string, any>;
export type OpenApiDoc = { paths: Record<string, Record<string, any>>; components: { schemas: Record<string, Schema> } };

export interface GenContext {
  doc: OpenApiDoc;
  /** ids of records that exist (grows while fuzzing); uuid fields and path ids draw from it half of the time */
  idPool: () => string[];
  /** ids seen under a field of this name (or fitting this path parameter): the likeliest to be meaningful */
  idsFor?: (name: string) => string[];
}

const MAX_DEPTH = 6;

export function deref(doc: OpenApiDoc, s: Schema | undefined): Schema {
  let cur: Schema = s ?? {};
  for (let i = 0; i < 20 && cur.$ref; i++) cur = doc.components.schemas[String(cur.$ref).replace('#/components/schemas/', '')] ?? {};
  return cur;
}

/** Flattens `{ nullable, allOf: [{ $ref }] }` (how swagger writes an optional enum/nested DTO) into one schema. */
export function flatten(doc: OpenApiDoc, s: Schema | undefined): Schema {
  let cur = deref(doc, s);
  if (Array.isArray(cur.allOf)) {
    const { allOf, ...rest } = cur;
    cur = { ...Object.assign({}, ...allOf.map((x: Schema) => flatten(doc, x))), ...rest };
    if (rest.type === 'object' && (cur.enum || cur.properties)) cur.type = deref(doc, allOf[0]).type ?? cur.type;
  }
  return cur;
}

export const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const dateArb = fc.oneof(
  // mostly recent past (what business rules accept), sometimes anywhere
  fc.integer({ min: 0, max: 400 }).map((n) => isoDate(new Date(Date.now() - n * 86_400_000))),
  fc.date({ min: new Date('1990-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }).map(isoDate),
);
const dateTimeArb = fc.oneof(
  fc.integer({ min: 0, max: 400 * 86_400 }).map((s) => new Date(Date.now() - s * 1000).toISOString()),
  fc.date({ min: new Date('1990-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }).map((d) => d.toISOString()),
);

function uuidArb(ctx: GenContext, name?: string): fc.Arbitrary<string> {
  const keyed = fc.nat().map((i) => {
    const xs = name && ctx.idsFor ? ctx.idsFor(name) : [];
    const pool = xs.length ? xs : ctx.idPool();
    return pool.length ? pool[i % pool.length] : '00000000-0000-4000-8000-000000000000';
  });
  return fc.oneof(
    { weight: 3, arbitrary: keyed },
    fc.nat().map((i) => {
      const pool = ctx.idPool();
      return pool.length ? pool[i % pool.length] : '00000000-0000-4000-8000-000000000000';
    }),
    fc.uuid({ version: 4 }),
  );
}

function stringArb(s: Schema, ctx: GenContext, name?: string): fc.Arbitrary<string> {
  const minLength = s.minLength ?? 0;
  const maxLength = Math.min(s.maxLength ?? 40, Math.max(minLength, 40));
  let base: fc.Arbitrary<string>;
  switch (s.format) {
    case 'uuid':
      return uuidArb(ctx, name);
    case 'date':
      base = dateArb;
      break;
    case 'date-time':
      base = dateTimeArb;
      break;
    case 'email':
      base = fc.oneof(fc.emailAddress(), fc.stringMatching(/^[a-z]{3,10}\.[a-z0-9]{2,6}@test\.example$/));
      break;
    default:
      if (s.pattern) {
        let re: RegExp | undefined;
        try {
          re = new RegExp(s.pattern);
        } catch {
          re = undefined;
        }
        base = re
          ? fc.stringMatching(re).filter((x) => x.length >= minLength && x.length <= (s.maxLength ?? 10_000))
          : fc.string({ minLength, maxLength });
      } else {
        base = fc.oneof(
          { weight: 3, arbitrary: fc.string({ minLength, maxLength, unit: 'grapheme-ascii' }) },
          { weight: 1, arbitrary: fc.string({ minLength, maxLength, unit: 'grapheme' }) },
        );
      }
  }
  return s.example !== undefined && typeof s.example === 'string' ? fc.oneof(fc.constant(s.example), base) : base;
}

function numberArb(s: Schema): fc.Arbitrary<number> {
  const min = typeof s.minimum === 'number' ? s.minimum : -1000;
  const max = typeof s.maximum === 'number' ? s.maximum : Math.max(min + 1000, 1000);
  const ints = fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
  // swagger documents our @IsInt fields as `number`: integers most of the time, fractions sometimes
  if (s.type === 'integer') return ints;
  return fc.oneof({ weight: 4, arbitrary: ints }, { weight: 1, arbitrary: fc.double({ min, max, noNaN: true, noDefaultInfinity: true }) });
}

export function validArb(ctx: GenContext, schema: Schema | undefined, depth = 0, name?: string): fc.Arbitrary<unknown> {
  const s = flatten(ctx.doc, schema);
  const inner = validArbInner(ctx, s, depth, name);
  return s.nullable ? fc.oneof({ weight: 4, arbitrary: inner }, { weight: 1, arbitrary: fc.constant(null) }) : inner;
}

function validArbInner(ctx: GenContext, s: Schema, depth: number, name?: string): fc.Arbitrary<unknown> {
  if (Array.isArray(s.enum) && s.enum.length) return fc.constantFrom(...s.enum);
  if (Array.isArray(s.oneOf) || Array.isArray(s.anyOf))
    return fc.oneof(...(s.oneOf ?? s.anyOf).map((x: Schema) => validArb(ctx, x, depth + 1)));
  const type = s.type ?? (s.properties ? 'object' : s.items ? 'array' : undefined);
  switch (type) {
    case 'string':
      return stringArb(s, ctx, name);
    case 'number':
    case 'integer':
      return numberArb(s);
    case 'boolean':
      return fc.boolean();
    case 'array': {
      if (depth > MAX_DEPTH) return fc.constant([]);
      const minLength = s.minItems ?? 0;
      const maxLength = Math.min(s.maxItems ?? 4, Math.max(minLength, 4));
      return fc.array(validArb(ctx, s.items, depth + 1, name), { minLength, maxLength });
    }
    case 'object': {
      if (s.properties && depth <= MAX_DEPTH) {
        const keys = Object.keys(s.properties);
        const rec: Record<string, fc.Arbitrary<unknown>> = {};
        for (const k of keys) rec[k] = validArb(ctx, s.properties[k], depth + 1, k);
        return fc.record(rec, { requiredKeys: (s.required ?? []).filter((k: string) => keys.includes(k)) });
      }
      if (s.example && typeof s.example === 'object') return fc.oneof(fc.constant(s.example), freeObject());
      return freeObject();
    }
    default:
      if (s.example !== undefined) return fc.constant(s.example);
      return fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.boolean());
  }
}

// free-form objects (`type: object` without properties): maps of short codes to small numbers or text
const freeObject = () =>
  fc.oneof(
    fc.constant({}),
    fc.dictionary(fc.stringMatching(/^[a-z][a-z_]{0,11}$/), fc.oneof(fc.integer({ min: 0, max: 7 }), fc.string({ maxLength: 20 })), {
      maxKeys: 4,
    }),
  );

// ---------------------------------------------------------------------------------------------------------
// Invalid and hostile inputs

export type Mutation =
  | 'wrong-type'
  | 'missing-required'
  | 'extra-property'
  | 'huge-string'
  | 'deep-nesting'
  | 'unicode-nul'
  | 'number-as-string'
  | 'array-for-object'
  | 'proto-pollution'
  | 'out-of-range'
  | 'bad-format';

/** Mutations after which the documented schema refuses the body: a 2xx for one of them is a validation gap. */
export const SCHEMA_INVALID: ReadonlySet<Mutation> = new Set([
  'wrong-type',
  'missing-required',
  'extra-property',
  'array-for-object',
  'number-as-string',
  'out-of-range',
  'bad-format',
]);

export interface InvalidBody {
  mutation: Mutation;
  /** what was changed (a field path), for the report */
  where: string;
  /** a JSON value, or raw JSON text when the value cannot be built as an object (proto keys) */
  value?: unknown;
  raw?: string;
}

export const HOSTILE_STRINGS = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff\ud800',
  '\u202e\u0041\u0042',
  '👩🏽‍⚕️💬',
  'Ω≈ç√∫˜µ≤≥÷',
  "'; DROP TABLE users; --",
  '" OR 1=1 --',
  '${jndi:ldap://x}',
  '%00%ff',
  '../../../../etc/passwd',
  '<script>alert(1)</script>',
  ' ',
  '',
];

const hostileString = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }).map((x) => x + '\u0000'),
);

const wrongTypeFor = (type: string | undefined): fc.Arbitrary<unknown> => {
  const all: fc.Arbitrary<unknown>[] = [];
  if (type !== 'string') all.push(fc.string({ maxLength: 8 }));
  if (type !== 'number' && type !== 'integer') all.push(fc.integer());
  if (type !== 'boolean') all.push(fc.boolean());
  if (type !== 'object') all.push(fc.constant({ a: 1 }));
  if (type !== 'array') all.push(fc.constant([1, 'x']));
  return fc.oneof(...all);
};

const deep = (n: number, leaf: unknown): unknown => {
  let v: unknown = leaf;
  for (let i = 0; i < n; i++) v = i % 2 ? [v] : { a: v };
  return v;
};

interface FieldInfo {
  path: string[];
  schema: Schema;
  required: boolean;
}

/** Every field path of a generated value together with its (flattened) schema. */
export function fieldsOf(ctx: GenContext, schema: Schema | undefined, value: unknown, path: string[] = [], depth = 0): FieldInfo[] {
  const s = flatten(ctx.doc, schema);
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return [];
  const out: FieldInfo[] = [];
  if (Array.isArray(value)) {
    value.forEach((v, i) =>
      out.push(
        { path: [...path, String(i)], schema: flatten(ctx.doc, s.items), required: true },
        ...fieldsOf(ctx, s.items, v, [...path, String(i)], depth + 1),
      ),
    );
    return out;
  }
  for (const [k, ps] of Object.entries((s.properties ?? {}) as Record<string, Schema>)) {
    const req = (s.required ?? []).includes(k);
    out.push({ path: [...path, k], schema: flatten(ctx.doc, ps), required: req });
    if (k in (value as object)) out.push(...fieldsOf(ctx, ps, (value as Record<string, unknown>)[k], [...path, k], depth + 1));
  }
  return out;
}

const clone = <T>(v: T): T => (v === undefined ? v : JSON.parse(JSON.stringify(v)));

function setAt(root: unknown, path: string[], v: unknown, del = false): unknown {
  if (!path.length) return v;
  const out = clone(root) as Record<string, unknown>;
  let cur: Record<string, unknown> = out;
  for (const p of path.slice(0, -1)) {
    if (cur[p] === null || typeof cur[p] !== 'object') cur[p] = {};
    cur = cur[p] as Record<string, unknown>;
  }
  const last = path[path.length - 1];
  if (del) delete cur[last];
  else cur[last] = v;
  return out;
}

/**
 * A body the schema refuses (or hostile input), derived from a valid one. Each mutation picks a field of the
 * generated value; `where` names it.
 */
export function invalidArb(ctx: GenContext, schema: Schema | undefined): fc.Arbitrary<InvalidBody> {
  const top = flatten(ctx.doc, schema);
  return fc
    .tuple(
      validArb(ctx, schema),
      fc.nat(),
      fc.constantFrom<Mutation>(
        'wrong-type',
        'missing-required',
        'extra-property',
        'huge-string',
        'deep-nesting',
        'unicode-nul',
        'number-as-string',
        'array-for-object',
        'proto-pollution',
        'out-of-range',
        'bad-format',
      ),
      wrongTypeFor(undefined),
      hostileString,
    )
    .map(([value, n, mutation, anyWrong, hostile]): InvalidBody => {
      const fields = fieldsOf(ctx, schema, value);
      const choose = (pred: (f: FieldInfo) => boolean) => {
        const xs = fields.filter(pred);
        return xs.length ? xs[n % xs.length] : undefined;
      };
      const typeOf = (f: FieldInfo) => f.schema.type ?? (f.schema.enum ? 'string' : f.schema.properties ? 'object' : undefined);
      switch (mutation) {
        case 'wrong-type': {
          const f = choose((x) => !!typeOf(x) && !(typeOf(x) === 'object' && !x.schema.properties));
          if (!f) return { mutation, where: '(body)', value: top.type === 'object' ? 'not-an-object' : { a: 1 } };
          const t = typeOf(f);
          // null is fine where nullable; a value of a different JSON type is not
          const wrong =
            t === 'string'
              ? 12345
              : t === 'number' || t === 'integer'
                ? true
                : t === 'boolean'
                  ? 'true'
                  : t === 'array'
                    ? { a: 1 }
                    : 'text';
          return {
            mutation,
            where: f.path.join('.'),
            value: setAt(
              value,
              f.path,
              n % 3 === 0 &&
                anyWrong !== undefined &&
                typeof anyWrong !== (t === 'integer' ? 'number' : t) &&
                !(Array.isArray(anyWrong) && t === 'array') &&
                !(anyWrong && typeof anyWrong === 'object' && !Array.isArray(anyWrong) && t === 'object')
                ? anyWrong
                : wrong,
            ),
          };
        }
        case 'missing-required': {
          const f = choose((x) => x.required && x.path.length >= 1 && !/^\d+$/.test(x.path[x.path.length - 1]));
          if (!f) return { mutation: 'extra-property', where: 'zzUnknownField', value: setAt(value, ['zzUnknownField'], 1) };
          return { mutation, where: f.path.join('.'), value: setAt(value, f.path, undefined, true) };
        }
        case 'extra-property': {
          // unknown keys are refused (forbidNonWhitelisted), including ones named like computed fields
          const objs = fields.filter(
            (x) =>
              x.schema.properties &&
              typeof getAt(value, x.path) === 'object' &&
              getAt(value, x.path) !== null &&
              !Array.isArray(getAt(value, x.path)),
          );
          const key = ['status', 'ownerId', 'traineeId_', 'isAdmin', 'version_', 'passwordHash', 'zzUnknownField'][n % 7];
          const keyFinal = top.properties && key in top.properties ? 'zzUnknownField' : key;
          if (objs.length && n % 2) {
            const f = objs[n % objs.length];
            const k = f.schema.properties[keyFinal] ? 'zzUnknownField' : keyFinal;
            return { mutation, where: [...f.path, k].join('.'), value: setAt(value, [...f.path, k], 'x') };
          }
          if (!top.properties) return { mutation: 'wrong-type', where: '(body)', value: 'not-an-object' };
          return { mutation, where: keyFinal, value: setAt(value, [keyFinal], 'x') };
        }
        case 'huge-string': {
          const f = choose((x) => typeOf(x) === 'string') ?? choose(() => true);
          const huge = 'A'.repeat(100 * 1024);
          return {
            mutation,
            where: f ? f.path.join('.') : 'zzHuge',
            value: f ? setAt(value, f.path, huge) : setAt(value, ['zzHuge'], huge),
          };
        }
        case 'deep-nesting': {
          const f = choose(() => true);
          const v = deep(200 + (n % 800), 1);
          return { mutation, where: f ? f.path.join('.') : '(body)', value: f ? setAt(value, f.path, v) : v };
        }
        case 'unicode-nul': {
          const f = choose((x) => typeOf(x) === 'string');
          if (!f) return { mutation, where: 'zzText', value: setAt(value, ['zzText'], hostile) };
          return { mutation, where: f.path.join('.'), value: setAt(value, f.path, hostile) };
        }
        case 'number-as-string': {
          const f = choose((x) => (typeOf(x) === 'number' || typeOf(x) === 'integer') && typeof getAt(value, x.path) === 'number');
          if (!f) return { mutation: 'wrong-type', where: '(body)', value: [value] };
          return { mutation, where: f.path.join('.'), value: setAt(value, f.path, String(getAt(value, f.path))) };
        }
        case 'array-for-object': {
          const f = choose((x) => typeOf(x) === 'object' && !!x.schema.properties);
          if (!f || n % 2) return { mutation, where: '(body)', value: [value] };
          return { mutation, where: f.path.join('.'), value: setAt(value, f.path, [getAt(value, f.path)]) };
        }
        case 'proto-pollution': {
          const key = ['__proto__', 'constructor'][n % 2];
          const payload = key === '__proto__' ? '{"isAdmin":true,"status":"active"}' : '{"prototype":{"isAdmin":true}}';
          const text = JSON.stringify(value ?? {});
          const raw = text.startsWith('{') && text !== '{}' ? `{"${key}":${payload},${text.slice(1)}` : `{"${key}":${payload}}`;
          return { mutation, where: key, raw };
        }
        case 'out-of-range': {
          const f = choose(
            (x) =>
              typeof x.schema.maximum === 'number' ||
              typeof x.schema.minimum === 'number' ||
              typeof x.schema.maxLength === 'number' ||
              typeof x.schema.maxItems === 'number',
          );
          if (!f) return { mutation: 'extra-property', where: 'zzUnknownField', value: setAt(value, ['zzUnknownField'], 1) };
          const s = f.schema;
          // numbers JavaScript prints in exponent form, the smallest denormal, the largest double
          const numeric = (s.type === 'number' || s.type === 'integer') && n % 3 === 2;
          const v = numeric
            ? [1e-7, 5e-324, 1e21, 1.7976931348623157e308, 123.456789][Math.floor(n / 3) % 5]
            : typeof s.maximum === 'number' && n % 2
              ? s.maximum + 1 + (n % 1000)
              : typeof s.minimum === 'number'
                ? s.minimum - 1 - (n % 1000)
                : typeof s.maxLength === 'number'
                  ? 'x'.repeat(s.maxLength + 1)
                  : typeof s.maxItems === 'number'
                    ? Array.from({ length: s.maxItems + 1 }, () => getAt(value, [...f.path, '0']) ?? 1)
                    : s.maximum + 1;
          return { mutation, where: f.path.join('.'), value: setAt(value, f.path, v) };
        }
        case 'bad-format': {
          const f = choose((x) => typeOf(x) === 'string' && (!!x.schema.format || !!x.schema.enum));
          if (!f) return { mutation, where: '(body)', value: value === undefined ? 'x' : [value] };
          const bad = f.schema.enum
            ? `${String(f.schema.enum[0])}_NOT_A_VALUE`
            : f.schema.format === 'uuid'
              ? ['not-a-uuid', '00000000-0000-0000-0000-00000000000g', "1' OR '1'='1"][n % 3]
              : f.schema.format === 'date'
                ? ['2024-02-30', '2024-13-01', 'yesterday', '99999-01-01', '2024-1-1'][n % 5]
                : f.schema.format === 'date-time'
                  ? ['2024-02-30T25:61:00Z', 'now', '1e999'][n % 3]
                  : f.schema.format === 'email'
                    ? ['no-at-sign', 'a@', '@b.c'][n % 3]
                    : 'x';
          return { mutation, where: f.path.join('.'), value: setAt(value, f.path, bad) };
        }
      }
    });
}

export function getAt(root: unknown, path: string[]): unknown {
  let cur = root as Record<string, unknown> | undefined;
  for (const p of path) cur = cur && typeof cur === 'object' ? (cur[p] as Record<string, unknown>) : undefined;
  return cur;
}

// ---------------------------------------------------------------------------------------------------------
// Path ids and query strings

/** encodeURIComponent that does not throw on lone surrogates: they go out as the (invalid UTF-8) bytes they would be. */
export function encodeLoose(v: string): string {
  return v
    .replace(/[\ud800-\udfff]/g, (c, i: number, all: string) => {
      const code = c.charCodeAt(0);
      const pairedHigh = code <= 0xdbff && /[\udc00-\udfff]/.test(all[i + 1] ?? '');
      const pairedLow = code >= 0xdc00 && /[\ud800-\udbff]/.test(all[i - 1] ?? '');
      return pairedHigh || pairedLow ? c : `\u0000LONE${code.toString(16)}\u0000`;
    })
    .split(/\u0000LONE([0-9a-f]{4})\u0000/)
    .map((part, i) =>
      i % 2
        ? `%${(0xe0 | (parseInt(part, 16) >> 12)).toString(16)}%${(0x80 | ((parseInt(part, 16) >> 6) & 0x3f)).toString(16)}%${(0x80 | (parseInt(part, 16) & 0x3f)).toString(16)}`
        : encodeURIComponent(part),
    )
    .join('');
}

export const MALFORMED_IDS = [
  'not-a-uuid',
  '1',
  '-1',
  '0',
  '00000000-0000-0000-0000-00000000000g',
  "1' OR '1'='1",
  '%00',
  '..%2F..%2Fetc',
  'null',
  'undefined',
  '🙂',
  'a'.repeat(300),
  '00000000000000000000000000000000',
];

export type IdKind = 'known' | 'random' | 'malformed';

export function pathValueArb(ctx: GenContext, name: string, s: Schema): fc.Arbitrary<{ kind: IdKind; value: string }> {
  const fs = flatten(ctx.doc, s);
  if (fs.enum?.length)
    return fc.oneof(
      fc.constantFrom(...(fs.enum as string[])).map((value) => ({ kind: 'known' as IdKind, value })),
      fc.constantFrom(...MALFORMED_IDS).map((value) => ({ kind: 'malformed' as IdKind, value })),
    );
  if (/id$/i.test(name) || fs.format === 'uuid')
    return fc.oneof(
      {
        weight: 3,
        arbitrary: uuidArb(ctx, name).map((value) => ({ kind: (ctx.idPool().includes(value) ? 'known' : 'random') as IdKind, value })),
      },
      { weight: 1, arbitrary: fc.constantFrom(...MALFORMED_IDS).map((value) => ({ kind: 'malformed' as IdKind, value })) },
    );
  // free text segments (certificate numbers, target types)
  return fc
    .oneof(
      fc.stringMatching(/^[A-Z]{2,5}-[0-9A-Z]{4,10}$/),
      fc.constantFrom('case', 'session', 'recording', 'supervision_session', ...MALFORMED_IDS),
    )
    .map((value) => ({ kind: 'random' as IdKind, value }));
}

export interface QueryParam {
  name: string;
  required?: boolean;
  schema?: Schema;
}

/** A valid query (documented params only, values of their schema). */
export function validQueryArb(ctx: GenContext, params: QueryParam[]): fc.Arbitrary<Record<string, string>> {
  const rec: Record<string, fc.Arbitrary<unknown>> = {};
  for (const p of params) {
    const s = flatten(ctx.doc, p.schema);
    rec[p.name] =
      p.name === 'limit'
        ? fc.integer({ min: 1, max: 100 })
        : p.name === 'cursor'
          ? fc.constant(undefined)
          : validArb(ctx, { ...s, nullable: false }, 0, p.name);
  }
  return fc.record(rec, { requiredKeys: params.filter((p) => p.required).map((p) => p.name) }).map((q) => {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(q))
      if (v !== undefined && v !== null) out[k] = typeof v === 'object' ? JSON.stringify(v) : String(v);
    return out;
  });
}

/** A query with one hostile or invalid parameter (or an unknown one, or a repeated one). */
export function invalidQueryArb(ctx: GenContext, params: QueryParam[]): fc.Arbitrary<{ where: string; query: string }> {
  return fc.tuple(validQueryArb(ctx, params), fc.nat(), hostileString).map(([q, n, hostile]) => {
    const names = params.map((p) => p.name);
    const name = names.length ? names[n % names.length] : 'zzUnknown';
    const bad = [
      'abc',
      '-1',
      '0',
      '100000',
      '1e309',
      '1.5',
      hostile,
      'x'.repeat(5000),
      "' OR 1=1 --",
      'CASE WHEN 1=1 THEN pg_sleep(2) END',
      '2024-02-30',
      'not-a-uuid',
      '!!!',
      '[object Object]',
      'eyJpZCI6IngifQ',
      Buffer.from('{"k":["x"],"id":"\'"}').toString('base64url'),
    ][Math.floor(n / Math.max(1, names.length)) % 16];
    const parts = Object.entries(q)
      .filter(([k]) => k !== name)
      .map(([k, v]) => `${encodeLoose(k)}=${encodeLoose(v)}`);
    const mode = n % 5;
    if (mode === 0) parts.push(`zzUnknown=1`);
    else if (mode === 1)
      parts.push(`${encodeURIComponent(name)}=1`, `${encodeURIComponent(name)}=2`); // repeated → array
    else if (mode === 2) parts.push(`${encodeURIComponent(name)}[a]=1`);
    else parts.push(`${encodeURIComponent(name)}=${encodeLoose(bad)}`);
    return { where: mode === 0 ? 'zzUnknown' : name, query: parts.join('&') };
  });
}
