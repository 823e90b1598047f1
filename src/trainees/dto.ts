import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { CoreProfession } from './trainee-profile.entity';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const dateMsg = (f: string) => ({ message: `${f} must be a date (YYYY-MM-DD)` });

export class LicenceInput {
  @ApiProperty({ description: 'Issuing jurisdiction, e.g. a country code or a state', example: 'GB', maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  jurisdiction!: string;

  @ApiProperty({ description: 'Licence or registration number', maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  number!: string;

  @ApiProperty({ format: 'date', description: 'May be in the past: the licence is then flagged expired' })
  @Matches(DATE, dateMsg('expiresOn'))
  @IsISO8601({ strict: true }, dateMsg('expiresOn'))
  expiresOn!: string;
}

export class MembershipInput {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  bodyId!: string;

  @ApiProperty({ format: 'date' })
  @Matches(DATE, dateMsg('from'))
  @IsISO8601({ strict: true }, dateMsg('from'))
  from!: string;

  @ApiProperty({ format: 'date', nullable: true, type: String, description: 'null while the membership is current' })
  @IsOptional()
  @Matches(DATE, dateMsg('to'))
  @IsISO8601({ strict: true }, dateMsg('to'))
  to!: string | null;
}

export const MAX_LICENCES = 20;
export const MAX_MEMBERSHIPS = 20;

export class PutProfileDto {
  @ApiPropertyOptional({ maxLength: 120, description: "Updates the account's display name as well" })
  @IsOptional()
  @IsString()
  @Length(1, 120)
  displayName?: string;

  @ApiProperty({ example: 'GB', description: 'ISO 3166-1 alpha-2, upper case' })
  @IsString()
  @Matches(/^[A-Z]{2}$/, { message: 'countryCode must be two upper-case letters (ISO 3166-1 alpha-2)' })
  countryCode!: string;

  @ApiProperty({ format: 'uuid', description: 'A body in which you hold TRAINEE' })
  @IsUUID('all')
  homeBodyId!: string;

  @ApiProperty({ enum: CoreProfession, enumName: 'CoreProfession' })
  @IsEnum(CoreProfession)
  coreProfession!: CoreProfession;

  @ApiProperty({ type: [LicenceInput], maxItems: MAX_LICENCES })
  @IsArray()
  @ArrayMaxSize(MAX_LICENCES)
  @ValidateNested({ each: true })
  @Type(() => LicenceInput)
  licences!: LicenceInput[];

  @ApiProperty({ type: [MembershipInput], maxItems: MAX_MEMBERSHIPS })
  @IsArray()
  @ArrayMaxSize(MAX_MEMBERSHIPS)
  @ValidateNested({ each: true })
  @Type(() => MembershipInput)
  memberships!: MembershipInput[];
}

export class LicenceDto {
  @ApiProperty() jurisdiction!: string;
  @ApiProperty() number!: string;
  @ApiProperty({ format: 'date' }) expiresOn!: string;
  @ApiProperty({ description: 'true when expiresOn is before today (kept, but flagged)' }) expired!: boolean;
}

export class MembershipDto {
  @ApiProperty({ format: 'uuid' }) bodyId!: string;
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date', nullable: true, type: String }) to!: string | null;
}

export class ProfileDto {
  @ApiProperty({ format: 'uuid' }) traineeId!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty() countryCode!: string;
  @ApiProperty({ format: 'uuid' }) homeBodyId!: string;
  @ApiProperty({ enum: CoreProfession, enumName: 'CoreProfession' }) coreProfession!: CoreProfession;
  @ApiProperty({ type: [LicenceDto] }) licences!: LicenceDto[];
  @ApiProperty({ type: [MembershipDto] }) memberships!: MembershipDto[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty() version!: number;
}
