import { Module } from '@nestjs/common';
import { SchemesModule } from '../schemes/schemes.module';
import { WhatIfController } from './what-if.controller';
import { WhatIfService } from './what-if.service';

// Impact of a rule change: a draft scheme version evaluated over the body's whole population, nothing written.
@Module({
  imports: [SchemesModule],
  controllers: [WhatIfController],
  providers: [WhatIfService],
  exports: [WhatIfService],
})
export class WhatIfModule {}
