import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEnum, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { BodyKind } from './body.entity';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class BodyDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'UK-IPT' }) code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: BodyKind, enumName: 'BodyKind' }) kind!: BodyKind;
  @ApiProperty({ nullable: true, type: String, example: 'GB', description: 'ISO 3166-1 alpha-2' }) countryCode!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) parentId!: string | null;
}

export class CreateBodyDto {
  @ApiProperty({ example: 'DE-IPT', description: 'Short unique code: capitals, digits and dashes' })
  @IsString()
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,31}$/, { message: 'code must be 2–32 capitals, digits or dashes' })
  code!: string;

  @ApiProperty({ example: 'Deutsche Gesellschaft für IPT' })
  @Transform(trim)
  @IsString()
  @Length(2, 200)
  name!: string;

  @ApiProperty({ enum: BodyKind, enumName: 'BodyKind' })
  @IsEnum(BodyKind)
  kind!: BodyKind;

  @ApiPropertyOptional({
    example: 'DE',
    description: 'ISO 3166-1 alpha-2; required for a national or regional body (several bodies may share a country)',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z]{2}$/, { message: 'countryCode must be an ISO 3166-1 alpha-2 code such as GB' })
  countryCode?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The body this one belongs to: international for a national body, national for a regional one (required), any for other',
  })
  @IsOptional()
  @IsUUID('all', { message: 'parentId must be a UUID' })
  parentId?: string;
}
