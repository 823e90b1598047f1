import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { REFERENCE_KIND, REFERENCE_STATES, type ReferenceState } from './reference-rules';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const trimLower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

export class CreateReferenceDto {
  @ApiProperty({ format: 'uuid', description: 'The body the reference is for (one you belong to)' })
  @IsUUID('all', { message: 'bodyId must be a UUID' })
  bodyId!: string;

  @ApiProperty({ example: 'clinical', description: 'What kind of reference, as schemes count it: clinical, character, supervisor …' })
  @Transform(trimLower)
  @IsString()
  @Matches(REFERENCE_KIND, { message: 'kind must be 2–40 lower-case letters, digits or "_", e.g. clinical' })
  kind!: string;

  @ApiProperty({ maxLength: 120, example: 'Dr Robin Referee' })
  @Transform(trim)
  @IsString()
  @Length(1, 120)
  refereeName!: string;

  @ApiProperty({ example: 'robin.referee@example.org' })
  @Transform(trimLower)
  @IsEmail({}, { message: 'refereeEmail must be an e-mail address' })
  @MaxLength(254)
  refereeEmail!: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: "The referee's account, if they have one" })
  @IsOptional()
  @IsUUID('all', { message: 'refereeUserId must be a UUID' })
  refereeUserId?: string | null;

  @ApiProperty({ maxLength: 200, example: 'Clinical supervisor on the ward, 2022–2024' })
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  relation!: string;
}

/** What the applicant sees: the request and its state, never the text. */
export class ReferenceDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) applicantId!: string;
  @ApiProperty({ format: 'uuid' }) bodyId!: string;
  @ApiProperty() kind!: string;
  @ApiProperty() refereeName!: string;
  @ApiProperty() refereeEmail!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) refereeUserId!: string | null;
  @ApiProperty() relation!: string;
  @ApiProperty({ enum: REFERENCE_STATES }) state!: ReferenceState;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ description: 'How many times the link was mailed (each resend mails a new link)' }) sendCount!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) submittedAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) cancelledAt!: string | null;
}

export class ReferenceListDto {
  @ApiProperty({ type: [ReferenceDto] }) items!: ReferenceDto[];
}

/** What the body's admins read: the request, and what the referee wrote. */
export class ReferenceWithTextDto extends ReferenceDto {
  @ApiProperty() applicantName!: string;
  @ApiProperty({ nullable: true, type: String }) text!: string | null;
  @ApiProperty({ nullable: true, type: Boolean }) recommend!: boolean | null;
  @ApiProperty({ nullable: true, type: Number, minimum: 1, maximum: 5 }) rating!: number | null;
}

export class ReferenceWithTextListDto {
  @ApiProperty({ type: [ReferenceWithTextDto] }) items!: ReferenceWithTextDto[];
}

export class ListReferencesQuery {
  @ApiPropertyOptional({ enum: REFERENCE_STATES })
  @IsOptional()
  @IsIn(REFERENCE_STATES)
  state?: ReferenceState;
}

export class ReferenceTokenDto {
  @ApiProperty({ description: 'The token from the reference link' })
  @IsString()
  @Length(10, 100)
  token!: string;
}

/** What the referee's page shows before they write. */
export class ReferencePreviewDto {
  @ApiProperty() applicantName!: string;
  @ApiProperty() bodyName!: string;
  @ApiProperty() kind!: string;
  @ApiProperty() refereeName!: string;
  @ApiProperty() relation!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}

export class SubmitReferenceDto extends ReferenceTokenDto {
  @ApiProperty({ minLength: 20, maxLength: 20000, description: 'The reference, plain text' })
  @Transform(trim)
  @IsString()
  @Length(20, 20000, { message: 'text must be between 20 and 20000 characters' })
  text!: string;

  @ApiPropertyOptional({ description: 'Do you recommend the applicant?' })
  @IsOptional()
  @IsBoolean()
  recommend?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: 5, description: '1 (weak) … 5 (outstanding)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  rating?: number;
}

export class ReferenceSubmittedDto {
  @ApiProperty() applicantName!: string;
  @ApiProperty() bodyName!: string;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
}
