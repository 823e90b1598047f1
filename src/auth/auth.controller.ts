import { Body, Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ErrorResponseDto } from '../common/error-response.dto';
import { type AppRequest, Ctx, type AuthedCtx, type RequestCtx, toRequestCtx } from '../common/request-context';
import type { User } from '../users/user.entity';
import { AuthService } from './auth.service';
import { Public, RequirePermission } from './decorators';
import { RefreshDto, RegisterDto, RegistrationAcceptedDto, SignInDto, TokenPairDto } from './dto';
import { LocalAuthGuard } from './local-auth.guard';
import { Permission } from './permissions';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('register')
  @Public('Register a trainee account')
  @HttpCode(202)
  @ApiAcceptedResponse({
    type: RegistrationAcceptedDto,
    description:
      'The same answer whether or not the e-mail already had an account: a new e-mail gets a trainee account in the chosen national body; an existing account is left unchanged',
  })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto })
  register(@Ctx() ctx: RequestCtx, @Body() dto: RegisterDto): Promise<RegistrationAcceptedDto> {
    return this.auth.register(ctx, dto);
  }

  @Post('sign-in')
  @Public('Sign in with e-mail and password')
  @HttpCode(200)
  @UseGuards(LocalAuthGuard)
  @ApiBody({ type: SignInDto })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'Unknown e-mail and wrong password answer identically' })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto })
  signIn(@Req() req: AppRequest & { user: User }): Promise<TokenPairDto> {
    return this.auth.signIn(toRequestCtx(req), req.user);
  }

  @Post('refresh')
  @Public('Exchange a refresh token for a new token pair')
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPairDto, description: 'A new pair; the presented refresh token is spent' })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'Invalid, expired or reused (the session is then revoked)' })
  refresh(@Ctx() ctx: RequestCtx, @Body() dto: RefreshDto): Promise<TokenPairDto> {
    return this.auth.refresh(ctx, dto.refreshToken);
  }

  @Post('sign-out')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The session of this access token has ended' })
  @RequirePermission(Permission.Self, 'Sign out (end this session)')
  signOut(@Ctx() ctx: AuthedCtx): Promise<void> {
    return this.auth.signOut(ctx);
  }
}
