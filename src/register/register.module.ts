import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { PublicRateLimitGuard } from './public-rate-limit.guard';
import { RegisterController } from './register.controller';
import { RegisterService } from './register.service';
import { VerificationService } from './verification.service';
import { VerifyController } from './verify.controller';

// Public register and verification. CredentialIssuer and SigningKeysService come from the global CredentialsModule.
@Module({
  imports: [AuthModule],
  controllers: [VerifyController, RegisterController],
  providers: [VerificationService, RegisterService, PublicRateLimitGuard],
  exports: [VerificationService],
})
export class RegisterModule {}
