import { Global, Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';
import { UnitOfWork } from './unit-of-work';

@Global()
@Module({ controllers: [AuditController], providers: [AuditService, UnitOfWork], exports: [UnitOfWork] })
export class AuditModule {}
