import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, Length, MaxLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH } from '../auth/password-policy';

const trimLower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

export class PasswordResetRequestDto {
  @ApiProperty({ example: 'someone@example.org' })
  @Transform(trimLower)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;
}

export class LinkTokenDto {
  @ApiProperty({ description: 'The token from the mailed link' })
  @IsString()
  @Length(10, 100)
  token!: string;
}

export class PasswordResetCompleteDto extends LinkTokenDto {
  @ApiProperty({ minLength: 12, description: 'At least 12 characters; common passwords are refused' })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH * 4)
  password!: string;
}

export class ChangeEmailDto {
  @ApiProperty({ example: 'new.address@example.org' })
  @Transform(trimLower)
  @IsEmail({}, { message: 'newEmail must be an e-mail address' })
  @MaxLength(254)
  newEmail!: string;

  @ApiProperty({ description: 'The current password (a stolen session alone cannot move the account to another address)' })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH * 4)
  password!: string;
}

export const LINK_SENT_MESSAGE = 'If the address belongs to an account, a link has been sent to it.';

export class LinkSentDto {
  @ApiProperty({ enum: ['accepted'] }) status!: 'accepted';
  @ApiProperty({ example: LINK_SENT_MESSAGE }) message!: string;
}
