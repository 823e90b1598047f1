import { Module } from '@nestjs/common';
import { EnrolmentDatesService } from './enrolment-dates.service';
import { ProgressService } from './progress.service';
import { RecordLoader } from './record-loader';
import { SchemesController } from './schemes.controller';
import { SchemesService } from './schemes.service';

@Module({
  controllers: [SchemesController],
  providers: [SchemesService, ProgressService, RecordLoader, EnrolmentDatesService],
  exports: [ProgressService, RecordLoader],
})
export class SchemesModule {}
