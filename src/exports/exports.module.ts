import { Module } from '@nestjs/common';
import { AccreditationsModule } from '../accreditations/accreditations.module';
import { BodyExportsService } from './body-exports.service';
import { CertificatesService } from './certificates.service';
import { BodyExportsController, CertificatesController, RecordExportController } from './exports.controller';
import { RecordExportService } from './record-export.service';

// What leaves the service as files: printable certificates and body exports, a person's whole record.
@Module({
  imports: [AccreditationsModule],
  controllers: [CertificatesController, BodyExportsController, RecordExportController],
  providers: [CertificatesService, BodyExportsService, RecordExportService],
})
export class ExportsModule {}
