import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { MeasuresController } from './measures.controller';
import { MeasuresService } from './measures.service';

@Module({ imports: [CasesModule], controllers: [MeasuresController], providers: [MeasuresService] })
export class MeasuresModule {}
