import { Module } from '@nestjs/common';
import { AccreditationsModule } from '../accreditations/accreditations.module';
import { RecognitionsModule } from '../recognitions/recognitions.module';
import { SchemesModule } from '../schemes/schemes.module';
import { ApplicationDecisionsService } from './application-decisions.service';
import { ApplicationsController } from './applications.controller';
import { ApplicationsService } from './applications.service';

@Module({
  imports: [SchemesModule, AccreditationsModule, RecognitionsModule],
  controllers: [ApplicationsController],
  providers: [ApplicationsService, ApplicationDecisionsService],
})
export class ApplicationsModule {}
