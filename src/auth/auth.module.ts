import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { LocalStrategy } from './local.strategy';
import { RateLimiter } from './rate-limiter';
import { TokenService } from './token.service';

@Module({
  imports: [PassportModule.register({ session: false })],
  controllers: [AuthController],
  providers: [AuthService, TokenService, RateLimiter, LocalStrategy, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService, TokenService, RateLimiter],
})
export class AuthModule {}
