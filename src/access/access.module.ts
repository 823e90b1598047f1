import { Global, Module } from '@nestjs/common';
import { CaseAccess } from './case-access';
import { RecordAccessService } from './record-access.service';

@Global()
@Module({ providers: [RecordAccessService, CaseAccess], exports: [RecordAccessService, CaseAccess] })
export class AccessModule {}
