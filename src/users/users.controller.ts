import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthService } from '../auth/auth.service';
import { RequirePermission } from '../auth/decorators';
import { ChangePasswordDto } from '../auth/dto';
import { Permission } from '../auth/permissions';
import { Ctx, type AuthedCtx } from '../common/request-context';
import { UuidPipe } from '../common/uuid';
import { GrantDto, GrantRoleDto, ListUsersQuery, MeDto, SetLanguageDto, UserDto, UserPageDto } from './dto';
import { UserStatus } from './user.entity';
import { UsersService } from './users.service';

@ApiTags('account')
@Controller('me')
export class MeController {
  constructor(
    private readonly users: UsersService,
    private readonly auth: AuthService,
  ) {}

  @Get()
  @RequirePermission(Permission.Self, 'Get the signed-in user')
  @ApiOkResponse({ type: MeDto })
  me(@Ctx() ctx: AuthedCtx): Promise<MeDto> {
    return this.users.me(ctx.actor.userId);
  }

  @Put('language')
  @HttpCode(204)
  @RequirePermission(Permission.Self, 'Remember the web app language you chose')
  @ApiNoContentResponse({ description: 'Remembered; GET /me returns it from now on' })
  setLanguage(@Ctx() ctx: AuthedCtx, @Body() dto: SetLanguageDto): Promise<void> {
    return this.users.setLanguage(ctx, dto.language);
  }

  @Post('password')
  @HttpCode(204)
  @RequirePermission(Permission.Self, 'Change your password')
  @ApiNoContentResponse({ description: 'Password changed; every other session of the account is ended' })
  changePassword(@Ctx() ctx: AuthedCtx, @Body() dto: ChangePasswordDto): Promise<void> {
    return this.auth.changePassword(ctx, dto);
  }
}

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @RequirePermission(Permission.UsersRead, 'List users')
  @ApiOkResponse({ type: UserPageDto })
  list(@Ctx() ctx: AuthedCtx, @Query() query: ListUsersQuery): Promise<UserPageDto> {
    return this.users.list(ctx, query);
  }

  @Get(':id')
  @RequirePermission(Permission.UsersRead, 'Get a user')
  @ApiOkResponse({ type: UserDto })
  get(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string): Promise<UserDto> {
    return this.users.get(ctx, id);
  }

  @Post(':id/disable')
  @HttpCode(200)
  @RequirePermission(Permission.UsersDisable, 'Disable a user')
  @ApiOkResponse({ type: UserDto, description: "Disabled; all of the user's sessions are ended" })
  disable(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string): Promise<UserDto> {
    return this.users.setStatus(ctx, id, UserStatus.Disabled);
  }

  @Post(':id/enable')
  @HttpCode(200)
  @RequirePermission(Permission.UsersDisable, 'Enable a user')
  @ApiOkResponse({ type: UserDto })
  enable(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string): Promise<UserDto> {
    return this.users.setStatus(ctx, id, UserStatus.Active);
  }

  @Post(':id/roles')
  @RequirePermission(Permission.RolesGrant, 'Grant a role')
  @ApiCreatedResponse({ type: GrantDto })
  grant(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string, @Body() dto: GrantRoleDto): Promise<GrantDto> {
    return this.users.grantRole(ctx, id, dto);
  }

  @Delete(':id/roles/:grantId')
  @HttpCode(204)
  @RequirePermission(Permission.RolesGrant, 'Revoke a role grant')
  @ApiNoContentResponse({ description: 'The grant is revoked' })
  revoke(@Ctx() ctx: AuthedCtx, @Param('id', UuidPipe) id: string, @Param('grantId', UuidPipe) grantId: string): Promise<void> {
    return this.users.revokeRole(ctx, id, grantId);
  }
}
