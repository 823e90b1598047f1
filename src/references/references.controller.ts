import { Body, Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { Public, RequirePermission } from '../auth/decorators';
import { Permission } from '../auth/permissions';
import { ErrorResponseDto } from '../common/error-response.dto';
import { Ctx, type AuthedCtx, type RequestCtx } from '../common/request-context';
import { UuidPipe } from '../common/uuid';
import { PublicRateLimitGuard } from '../register/public-rate-limit.guard';
import {
  CreateReferenceDto,
  ListReferencesQuery,
  ReferenceDto,
  ReferenceListDto,
  ReferencePreviewDto,
  ReferenceSubmittedDto,
  ReferenceTokenDto,
  ReferenceWithTextDto,
  ReferenceWithTextListDto,
  SubmitReferenceDto,
} from './dto';
import { ReferencesService } from './references.service';

@ApiTags('references')
@Controller()
export class ReferencesController {
  constructor(private readonly references: ReferencesService) {}

  @Post('me/references')
  @RequirePermission(Permission.ApplicationsApply, 'Ask a referee for a reference for a body (the referee gets a single-use link)')
  @ApiCreatedResponse({ type: ReferenceDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'A pending request to this referee for this body and kind exists' })
  request(@Ctx() ctx: AuthedCtx, @Body() dto: CreateReferenceDto): Promise<ReferenceDto> {
    return this.references.request(ctx, dto);
  }

  @Get('me/references')
  @RequirePermission(Permission.ApplicationsApply, 'List the references you asked for, with their state (never their text)')
  @ApiOkResponse({ type: ReferenceListDto })
  listOwn(@Ctx() ctx: AuthedCtx, @Query() q: ListReferencesQuery): Promise<ReferenceListDto> {
    return this.references.listOwn(ctx, q);
  }

  @Post('me/references/:id/resend')
  @HttpCode(200)
  @RequirePermission(Permission.ApplicationsApply, 'Mail the referee a new link (the old one stops working)')
  @ApiOkResponse({ type: ReferenceDto })
  resend(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string): Promise<ReferenceDto> {
    return this.references.resend(ctx, id);
  }

  @Post('me/references/:id/cancel')
  @HttpCode(200)
  @RequirePermission(Permission.ApplicationsApply, 'Cancel a reference request the referee has not answered')
  @ApiOkResponse({ type: ReferenceDto })
  cancel(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string): Promise<ReferenceDto> {
    return this.references.cancel(ctx, id);
  }

  @Get('bodies/:bodyId/references')
  @RequirePermission(Permission.ApplicationsDecide, 'List the references given for a body, with their text')
  @ApiOkResponse({ type: ReferenceWithTextListDto })
  listForBody(
    @Ctx() ctx: AuthedCtx,
    @Param('bodyId', UuidPipe) bodyId: string,
    @Query() q: ListReferencesQuery,
  ): Promise<ReferenceWithTextListDto> {
    return this.references.listForBody(ctx, bodyId, q);
  }

  @Get('references/:id')
  @RequirePermission(Permission.ApplicationsDecide, 'Read a reference given for a body you administer')
  @ApiOkResponse({ type: ReferenceWithTextDto })
  get(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string): Promise<ReferenceWithTextDto> {
    return this.references.getForBody(ctx, id);
  }

  // the token travels in the body, never in a URL (URLs end up in logs)
  @Post('references/preview')
  @UseGuards(PublicRateLimitGuard)
  @Public('Look up a reference request by its link token (who asks, for which body, what kind)')
  @HttpCode(200)
  @ApiOkResponse({ type: ReferencePreviewDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Unknown or replaced link' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Already submitted, cancelled or expired' })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto })
  preview(@Ctx() ctx: RequestCtx, @Body() dto: ReferenceTokenDto): Promise<ReferencePreviewDto> {
    return this.references.preview(ctx, dto.token);
  }

  @Post('references/submit')
  @UseGuards(PublicRateLimitGuard)
  @Public('Write the reference through the link (once; no account needed)')
  @HttpCode(200)
  @ApiOkResponse({ type: ReferenceSubmittedDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Unknown or replaced link' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Already submitted, cancelled or expired: a link works once' })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto })
  submit(@Ctx() ctx: RequestCtx, @Body() dto: SubmitReferenceDto): Promise<ReferenceSubmittedDto> {
    return this.references.submit(ctx, dto);
  }
}
