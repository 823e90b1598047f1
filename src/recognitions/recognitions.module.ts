import { Module } from '@nestjs/common';
import { RegisterModule } from '../register/register.module';
import { SchemesModule } from '../schemes/schemes.module';
import { RecognitionRoutes } from './recognition-routes.service';
import { RecognitionsController } from './recognitions.controller';
import { RecognitionsService } from './recognitions.service';

// Recognition between bodies: one body's level counted as another's, with top-up rules (see README).
@Module({
  imports: [SchemesModule, RegisterModule],
  controllers: [RecognitionsController],
  providers: [RecognitionsService, RecognitionRoutes],
  exports: [RecognitionRoutes],
})
export class RecognitionsModule {}
