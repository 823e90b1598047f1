import { Module } from '@nestjs/common';
import { SchemesModule } from '../schemes/schemes.module';
import { AccreditationExpiryService } from './accreditation-expiry.service';
import { AccreditationIssuance } from './accreditation-issuance.service';
import { AccreditationRestoreService } from './accreditation-restore.service';
import { AccreditationRemindersService } from './accreditation-reminders.service';
import { AccreditationRenewalsService } from './accreditation-renewals.service';
import { AccreditationsController, RenewalAuditsController } from './accreditations.controller';
import { AccreditationsService } from './accreditations.service';
import { RenewalAuditsService } from './renewal-audits.service';
import { BodyPipelineService } from './body-pipeline.service';

@Module({
  imports: [SchemesModule],
  controllers: [AccreditationsController, RenewalAuditsController],
  providers: [
    AccreditationsService,
    AccreditationRenewalsService,
    AccreditationExpiryService,
    AccreditationRemindersService,
    AccreditationIssuance,
    AccreditationRestoreService,
    RenewalAuditsService,
    BodyPipelineService,
  ],
  exports: [AccreditationIssuance, AccreditationRenewalsService],
})
export class AccreditationsModule {}
