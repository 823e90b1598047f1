import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public, RequirePermission } from '../auth/decorators';
import { Permission } from '../auth/permissions';
import { Ctx, type AuthedCtx } from '../common/request-context';
import { UuidPipe } from '../common/uuid';
import { BodiesService } from './bodies.service';
import { BodyDto, CreateBodyDto } from './dto';

@ApiTags('bodies')
@Controller('bodies')
export class BodiesController {
  constructor(private readonly bodies: BodiesService) {}

  // public: people choose their body (by id) when they register
  @Get()
  @Public('List accrediting bodies')
  @ApiOkResponse({ type: [BodyDto] })
  list(): Promise<BodyDto[]> {
    return this.bodies.list();
  }

  @Get(':id')
  @Public('Get an accrediting body')
  @ApiOkResponse({ type: BodyDto })
  get(@Param('id', UuidPipe) id: string): Promise<BodyDto> {
    return this.bodies.get(id);
  }

  @Post()
  @RequirePermission(Permission.BodiesManage, 'Create an accrediting body')
  @ApiCreatedResponse({ type: BodyDto })
  create(@Ctx() ctx: AuthedCtx, @Body() dto: CreateBodyDto): Promise<BodyDto> {
    return this.bodies.create(ctx, dto);
  }
}
