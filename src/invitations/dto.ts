import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsEnum, IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH } from '../auth/password-policy';
import { Role } from '../common/roles';
import type { InvitationState } from './invitation-rules';

const trimLower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const STATES: InvitationState[] = ['pending', 'accepted', 'expired', 'withdrawn'];

export class CreateInvitationDto {
  @ApiProperty({ example: 'new.supervisor@example.org' })
  @Transform(trimLower)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ enum: Role, enumName: 'Role', description: 'A role within the body (not ADMIN)' })
  @IsEnum(Role)
  role!: Role;
}

export class InvitationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) bodyId!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: Role, enumName: 'Role' }) role!: Role;
  @ApiProperty({ enum: STATES }) state!: InvitationState;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ description: 'How many times the link was mailed (each resend mails a new link)' }) sendCount!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) acceptedAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) withdrawnAt!: string | null;
}

export class InvitationListDto {
  @ApiProperty({ type: [InvitationDto] }) items!: InvitationDto[];
}

export class ListInvitationsQuery {
  @ApiPropertyOptional({ enum: STATES })
  @IsOptional()
  @IsIn(STATES)
  state?: InvitationState;
}

export class InvitationTokenDto {
  @ApiProperty({ description: 'The token from the invitation link' })
  @IsString()
  @Length(10, 100)
  token!: string;
}

export class AcceptInvitationDto extends InvitationTokenDto {
  @ApiProperty({ example: 'Alex Example' })
  @Transform(trim)
  @IsString()
  @Length(1, 120)
  displayName!: string;

  @ApiProperty({ minLength: 12, description: 'At least 12 characters; common passwords are refused' })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH * 4)
  password!: string;
}

export class InvitationPreviewDto {
  @ApiProperty() bodyName!: string;
  @ApiProperty({ enum: Role, enumName: 'Role' }) role!: Role;
  @ApiProperty({ description: 'The invited address, masked (j***@example.org)' }) emailMasked!: string;
  @ApiProperty({ description: 'An account with the invited address exists: sign in with it and accept, instead of setting a password' })
  accountExists!: boolean;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}

export class InvitationAcceptedDto {
  @ApiProperty({ enum: Role, enumName: 'Role' }) role!: Role;
  @ApiProperty({ format: 'uuid' }) bodyId!: string;
  @ApiProperty() bodyName!: string;
  @ApiProperty() email!: string;
}
