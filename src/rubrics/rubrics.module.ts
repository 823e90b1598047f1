import { Module } from '@nestjs/common';
import { RubricsController, RubricVersionsController } from './rubrics.controller';
import { RubricsService } from './rubrics.service';

@Module({ controllers: [RubricsController, RubricVersionsController], providers: [RubricsService], exports: [RubricsService] })
export class RubricsModule {}
