import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { codesWithStatus, ERROR_CODES, type ErrorCode, isErrorCode, NOT_FOUND_CODES, statusOf } from './error-codes';
import { badRequest, conflict, DomainError, forbidden, invalid, notFound, unauthorized, unprocessable } from './errors';

const SRC = join(process.cwd(), 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [p] : [];
  });
}

const sources = sourceFiles(SRC).map((file) => ({ file, text: readFileSync(file, 'utf8') }));
const codes = Object.keys(ERROR_CODES) as ErrorCode[];

describe('the error code list', () => {
  it('gives every code an HTTP error status and a description', () => {
    for (const code of codes) {
      expect(code).toMatch(/^[A-Z][A-Z0-9_]*$/);
      expect(ERROR_CODES[code].status).toBeGreaterThanOrEqual(400);
      expect(ERROR_CODES[code].status).toBeLessThan(600);
      expect(ERROR_CODES[code].description.length).toBeGreaterThan(5);
    }
  });

  it('names a code for every not-found entity, each with status 404', () => {
    for (const [entity, code] of Object.entries(NOT_FOUND_CODES)) {
      expect(statusOf(code)).toBe(404);
      expect(code).toBe(`${entity.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_NOT_FOUND`);
    }
  });

  it('holds every code a throw site in src/ names (a code passed to a helper or written into a body)', () => {
    // `conflict('X', …)`, `badRequest('X', …)`, `unprocessable('X', …)`, `new DomainError('X', …)`, `deny('X', …)`,
    // `errorBody('X', …)`, the trailing code argument of `forbidden/unauthorized/invalid(…, 'X')`, and `code: 'X'`
    const patterns = [
      /\b(?:conflict|badRequest|unprocessable|deny|errorBody)\(\s*'([A-Z][A-Z0-9_]*)'/g,
      /new DomainError\(\s*'([A-Z][A-Z0-9_]*)'/g,
      /\b(?:forbidden|unauthorized|invalid)\([^;]*?,\s*'([A-Z][A-Z0-9_]*)'\)/g,
    ];
    const used = new Set<string>();
    for (const { file, text } of sources) {
      for (const re of patterns) for (const m of text.matchAll(re)) used.add(`${m[1]} (${file.slice(SRC.length + 1)})`);
    }
    expect(used.size).toBeGreaterThan(80);
    const unknown = [...used].filter((u) => !isErrorCode(u.split(' ')[0]));
    expect(unknown).toEqual([]);
  });

  it('has no code that nothing in src/ answers with', () => {
    const text = sources
      .filter((s) => !s.file.endsWith('error-codes.ts'))
      .map((s) => s.text)
      .join('\n');
    const notFoundEntities = new Set<string>(Object.values(NOT_FOUND_CODES));
    const unused = codes.filter((c) => !notFoundEntities.has(c) && !text.includes(`'${c}'`));
    expect(unused).toEqual([]);
    const entities = Object.keys(NOT_FOUND_CODES).filter((e) => !text.includes(`'${e}'`));
    expect(entities).toEqual([]);
  });

  it('lists the codes of one status', () => {
    expect(codesWithStatus(412)).toEqual(['PRECONDITION_FAILED']);
    expect(codesWithStatus(409)).toContain('CLIENT_CODE_TAKEN');
  });
});

describe('a throw site', () => {
  it('gets the status that belongs to its code', () => {
    expect(conflict('CLIENT_CODE_TAKEN', 'taken').status).toBe(409);
    expect(badRequest('WEAK_PASSWORD', 'weak').status).toBe(400);
    expect(invalid('field', 'bad').code).toBe('VALIDATION_FAILED');
    expect(forbidden().status).toBe(403);
    expect(unauthorized().code).toBe('UNAUTHENTICATED');
    expect(unprocessable('RENEWAL_RULES_UNMET', 'unmet').status).toBe(422);
    expect(new DomainError('SHUTTING_DOWN', 'bye').status).toBe(503);
  });

  it('answers not-found with the explicit code of the entity', () => {
    const e = notFound('Supervision relationship');
    expect([e.status, e.code, e.message]).toEqual([404, 'SUPERVISION_RELATIONSHIP_NOT_FOUND', 'Supervision relationship not found']);
  });

  it('cannot name an unknown code, or a code with another status (checked by `npm run typecheck`)', () => {
    // never called: each line must fail to compile, or @ts-expect-error itself fails the typecheck
    const refusedAtCompileTime = () => [
      // @ts-expect-error a code that is not in the list does not compile
      conflict('NO_SUCH_CODE', 'x'),
      // @ts-expect-error a 400 code cannot be thrown as a conflict (409)
      conflict('VALIDATION_FAILED', 'x'),
      // @ts-expect-error a 409 code cannot be thrown as forbidden (403)
      forbidden('x', 'CLIENT_CODE_TAKEN'),
      // @ts-expect-error an entity without a listed not-found code does not compile
      notFound('Spaceship'),
      // @ts-expect-error a status is not passed any more: it belongs to the code
      new DomainError(409, 'CLIENT_CODE_TAKEN', 'x'),
    ];
    expect(refusedAtCompileTime).toBeInstanceOf(Function);
  });
});
