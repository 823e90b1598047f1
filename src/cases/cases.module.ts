import { Module } from '@nestjs/common';
import { CaseAccess } from './case-access.service';
import { CaseContentEdits } from './case-edits';
import { CaseReviewService } from './case-review.service';
import { CaseWorkflowController } from './case-workflow.controller';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';
import { ReviewQueueController } from './review-queue.controller';
import { RiskFlagController } from './risk-flag.controller';
import { RiskFlagService } from './risk-flag.service';
import { TherapySessionsService } from './therapy-sessions.service';

@Module({
  controllers: [CasesController, CaseWorkflowController, ReviewQueueController, RiskFlagController],
  providers: [CaseAccess, CaseContentEdits, CasesService, CaseReviewService, TherapySessionsService, RiskFlagService],
  exports: [CaseAccess, CaseContentEdits],
})
export class CasesModule {}
