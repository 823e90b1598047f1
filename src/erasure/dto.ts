import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class EraseUserDto {
  @ApiProperty({
    minLength: 10,
    maxLength: 500,
    description: 'Why (e.g. "GDPR Art. 17 request, ticket 4711"). Kept in the audit trail: must not name the person.',
  })
  @IsString()
  @MinLength(10)
  @MaxLength(500)
  reason!: string;
}

export class ErasureDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['erased'] }) status!: 'erased';
  @ApiProperty({ description: 'The pseudonym now shown in place of the person (also on their accreditations)' }) pseudonym!: string;
  @ApiProperty({ format: 'date-time' }) erasedAt!: string;
  @ApiProperty({ description: 'Sessions (and their refresh tokens) deleted' }) sessionsDeleted!: number;
  @ApiProperty({ description: 'Accreditations now issued to the pseudonym (still verifiable by certificate number)' })
  accreditationsPseudonymised!: number;
  @ApiProperty({ description: "Rows of free text in which the person's e-mail or name was replaced" }) freeTextRowsScrubbed!: number;
  @ApiProperty({
    description: "Audit entries whose free text (reasons, comments) quoted the person's e-mail or name, now replaced by [erased]",
  })
  auditEntriesScrubbed!: number;
}
