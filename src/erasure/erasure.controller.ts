import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../auth/decorators';
import { Permission } from '../auth/permissions';
import { Ctx, type AuthedCtx } from '../common/request-context';
import { UuidPipe } from '../common/uuid';
import { EraseUserDto, ErasureDto } from './dto';
import { ErasureService } from './erasure.service';

@ApiTags('users')
@Controller('users')
export class ErasureController {
  constructor(private readonly erasure: ErasureService) {}

  @Post(':id/erase')
  @HttpCode(200)
  @RequirePermission(Permission.UsersErase, "Erase a person's personal data")
  @ApiOkResponse({
    type: ErasureDto,
    description: 'Personal data removed or pseudonymised; accreditations stay verifiable under the pseudonym',
  })
  erase(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string, @Body() dto: EraseUserDto): Promise<ErasureDto> {
    return this.erasure.erase(ctx, id, dto);
  }
}
