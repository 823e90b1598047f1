import { Module } from '@nestjs/common';
import { CaseAccess } from './case-access.service';
import { CaseReviewService } from './case-review.service';
import { CaseWorkflowController } from './case-workflow.controller';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';
import { ReviewQueueController } from './review-queue.controller';
import { TherapySessionsService } from './therapy-sessions.service';

@Module({
  controllers: [CasesController, CaseWorkflowController, ReviewQueueController],
  providers: [CaseAccess, CasesService, CaseReviewService, TherapySessionsService],
  exports: [CaseAccess],
})
export class CasesModule {}
