import { Module } from '@nestjs/common';
import { RatingSummaryService } from './rating-summary.service';
import { RatingsController, RatingTargetsController } from './ratings.controller';
import { RatingsService } from './ratings.service';

@Module({ controllers: [RatingsController, RatingTargetsController], providers: [RatingsService, RatingSummaryService] })
export class RatingsModule {}
