import { Module } from '@nestjs/common';
import { SupervisionSessionsController, TraineeSupervisionController } from './supervision-sessions.controller';
import { SupervisionSessionsService } from './supervision-sessions.service';
import { TraineeSupervisionService } from './trainee-supervision.service';

@Module({
  controllers: [SupervisionSessionsController, TraineeSupervisionController],
  providers: [SupervisionSessionsService, TraineeSupervisionService],
})
export class SupervisionSessionsModule {}
