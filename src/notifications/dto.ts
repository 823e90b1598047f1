import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '../common/pagination';
import { EmailPreference } from './notification.entity';

export class NotificationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'case.submitted' }) kind!: string;
  @ApiProperty() subject!: string;
  @ApiProperty({ description: 'Plain-text body' }) text!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Absolute link to the record' }) link!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) readAt!: string | null;
}

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationDto] }) items!: NotificationDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
  @ApiProperty({ description: 'Unread notifications in all (not only this page)' }) unreadCount!: number;
}

export class ListNotificationsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: only unread ones' })
  @IsOptional()
  @IsIn(['true', 'false'])
  unread?: 'true' | 'false';
}

export class MarkedReadDto {
  @ApiProperty({ description: 'How many notifications were marked read' }) marked!: number;
}

export class NotificationPreferencesDto {
  @ApiProperty({
    enum: EmailPreference,
    enumName: 'EmailPreference',
    description: 'E-mail for notifications: at once, one daily digest, or none (the in-app list always has them)',
  })
  email!: EmailPreference;

  @ApiProperty({ enum: ['always'], description: 'Security mail (sign-in, password, e-mail address) is always sent' })
  securityEmail!: 'always';
}

export class UpdateNotificationPreferencesDto {
  @ApiProperty({ enum: EmailPreference, enumName: 'EmailPreference' })
  @IsEnum(EmailPreference)
  email!: EmailPreference;
}
