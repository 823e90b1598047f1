import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { PublicRateLimitGuard } from '../register/public-rate-limit.guard';
import { ReferencesController } from './references.controller';
import { ReferencesService } from './references.service';

@Module({ imports: [AuthModule], controllers: [ReferencesController], providers: [ReferencesService, PublicRateLimitGuard] })
export class ReferencesModule {}
