import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { SigningKeyStatus } from './signing-key.entity';

export class PublicJwkDto {
  @ApiProperty({ example: 'OKP' }) kty!: string;
  @ApiProperty({ example: 'Ed25519' }) crv!: string;
  @ApiProperty({ description: 'The public key (base64url)' }) x!: string;
  @ApiProperty({ description: 'Key id, as in the kid header of credentials it signed' }) kid!: string;
  @ApiProperty({ example: 'EdDSA' }) alg!: string;
  @ApiProperty({ example: 'sig' }) use!: string;
}

export class JwksDto {
  @ApiProperty({ type: [PublicJwkDto], description: 'Active and retired keys of the body, newest first' }) keys!: PublicJwkDto[];
}

export class SigningKeyDto {
  @ApiProperty({ format: 'uuid' }) kid!: string;
  @ApiProperty({ format: 'uuid' }) bodyId!: string;
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
  @ApiProperty({ description: 'The signed credential (compact JWS, alg EdDSA, typ vc+jwt)' }) jws!: string;
  @ApiProperty({ type: Object, description: 'The decoded payload: an Open Badges 3.0 OpenBadgeCredential' }) credential!: Record<string, unknown>;
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
