import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { Public } from '../auth/decorators';
import { ErrorResponseDto } from '../common/error-response.dto';
import { ListRegisterQuery, RegisterPageDto } from './dto';
import { PublicRateLimitGuard } from './public-rate-limit.guard';
import { RegisterService } from './register.service';

@ApiTags('register')
@Controller('register')
export class RegisterController {
  constructor(private readonly register: RegisterService) {}

  @Get()
  @Public('Search the public register')
  @UseGuards(PublicRateLimitGuard)
  @ApiOkResponse({ type: RegisterPageDto, description: 'Accredited clinicians who consented to be listed' })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto })
  list(@Query() query: ListRegisterQuery): Promise<RegisterPageDto> {
    return this.register.list(query);
  }
}
