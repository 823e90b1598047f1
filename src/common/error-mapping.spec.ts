import { NotFoundException } from '@nestjs/common';
import { mapError } from './error-mapping';
import { conflict } from './errors';

describe('mapError', () => {
  it('keeps a domain error as it is', () => {
    expect(mapError(conflict('CLIENT_CODE_TAKEN', 'y')).body).toEqual({
      statusCode: 409,
      code: 'CLIENT_CODE_TAKEN',
      message: 'y',
      details: undefined,
    });
  });
  it('turns a database that is away into 503 with Retry-After, never 500', () => {
    for (const err of [
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      new Error('timeout exceeded when trying to connect'),
      Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' }),
      { driverError: { code: '57P01' }, message: 'terminating connection due to administrator command' },
      new Error('PGlite is closed'),
    ]) {
      const m = mapError(err);
      expect(m.body.statusCode).toBe(503);
      expect(m.headers?.['Retry-After']).toBeDefined();
    }
  });
  it('answers an unanticipated unique violation with 409', () => {
    expect(mapError({ code: '23505', message: 'duplicate key' }).body.statusCode).toBe(409);
  });
  it('answers a NUL byte the database cannot store with 400, not 500', () => {
    expect(mapError({ code: '22021', message: 'invalid byte sequence for encoding "UTF8": 0x00' }).body).toMatchObject({
      statusCode: 400,
      code: 'BAD_REQUEST',
    });
  });
  it('hides the internals of anything unexpected', () => {
    const m = mapError(new TypeError('secret internals'));
    expect(m.body).toEqual({ statusCode: 500, code: 'INTERNAL_ERROR', message: 'Internal server error' });
    expect(m.unexpected).toBe(true);
  });
  it('gives framework HTTP errors the same shape', () => {
    expect(mapError(new NotFoundException('Cannot GET /x')).body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
  });
});
