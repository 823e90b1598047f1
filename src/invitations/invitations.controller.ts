import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
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
import {
  AcceptInvitationDto,
  CreateInvitationDto,
  InvitationAcceptedDto,
  InvitationDto,
  InvitationListDto,
  InvitationPreviewDto,
  InvitationTokenDto,
  ListInvitationsQuery,
} from './dto';
import { InvitationsService } from './invitations.service';

@ApiTags('invitations')
@Controller()
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Post('bodies/:bodyId/invitations')
  @RequirePermission(Permission.RolesGrant, 'Invite a person by e-mail to a role in the body')
  @ApiCreatedResponse({ type: InvitationDto, description: 'Created; the link is mailed to the address' })
  @ApiConflictResponse({ type: ErrorResponseDto })
  create(@Ctx() ctx: AuthedCtx, @Param('bodyId', UuidPipe) bodyId: string, @Body() dto: CreateInvitationDto): Promise<InvitationDto> {
    return this.invitations.create(ctx, bodyId, dto);
  }

  @Get('bodies/:bodyId/invitations')
  @RequirePermission(Permission.RolesGrant, 'List the invitations of a body, with their state')
  @ApiOkResponse({ type: InvitationListDto })
  list(@Ctx() ctx: AuthedCtx, @Param('bodyId', UuidPipe) bodyId: string, @Query() q: ListInvitationsQuery): Promise<InvitationListDto> {
    return this.invitations.list(ctx, bodyId, q);
  }

  @Post('invitations/:id/resend')
  @HttpCode(200)
  @RequirePermission(Permission.RolesGrant, 'Resend an invitation (a new link; the old one stops working)')
  @ApiOkResponse({ type: InvitationDto })
  resend(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string): Promise<InvitationDto> {
    return this.invitations.resend(ctx, id);
  }

  @Post('invitations/:id/withdraw')
  @HttpCode(200)
  @RequirePermission(Permission.RolesGrant, 'Withdraw an invitation')
  @ApiOkResponse({ type: InvitationDto })
  withdraw(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string): Promise<InvitationDto> {
    return this.invitations.withdraw(ctx, id);
  }

  // the token travels in the body, never in a URL (URLs end up in logs)
  @Post('invitations/preview')
  @Public('Look up an invitation by its link token (body, role, masked address)')
  @HttpCode(200)
  @ApiOkResponse({ type: InvitationPreviewDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Unknown or replaced link' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Accepted, withdrawn or expired' })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto })
  preview(@Ctx() ctx: RequestCtx, @Body() dto: InvitationTokenDto): Promise<InvitationPreviewDto> {
    return this.invitations.preview(ctx, dto.token);
  }

  @Post('invitations/accept')
  @Public('Accept an invitation with a new account (display name and password)')
  @HttpCode(200)
  @ApiOkResponse({ type: InvitationAcceptedDto, description: 'The account exists with the role; sign in with the invited address' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Not pending, or an account with the address exists (sign in and accept)' })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto })
  accept(@Ctx() ctx: RequestCtx, @Body() dto: AcceptInvitationDto): Promise<InvitationAcceptedDto> {
    return this.invitations.acceptWithNewAccount(ctx, dto);
  }

  @Post('me/invitations/accept')
  @HttpCode(200)
  @RequirePermission(Permission.Self, 'Accept an invitation to your signed-in account (its address must be the invited one)')
  @ApiOkResponse({ type: InvitationAcceptedDto })
  acceptSignedIn(@Ctx() ctx: AuthedCtx, @Body() dto: InvitationTokenDto): Promise<InvitationAcceptedDto> {
    return this.invitations.acceptSignedIn(ctx, dto.token);
  }
}
