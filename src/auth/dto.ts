import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, IsUUID, Length, MaxLength, MinLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH } from './password-policy';

const trimLower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class SignInDto {
  @ApiProperty({ example: 'trainee.uk@demo.ipt.example' })
  @Transform(trimLower)
  @IsString()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'correct horse battery staple' })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH * 4)
  password!: string;
}

export class RegisterDto {
  @ApiProperty({ example: 'new.trainee@example.org' })
  @Transform(trimLower)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ minLength: 12, description: 'At least 12 characters; common passwords are refused' })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH * 4)
  password!: string;

  @ApiProperty({ example: 'Alex Example' })
  @Transform(trim)
  @IsString()
  @Length(1, 120)
  displayName!: string;

  @ApiProperty({
    format: 'uuid',
    description: 'The body the trainee trains with, by id (see GET /bodies; several bodies may share a country)',
  })
  @IsUUID('all', { message: 'bodyId must be a UUID' })
  bodyId!: string;
}

export const REGISTRATION_ACCEPTED_MESSAGE =
  'Registration received. If this e-mail address had no account, it has one now: sign in with it and the password you chose. ' +
  'If it already had an account, that account is unchanged: sign in with its existing password.';

// The same answer whether or not the e-mail already had an account: registration is no way to find out.
export class RegistrationAcceptedDto {
  @ApiProperty({ enum: ['accepted'] }) status!: 'accepted';
  @ApiProperty({ example: 'new.trainee@example.org', description: 'The e-mail as it will be used to sign in (trimmed, lower case)' })
  email!: string;
  @ApiProperty({ example: REGISTRATION_ACCEPTED_MESSAGE }) message!: string;
}

export class RefreshDto {
  @ApiProperty()
  @IsString()
  @MinLength(16)
  @MaxLength(200)
  refreshToken!: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH * 4)
  currentPassword!: string;

  @ApiProperty({ minLength: 12 })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH * 4)
  newPassword!: string;
}

export class TokenPairDto {
  @ApiProperty({ description: 'JWT access token (Bearer), short-lived' })
  accessToken!: string;

  @ApiProperty({ example: 'Bearer' })
  tokenType!: 'Bearer';

  @ApiProperty({ description: 'Seconds until the access token expires' })
  expiresIn!: number;

  @ApiProperty({ description: 'Opaque refresh token; single use, rotated on every refresh' })
  refreshToken!: string;

  @ApiProperty({ format: 'date-time' })
  refreshExpiresAt!: string;
}
