import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { InstrumentsController } from './instruments.controller';
import { InstrumentsService } from './instruments.service';
import { MeasuresController } from './measures.controller';
import { MeasuresService } from './measures.service';

@Module({
  imports: [CasesModule],
  controllers: [MeasuresController, InstrumentsController],
  providers: [MeasuresService, InstrumentsService],
})
export class MeasuresModule {}
