import { Module } from '@nestjs/common';
import { ActivitiesController, TraineeActivitiesController } from './activities.controller';
import { ActivitiesService } from './activities.service';
import { ActivityQueriesService } from './activity-queries.service';

@Module({ controllers: [TraineeActivitiesController, ActivitiesController], providers: [ActivitiesService, ActivityQueriesService] })
export class ActivitiesModule {}
