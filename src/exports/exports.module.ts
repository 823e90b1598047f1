import { Module } from '@nestjs/common';
import { AccreditationsModule } from '../accreditations/accreditations.module';
import { BodyExportsService } from './body-exports.service';
import { CertificatesService } from './certificates.service';
import { BodyExportsController, CertificatesController } from './exports.controller';

// What leaves the service as files: printable certificates and body exports (later: a trainee's whole record).
@Module({
  imports: [AccreditationsModule],
  controllers: [CertificatesController, BodyExportsController],
  providers: [CertificatesService, BodyExportsService],
})
export class ExportsModule {}
