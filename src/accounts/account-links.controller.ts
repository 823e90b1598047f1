import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiNoContentResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { Public, RequirePermission } from '../auth/decorators';
import { Permission } from '../auth/permissions';
import { ErrorResponseDto } from '../common/error-response.dto';
import { Ctx, type AuthedCtx, type RequestCtx } from '../common/request-context';
import { AccountLinksService } from './account-links.service';
import { ChangeEmailDto, LinkSentDto, LinkTokenDto, PasswordResetCompleteDto, PasswordResetRequestDto } from './dto';

@ApiTags('account')
@Controller()
export class AccountLinksController {
  constructor(private readonly links: AccountLinksService) {}

  @Post('auth/password-reset')
  @Public('Ask for a password-reset link by e-mail')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: LinkSentDto, description: 'The same answer whether or not the address has an account' })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto })
  requestReset(@Ctx() ctx: RequestCtx, @Body() dto: PasswordResetRequestDto): Promise<LinkSentDto> {
    return this.links.requestPasswordReset(ctx, dto.email);
  }

  @Post('auth/password-reset/complete')
  @Public('Set a new password with the token of a reset link')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Password set; every session of the account is ended' })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'INVALID_LINK_TOKEN, or WEAK_PASSWORD' })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto })
  completeReset(@Ctx() ctx: RequestCtx, @Body() dto: PasswordResetCompleteDto): Promise<void> {
    return this.links.completePasswordReset(ctx, dto);
  }

  @Post('auth/verify-email')
  @Public('Confirm the address of a new account with the token of its link')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The address is confirmed' })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto })
  verify(@Ctx() ctx: RequestCtx, @Body() dto: LinkTokenDto): Promise<void> {
    return this.links.verifyEmail(ctx, dto.token);
  }

  @Post('auth/confirm-email-change')
  @Public('Confirm a new e-mail address with the token of the link sent to it')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The account now has the new address; the old address is told' })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto })
  confirmChange(@Ctx() ctx: RequestCtx, @Body() dto: LinkTokenDto): Promise<void> {
    return this.links.confirmEmailChange(ctx, dto.token);
  }

  @Post('me/email')
  @HttpCode(202)
  @RequirePermission(Permission.Self, 'Ask to change your e-mail address (confirmed from the new address)')
  @ApiAcceptedResponse({ type: LinkSentDto })
  changeEmail(@Ctx() ctx: AuthedCtx, @Body() dto: ChangeEmailDto): Promise<LinkSentDto> {
    return this.links.requestEmailChange(ctx, dto);
  }
}
