import { Module } from '@nestjs/common';
import { AccreditationsModule } from '../accreditations/accreditations.module';
import { InvitationsModule } from '../invitations/invitations.module';
import { ImportsController } from './imports.controller';
import { RecordImportService } from './record-import.service';
import { RegisterImportService } from './register-import.service';

// Files that come into the service: a body's register of existing holders, a trainee's record (CSV or XLSX).
@Module({
  imports: [AccreditationsModule, InvitationsModule],
  controllers: [ImportsController],
  providers: [RegisterImportService, RecordImportService],
})
export class ImportsModule {}
