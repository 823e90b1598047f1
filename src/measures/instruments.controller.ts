import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../auth/decorators';
import { Permission } from '../auth/permissions';
import { InstrumentListDto } from './dto';
import { InstrumentsService } from './instruments.service';

// Reference data, but read by the people who enter and review measures: every role holds records:read.
@ApiTags('measures')
@Controller('instruments')
export class InstrumentsController {
  constructor(private readonly instruments: InstrumentsService) {}

  @Get()
  @RequirePermission(Permission.RecordsRead, 'List the outcome instruments: items, ranges, severity bands, risk items')
  @ApiOkResponse({
    type: InstrumentListDto,
    description: 'The outcome-measure instruments the service scores: items and their ranges, total range, severity bands, risk items',
  })
  list(): InstrumentListDto {
    return this.instruments.list();
  }
}
