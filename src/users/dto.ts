import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEnum, IsIn, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { LANGUAGES, type Language } from '../common/languages';
import { Role } from '../common/roles';
import { PageQuery } from '../common/pagination';
import { UserStatus } from './user.entity';

export class GrantDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: Role, enumName: 'Role' }) role!: Role;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null for the global ADMIN role' }) bodyId!: string | null;
  @ApiProperty({ format: 'date-time' }) grantedAt!: string;
}

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: UserStatus, enumName: 'UserStatus' }) status!: UserStatus;
  @ApiProperty({ description: 'The owner confirmed the address (verification link, or an accepted invitation to it)' })
  emailVerified!: boolean;
  @ApiProperty({ type: [GrantDto] }) roles!: GrantDto[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class MeDto extends UserDto {
  @ApiProperty({ enum: LANGUAGES, nullable: true, type: String, description: 'The web app language chosen; null = follow the browser' })
  language!: Language | null;
}

export class SetLanguageDto {
  @ApiProperty({ enum: LANGUAGES })
  @IsIn(LANGUAGES, { message: `language must be one of: ${LANGUAGES.join(', ')}` })
  language!: Language;
}

export class UserPageDto {
  @ApiProperty({ type: [UserDto] }) items!: UserDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class ListUsersQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Case-insensitive match on e-mail or name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: UserStatus, enumName: 'UserStatus' })
  @IsOptional()
  @IsEnum(UserStatus)
  status?: UserStatus;

  @ApiPropertyOptional({ enum: Role, enumName: 'Role' })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  bodyId?: string;

  @ApiPropertyOptional({ enum: ['email', 'createdAt'], default: 'email' })
  @IsOptional()
  @IsIn(['email', 'createdAt'])
  sort?: 'email' | 'createdAt';
}

export class GrantRoleDto {
  @ApiProperty({ enum: Role, enumName: 'Role' })
  @IsEnum(Role)
  role!: Role;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for every role but ADMIN; must be absent for ADMIN' })
  @ValidateIf((o: GrantRoleDto) => o.role !== Role.Admin || o.bodyId !== undefined)
  @Transform(({ value }) => value)
  @IsUUID('all', { message: 'bodyId must be a UUID' })
  bodyId?: string;
}
