import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { AccreditationStatus } from '../accreditations/accreditation.entity';
import { PageQuery } from '../common/pagination';
import { countryCodeFor } from '../bodies/country-names';

export const VERIFICATION_RESULTS = ['valid', 'revoked', 'suspended', 'expired', 'lapsed', 'unknown', 'invalid_signature'] as const;
export type VerificationResult = (typeof VERIFICATION_RESULTS)[number];

export class VerifiedBodyDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String, description: 'ISO 3166-1 alpha-2; null for the international body' }) countryCode!:
    string | null;
}

export class VerifiedLevelDto {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'The noun the body uses for this level: "certified", "accredited", …' }) noun!: string;
  @ApiProperty({ description: 'The title a holder of this level bears' }) title!: string;
}

export class VerificationDto {
  @ApiProperty({
    enum: VERIFICATION_RESULTS,
    enumName: 'VerificationResult',
    description: '"unknown" (no such certificate) is answered 200 like the others',
  })
  result!: VerificationResult;

  @ApiProperty() certificateNumber!: string;

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Only when the holder consented to the public register, or for a presented credential',
  })
  holderName!: string | null;

  @ApiProperty({
    nullable: true,
    type: Boolean,
    description:
      "Whether the `name` given in the query is the holder's (case and spacing ignored); null when no name was given or the certificate is unknown",
  })
  nameMatches!: boolean | null;

  @ApiProperty({ type: VerifiedLevelDto, nullable: true }) level!: VerifiedLevelDto | null;
  @ApiProperty({ type: VerifiedBodyDto, nullable: true }) body!: VerifiedBodyDto | null;
  @ApiProperty({ format: 'date', nullable: true, type: String }) issuedOn!: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String }) expiresOn!: string | null;
  @ApiProperty({ enum: AccreditationStatus, enumName: 'AccreditationStatus', nullable: true, description: 'The recorded status' })
  status!: AccreditationStatus | null;
  @ApiProperty({ format: 'date-time' }) checkedAt!: string;
}

export class PresentedVerificationDto extends VerificationDto {
  @ApiProperty({
    nullable: true,
    type: String,
    description:
      'The kid of the key that signed it (its URL; a bare id in credentials signed before OB 3.0 JWT proofs); null when the signature did not verify',
  })
  kid!: string | null;
  @ApiProperty({ type: Object, nullable: true, description: 'The verified credential payload; null when the signature did not verify' })
  claims!: Record<string, unknown> | null;
}

export class VerifyByNumberQuery {
  @ApiPropertyOptional({
    description: 'The name you expect on the certificate: answered as nameMatches without revealing the recorded name',
  })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  name?: string;
}

export class VerifyCredentialDto {
  @ApiProperty({ description: 'The credential as presented: a compact JWS' })
  @IsString()
  @MaxLength(32_768)
  @Matches(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, { message: 'credential must be a compact JWS' })
  credential!: string;
}

export class CredentialStatusDto {
  @ApiProperty() certificateNumber!: string;
  @ApiProperty({ enum: AccreditationStatus, enumName: 'AccreditationStatus', description: 'The recorded status' })
  status!: AccreditationStatus;
  @ApiProperty({
    enum: VERIFICATION_RESULTS,
    enumName: 'VerificationResult',
    description: 'Where it stands today (an active one past its expiry date is expired)',
  })
  result!: VerificationResult;
  @ApiProperty({ format: 'date-time', description: 'When the status last changed' }) updatedAt!: string;
}

export class ProfileAddressDto {
  @ApiProperty({ type: [String], example: ['Address'] }) type!: string[];
  @ApiProperty({ description: 'ISO 3166-1 alpha-2' }) addressCountryCode!: string;
}

// An Open Badges 3.0 Profile (JSON-LD), plus this service's own members (bodyId, countryCode, jwksUrl),
// which the VC 2.0 context's @vocab covers.
export class IssuerProfileDto {
  @ApiProperty({
    name: '@context',
    type: [String],
    example: ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
  })
  '@context'!: string[];
  @ApiProperty({ description: 'The issuer id used in credentials: the URL of this document' }) id!: string;
  @ApiProperty({ type: [String], example: ['Profile'] }) type!: string[];
  @ApiProperty() name!: string;
  @ApiProperty() description!: string;
  @ApiPropertyOptional({ type: ProfileAddressDto, description: 'Absent for the international body' }) address?: ProfileAddressDto;
  @ApiProperty({ format: 'uuid' }) bodyId!: string;
  @ApiProperty({ nullable: true, type: String }) countryCode!: string | null;
  @ApiProperty({ description: "The body's public keys (JWKS)" }) jwksUrl!: string;
}

export class RegisterEntryDto {
  @ApiProperty() holderName!: string;
  @ApiProperty() certificateNumber!: string;
  @ApiProperty({ type: VerifiedBodyDto }) body!: VerifiedBodyDto;
  @ApiProperty({ type: VerifiedLevelDto }) level!: VerifiedLevelDto;
  @ApiProperty({ format: 'date' }) issuedOn!: string;
  @ApiProperty({ format: 'date', nullable: true, type: String }) expiresOn!: string | null;
  @ApiProperty({
    enum: [AccreditationStatus.Active, AccreditationStatus.Suspended],
    description: 'Suspended accreditations stay listed, marked as such',
  })
  status!: AccreditationStatus;
}

export class RegisterPageDto {
  @ApiProperty({ type: [RegisterEntryDto] }) items!: RegisterEntryDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class ListRegisterQuery extends PageQuery {
  @ApiPropertyOptional({
    description:
      'Country of the issuing body: its ISO 3166-1 alpha-2 code in any letter case, its English name, its own name, or a common alias ("GB", "uk", "United Kingdom", "Deutschland")',
    maxLength: 80,
  })
  @IsOptional()
  @Transform(({ value }) =>
    typeof value === 'string' && value.length <= 80 ? (countryCodeFor(value) ?? value.trim().toUpperCase()) : value,
  )
  @Matches(/^[A-Z]{2}$/, { message: 'country must be a country code or name, e.g. GB, UK or United Kingdom' })
  country?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  bodyId?: string;

  @ApiPropertyOptional({ description: 'Level code, e.g. B' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  level?: string;

  @ApiPropertyOptional({ description: "Case-insensitive part of the holder's name" })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  name?: string;
}
