import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../auth/decorators';
import { Permission } from '../auth/permissions';
import { Ctx, type AuthedCtx } from '../common/request-context';
import { UuidPipe } from '../common/uuid';
import {
  ListNotificationsQuery,
  MarkedReadDto,
  NotificationDto,
  NotificationPageDto,
  NotificationPreferencesDto,
  UpdateNotificationPreferencesDto,
} from './dto';
import { NotificationsService } from './notifications.service';

@ApiTags('account')
@Controller('me')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get('notifications')
  @RequirePermission(Permission.Self, 'List my notifications, with the unread count')
  @ApiOkResponse({ type: NotificationPageDto, description: 'Newest first, with the unread count' })
  list(@Ctx() ctx: AuthedCtx, @Query() q: ListNotificationsQuery): Promise<NotificationPageDto> {
    return this.notifications.list(ctx, q);
  }

  @Post('notifications/read-all')
  @HttpCode(200)
  @RequirePermission(Permission.Self, 'Mark all my notifications read')
  @ApiOkResponse({ type: MarkedReadDto })
  readAll(@Ctx() ctx: AuthedCtx): Promise<MarkedReadDto> {
    return this.notifications.markAllRead(ctx);
  }

  @Post('notifications/:id/read')
  @HttpCode(200)
  @RequirePermission(Permission.Self, 'Mark one of my notifications read')
  @ApiOkResponse({ type: NotificationDto })
  read(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string): Promise<NotificationDto> {
    return this.notifications.markRead(ctx, id);
  }

  @Get('notification-preferences')
  @RequirePermission(Permission.Self, 'Get my notification preference')
  @ApiOkResponse({ type: NotificationPreferencesDto })
  preferences(@Ctx() ctx: AuthedCtx): Promise<NotificationPreferencesDto> {
    return this.notifications.preferences(ctx);
  }

  @Put('notification-preferences')
  @RequirePermission(Permission.Self, 'Set my notification preference (immediately, daily digest or off)')
  @ApiOkResponse({ type: NotificationPreferencesDto })
  setPreferences(@Ctx() ctx: AuthedCtx, @Body() dto: UpdateNotificationPreferencesDto): Promise<NotificationPreferencesDto> {
    return this.notifications.setPreferences(ctx, dto);
  }
}
