import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { RecordSubmissionsController } from './record-submissions.controller';
import { RecordSubmissionsService } from './record-submissions.service';

@Module({ imports: [AuthModule], controllers: [RecordSubmissionsController], providers: [RecordSubmissionsService] })
export class RecordSubmissionsModule {}
