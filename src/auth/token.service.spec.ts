import { SignJWT } from 'jose';
import { loadConfig } from '../config/env';
import { hashRefreshToken, newRefreshToken, TokenService } from './token.service';

const config = loadConfig({ JWT_SECRET: 's'.repeat(40) });
const tokens = new TokenService(config);
const key = new TextEncoder().encode(config.JWT_SECRET);
const claims = { sub: '6f1c1b7e-1111-4c3b-9c55-1f2a3b4c5d6e', sid: '7a2d2c8f-2222-4d4c-8d66-2e3b4c5d6e7f' };

describe('access tokens', () => {
  it('round-trips subject and session id', async () => {
    expect(await tokens.verifyAccess(await tokens.signAccess(claims))).toEqual(claims);
  });
  it('refuses a token signed with another algorithm even with the right key', async () => {
    const hs512 = await new SignJWT({ sid: claims.sid })
      .setProtectedHeader({ alg: 'HS512', typ: 'at+jwt' })
      .setSubject(claims.sub)
      .setIssuer(config.JWT_ISSUER)
      .setAudience(config.JWT_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(key);
    expect(await tokens.verifyAccess(hs512)).toBeNull();
  });
  it('refuses a token without the access-token type (e.g. some other JWT signed with the same key)', async () => {
    const other = await new SignJWT({ sid: claims.sid })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.sub)
      .setIssuer(config.JWT_ISSUER)
      .setAudience(config.JWT_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(key);
    expect(await tokens.verifyAccess(other)).toBeNull();
  });
});

describe('refresh tokens', () => {
  it('are 256-bit random and stored only as a SHA-256 hex digest', () => {
    const a = newRefreshToken();
    expect(Buffer.from(a, 'base64url')).toHaveLength(32);
    expect(a).not.toBe(newRefreshToken());
    expect(hashRefreshToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashRefreshToken(a)).not.toContain(a);
  });
});
