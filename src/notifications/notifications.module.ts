import { Global, Module } from '@nestjs/common';
import { RegistrationNotice } from '../auth/registration-notice';
import { Mailer } from './mailer';
import { NotificationWorker } from './notification-worker';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { MailedRegistrationNotice } from './registration-notice.mailer';

// Global: any feature enqueues a notification inside its own UnitOfWork (`notifications.enqueue(em, notice)`).
@Global()
@Module({
  controllers: [NotificationsController],
  providers: [NotificationsService, NotificationWorker, Mailer, { provide: RegistrationNotice, useClass: MailedRegistrationNotice }],
  exports: [NotificationsService, RegistrationNotice],
})
export class NotificationsModule {}
