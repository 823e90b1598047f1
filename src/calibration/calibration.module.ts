import { Module } from '@nestjs/common';
import { CalibrationAttemptsService } from './calibration-attempts.service';
import { CalibrationExercisesController, CalibrationRatersController, RubricReliabilityController } from './calibration.controller';
import { CalibrationExercisesService } from './calibration-exercises.service';
import { CalibrationRemindersService } from './calibration-reminders.service';
import { RubricReliabilityService } from './rubric-reliability.service';

@Module({
  controllers: [CalibrationExercisesController, CalibrationRatersController, RubricReliabilityController],
  providers: [CalibrationExercisesService, CalibrationAttemptsService, RubricReliabilityService, CalibrationRemindersService],
})
export class CalibrationModule {}
