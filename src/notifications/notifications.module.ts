import { Global, Module } from '@nestjs/common';
import { Mailer } from './mailer';
import { NotificationWorker } from './notification-worker';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

// Global: any feature enqueues a notification inside its own UnitOfWork (`notifications.enqueue(em, notice)`).
@Global()
@Module({
  controllers: [NotificationsController],
  providers: [NotificationsService, NotificationWorker, Mailer],
  exports: [NotificationsService],
})
export class NotificationsModule {}
