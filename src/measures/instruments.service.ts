import { Injectable } from '@nestjs/common';
import type { InstrumentListDto } from './dto';
import { toInstrumentDto } from './instrument.mapper';
import { INSTRUMENTS } from './instruments';

// The instruments the service scores, as the scoring uses them (one source: instruments.ts). Kept behind a service
// so that moving the definitions into the database changes this class, not the route or its clients.
@Injectable()
export class InstrumentsService {
  list(): InstrumentListDto {
    return { items: Object.values(INSTRUMENTS).map(toInstrumentDto) };
  }
}
