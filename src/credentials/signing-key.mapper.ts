import { verifyUrls } from './credential';
import type { PublicJwkDto, SigningKeyDto } from './dto';
import type { BodySigningKey } from './signing-key.entity';

// Only the public half ever leaves the service. The JWK's kid is the key's URL: the same string as the
// `kid` header of what it signed, and the address at which this JWK alone is served.
export const toPublicJwkDto = (k: BodySigningKey, baseUrl: string): PublicJwkDto => ({
  ...k.publicJwk,
  kty: k.publicJwk.kty,
  kid: verifyUrls(baseUrl).key(k.bodyId, k.id),
  alg: k.alg,
  use: 'sig',
});

export const toSigningKeyDto = (k: BodySigningKey, baseUrl: string): SigningKeyDto => ({
  kid: k.id,
  bodyId: k.bodyId,
  alg: k.alg,
  status: k.status,
  publicJwk: toPublicJwkDto(k, baseUrl),
  createdAt: k.createdAt.toISOString(),
  retiredAt: k.retiredAt?.toISOString() ?? null,
});
