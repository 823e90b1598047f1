import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { SIGNING_ALGS } from './credential';
import { SigningKeyStatus } from './signing-key.entity';

export class PublicJwkDto {
  @ApiProperty({ example: 'RSA', description: 'RSA (RS256), EC (ES256) or OKP (EdDSA, keys made before OB 3.0 JWT proofs)' }) kty!: string;
  @ApiPropertyOptional({ example: 'P-256', description: 'EC and OKP keys' }) crv?: string;
  @ApiPropertyOptional({ description: 'EC and OKP keys (base64url)' }) x?: string;
  @ApiPropertyOptional({ description: 'EC keys (base64url)' }) y?: string;
  @ApiPropertyOptional({ description: 'RSA modulus (base64url)' }) n?: string;
  @ApiPropertyOptional({ description: 'RSA exponent (base64url)' }) e?: string;
  @ApiProperty({ description: "The key's URL: the kid header of what it signed, and where this JWK alone is served" }) kid!: string;
  @ApiProperty({ enum: SIGNING_ALGS, example: 'RS256' }) alg!: string;
  @ApiProperty({ example: 'sig' }) use!: string;
}

export class JwksDto {
  @ApiProperty({ type: [PublicJwkDto], description: 'Active and retired keys of the body, newest first' }) keys!: PublicJwkDto[];
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The kid of the key that signs from now on; null before the body has signed anything',
  })
  current!: string | null;
}

export class SigningKeyDto {
  @ApiProperty({ format: 'uuid' }) kid!: string;
  @ApiProperty({ format: 'uuid' }) bodyId!: string;
  @ApiProperty({ enum: SIGNING_ALGS }) alg!: string;
  @ApiProperty({ enum: SigningKeyStatus, enumName: 'SigningKeyStatus' }) status!: SigningKeyStatus;
  @ApiProperty({ type: PublicJwkDto }) publicJwk!: PublicJwkDto;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) retiredAt!: string | null;
}

export class RotatedKeysDto {
  @ApiProperty({ type: SigningKeyDto, description: 'The new key; every credential from now on is signed with it' }) active!: SigningKeyDto;
  @ApiProperty({ type: SigningKeyDto, nullable: true, description: 'The key it replaces: retired, still published for verification' })
  retired!: SigningKeyDto | null;
}

export class CredentialDownloadDto {
  @ApiProperty({ format: 'uuid' }) accreditationId!: string;
  @ApiProperty() certificateNumber!: string;
  @ApiProperty({ example: 'application/vc+jwt' }) mediaType!: string;
  @ApiProperty({
    description: 'The signed credential: a compact JWS per the Open Badges 3.0 JWT proof format (header alg, kid URL, typ JWT)',
  })
  jws!: string;
  @ApiProperty({ type: Object, description: 'The decoded payload: an Open Badges 3.0 OpenBadgeCredential' }) credential!: Record<
    string,
    unknown
  >;
}

export class UpdatePublicListingDto {
  @ApiProperty({ description: 'Whether the holder agrees to appear in the public register' })
  @IsBoolean()
  publicListing!: boolean;
}

export class PublicListingDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() certificateNumber!: string;
  @ApiProperty() publicListing!: boolean;
  @ApiProperty() version!: number;
}
