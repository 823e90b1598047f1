import { Module } from '@nestjs/common';
import { MeasuresController } from './measures.controller';
import { MeasuresService } from './measures.service';

// CaseAccess (who may see the case a measure belongs to) comes from the global AccessModule
@Module({ controllers: [MeasuresController], providers: [MeasuresService] })
export class MeasuresModule {}
