import { Module } from '@nestjs/common';
import { EnrolmentDatesService } from './enrolment-dates.service';
import { ProgressService } from './progress.service';
import { RecordLoader } from './record-loader';
import { ReferenceSchemesController } from './reference-schemes.controller';
import { ReferenceSchemesService } from './reference-schemes.service';
import { SchemesController } from './schemes.controller';
import { SchemeReferenceChecker } from './scheme-reference-checker';
import { SchemesService } from './schemes.service';

@Module({
  controllers: [SchemesController, ReferenceSchemesController],
  providers: [SchemesService, ProgressService, RecordLoader, SchemeReferenceChecker, EnrolmentDatesService, ReferenceSchemesService],
  exports: [ProgressService, RecordLoader, SchemeReferenceChecker],
})
export class SchemesModule {}
