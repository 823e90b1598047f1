import type { OpenAPIObject } from '@nestjs/swagger';
import { codesWithStatus, ERROR_CODES } from '../common/error-codes';
import { completeContract } from './contract';

/* eslint-disable @typescript-eslint/no-explicit-any */
const ok = (ref: string) => ({ description: 'ok', content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } } });

function sampleDoc(): any {
  return {
    openapi: '3.0.0',
    info: { title: 't', version: '1' },
    paths: {
      '/api/v1/bodies': { get: { summary: 'List bodies', responses: { 200: ok('BodyDto') } } },
      '/api/v1/cases/{id}': {
        patch: {
          summary: 'Edit a case',
          security: [{ bearer: [] }],
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/BodyDto' } } } },
          responses: { 200: ok('CaseDto'), 401: { description: 'Missing token' } },
        },
      },
      '/api/v1/cases': { post: { summary: 'Log a case', security: [{ bearer: [] }], responses: { 201: ok('CaseDto') } } },
    },
    components: {
      schemas: {
        Kind: { type: 'string', enum: ['a', 'b'] },
        BodyDto: { type: 'object', properties: { name: { type: 'string' } } },
        CaseDto: {
          type: 'object',
          properties: {
            version: { type: 'integer' },
            kind: { nullable: true, allOf: [{ $ref: '#/components/schemas/Kind' }] },
            body: { nullable: true, allOf: [{ $ref: '#/components/schemas/BodyDto' }] },
            other: { allOf: [{ $ref: '#/components/schemas/BodyDto' }] },
          },
        },
      },
    },
  };
}

describe('the OpenAPI contract', () => {
  const doc = completeContract(sampleDoc() as OpenAPIObject) as any;
  const publicGet = doc.paths['/api/v1/bodies'].get;
  const patch = doc.paths['/api/v1/cases/{id}'].patch;
  const post = doc.paths['/api/v1/cases'].post;

  it('marks a route without a security requirement public, and names a server', () => {
    expect(publicGet.security).toEqual([]);
    expect(patch.security).toEqual([{ bearer: [] }]);
    expect(doc.servers.length).toBeGreaterThan(0);
  });

  it('publishes every error code with its description', () => {
    expect(doc.components.schemas.ErrorCode.enum).toEqual(Object.keys(ERROR_CODES));
    expect(doc.components.schemas.ErrorCode['x-enum-descriptions'][0]).toBe(Object.values(ERROR_CODES)[0].description);
  });

  it('documents each error status in the one shape, naming only the codes of that status', () => {
    expect(Object.keys(patch.responses).sort()).toEqual(['200', '400', '401', '404', '409', '503', 'default']);
    expect(patch.responses['409'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ErrorResponse409' });
    expect(patch.responses['401'].description).toMatch(/^Missing token\. .*Codes: `UNAUTHENTICATED`/);
    const e409 = doc.components.schemas.ErrorResponse409;
    expect(e409.properties.code.enum).toEqual(codesWithStatus(409));
    expect(e409.properties.statusCode.enum).toEqual([409]);
    expect(doc.components.schemas.ErrorResponse412).toBeUndefined(); // no operation answers 412 here
  });

  it('gives 503 and 429 their Retry-After, and a public list no conflict or idempotency', () => {
    expect(publicGet.responses['503'].headers['Retry-After'].required).toBe(true);
    expect(Object.keys(publicGet.responses).sort()).toEqual(['200', '400', '503', 'default']);
    expect(publicGet.parameters).toBeUndefined();
  });

  it('takes an Idempotency-Key on an authenticated POST, with its 409 and 422', () => {
    expect(post.parameters).toEqual([expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: false })]);
    expect(post.responses['422'].description).toContain('IDEMPOTENCY_KEY_REUSED');
    expect(post.responses['201'].headers['Idempotent-Replayed']).toBeDefined();
    expect(patch.parameters.some((p: any) => p.name === 'Idempotency-Key')).toBe(false);
  });

  it('answers a versioned record with its ETag', () => {
    expect(patch.responses['200'].headers.ETag.required).toBe(true);
    expect(publicGet.responses['200'].headers).toBeUndefined();
  });

  it('writes nullable refs so that a 3.0 validator accepts null', () => {
    const props = doc.components.schemas.CaseDto.properties;
    expect(props.kind).toEqual({ type: 'string', nullable: true, enum: ['a', 'b', null] });
    expect(props.body.oneOf).toEqual([{ $ref: '#/components/schemas/BodyDto' }, expect.objectContaining({ nullable: true, enum: [null] })]);
    expect(props.other).toEqual({ $ref: '#/components/schemas/BodyDto' });
  });
});
