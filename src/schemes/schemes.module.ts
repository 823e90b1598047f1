import { Module } from '@nestjs/common';
import { ProgressService } from './progress.service';
import { RecordLoader } from './record-loader';
import { ReferenceSchemesController } from './reference-schemes.controller';
import { ReferenceSchemesService } from './reference-schemes.service';
import { SchemesController } from './schemes.controller';
import { SchemesService } from './schemes.service';

@Module({
  controllers: [SchemesController, ReferenceSchemesController],
  providers: [SchemesService, ProgressService, RecordLoader, ReferenceSchemesService],
  exports: [ProgressService, RecordLoader],
})
export class SchemesModule {}
