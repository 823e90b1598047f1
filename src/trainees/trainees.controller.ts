import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../auth/decorators';
import { Permission } from '../auth/permissions';
import { IfMatch } from '../common/etag';
import { Ctx, type AuthedCtx } from '../common/request-context';
import { UuidPipe } from '../common/uuid';
import { ProfileDto, PutProfileDto } from './dto';
import { TraineesService } from './trainees.service';

@ApiTags('trainees')
@Controller('trainees/:traineeId/profile')
export class TraineesController {
  constructor(private readonly trainees: TraineesService) {}

  @Get()
  @RequirePermission(Permission.RecordsRead, "Get a trainee's profile")
  @ApiOkResponse({ type: ProfileDto })
  get(@Ctx() ctx: AuthedCtx, @Param('traineeId', UuidPipe) traineeId: string): Promise<ProfileDto> {
    return this.trainees.getProfile(ctx, traineeId);
  }

  @Put()
  @RequirePermission(Permission.RecordsWrite, "Create or replace a trainee's profile")
  @ApiOkResponse({ type: ProfileDto, description: 'Created (send no If-Match) or replaced (If-Match required)' })
  put(
    @Ctx() ctx: AuthedCtx,
    @Param('traineeId', UuidPipe) traineeId: string,
    @Body() dto: PutProfileDto,
    @IfMatch() ifMatch?: string,
  ): Promise<ProfileDto> {
    return this.trainees.putProfile(ctx, traineeId, dto, ifMatch);
  }
}
