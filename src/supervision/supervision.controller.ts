import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../auth/decorators';
import { Permission } from '../auth/permissions';
import { Ctx, type AuthedCtx } from '../common/request-context';
import { UuidPipe } from '../common/uuid';
import {
  AssignSupervisionDto,
  EndSupervisionDto,
  FindSupervisorQuery,
  FoundSupervisorDto,
  ListRelationshipsQuery,
  RelationshipDto,
  RelationshipPageDto,
  RequestSupervisionDto,
} from './dto';
import { SupervisionService } from './supervision.service';

@ApiTags('supervision')
@Controller('supervision')
export class SupervisionController {
  constructor(private readonly supervision: SupervisionService) {}

  @Post('requests')
  @RequirePermission(Permission.RecordsWrite, 'Request supervision')
  @ApiCreatedResponse({ type: RelationshipDto, description: 'A trainee asks a supervisor of their body; status requested' })
  request(@Ctx() ctx: AuthedCtx, @Body() dto: RequestSupervisionDto): Promise<RelationshipDto> {
    return this.supervision.request(ctx, dto);
  }

  @Post('relationships')
  @RequirePermission(Permission.SupervisionAssign, 'Assign a supervisor')
  @ApiCreatedResponse({ type: RelationshipDto, description: "Assigned directly by the body's admin; status active" })
  assign(@Ctx() ctx: AuthedCtx, @Body() dto: AssignSupervisionDto): Promise<RelationshipDto> {
    return this.supervision.assign(ctx, dto);
  }

  @Get('supervisors')
  @RequirePermission(Permission.RecordsRead, 'Find a supervisor of any body by e-mail')
  @ApiOkResponse({
    type: [FoundSupervisorDto],
    description:
      'The active person holding SUPERVISOR in some body whose e-mail is exactly this one (none or one): for cross-border supervision',
  })
  findSupervisor(@Query() query: FindSupervisorQuery): Promise<FoundSupervisorDto[]> {
    return this.supervision.findSupervisor(query.email);
  }

  @Get('relationships')
  @RequirePermission(Permission.RecordsRead, 'List supervision relationships')
  @ApiOkResponse({ type: RelationshipPageDto })
  list(@Ctx() ctx: AuthedCtx, @Query() query: ListRelationshipsQuery): Promise<RelationshipPageDto> {
    return this.supervision.list(ctx, query);
  }

  @Get('relationships/:id')
  @RequirePermission(Permission.RecordsRead, 'Get a supervision relationship')
  @ApiOkResponse({ type: RelationshipDto })
  get(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string): Promise<RelationshipDto> {
    return this.supervision.get(ctx, id);
  }

  @Post('relationships/:id/accept')
  @HttpCode(200)
  @RequirePermission(Permission.RecordsReview, 'Accept a supervision request')
  @ApiOkResponse({ type: RelationshipDto })
  accept(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string): Promise<RelationshipDto> {
    return this.supervision.transition(ctx, id, 'accept');
  }

  @Post('relationships/:id/decline')
  @HttpCode(200)
  @RequirePermission(Permission.RecordsReview, 'Decline a supervision request')
  @ApiOkResponse({ type: RelationshipDto })
  decline(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string): Promise<RelationshipDto> {
    return this.supervision.transition(ctx, id, 'decline');
  }

  @Post('relationships/:id/cancel')
  @HttpCode(200)
  @RequirePermission(Permission.RecordsWrite, 'Cancel a supervision request')
  @ApiOkResponse({ type: RelationshipDto })
  cancel(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string): Promise<RelationshipDto> {
    return this.supervision.transition(ctx, id, 'cancel');
  }

  // Either party or the body's admin may end it, so the route needs only what all of them hold.
  @Post('relationships/:id/end')
  @HttpCode(200)
  @RequirePermission(Permission.RecordsRead, 'End a supervision relationship')
  @ApiOkResponse({ type: RelationshipDto })
  end(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string, @Body() dto: EndSupervisionDto): Promise<RelationshipDto> {
    return this.supervision.end(ctx, id, dto);
  }
}
