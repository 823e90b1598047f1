import { Global, Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { EmailVerification } from '../auth/email-verification';
import { AccountLinksController } from './account-links.controller';
import { AccountLinksService } from './account-links.service';

// Global: AuthService (registration) asks for EmailVerification, which this module provides.
@Global()
@Module({
  imports: [AuthModule],
  controllers: [AccountLinksController],
  providers: [AccountLinksService, { provide: EmailVerification, useExisting: AccountLinksService }],
  exports: [EmailVerification],
})
export class AccountLinksModule {}
