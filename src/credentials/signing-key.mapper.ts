import { JWS_ALG } from './credential';
import type { PublicJwkDto, SigningKeyDto } from './dto';
import type { BodySigningKey } from './signing-key.entity';

// Only the public half ever leaves the service.
export const toPublicJwkDto = (k: BodySigningKey): PublicJwkDto => ({
  kty: k.publicJwk.kty,
  crv: k.publicJwk.crv,
  x: k.publicJwk.x,
  kid: k.id,
  alg: JWS_ALG,
  use: 'sig',
});

export const toSigningKeyDto = (k: BodySigningKey): SigningKeyDto => ({
  kid: k.id,
  bodyId: k.bodyId,
  status: k.status,
  publicJwk: toPublicJwkDto(k),
  createdAt: k.createdAt.toISOString(),
  retiredAt: k.retiredAt?.toISOString() ?? null,
});
