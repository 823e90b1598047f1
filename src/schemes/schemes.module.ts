import { Module } from '@nestjs/common';
import { EnrolmentDatesService } from './enrolment-dates.service';
import { ProgressService } from './progress.service';
import { RecordLoader } from './record-loader';
import { SchemesController } from './schemes.controller';
import { SchemeReferenceChecker } from './scheme-reference-checker';
import { SchemesService } from './schemes.service';

@Module({
  controllers: [SchemesController],
  providers: [SchemesService, ProgressService, RecordLoader, SchemeReferenceChecker, EnrolmentDatesService],
  exports: [ProgressService, RecordLoader],
})
export class SchemesModule {}
