import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ErrorResponseDto } from '../common/error-response.dto';
import type { Permission } from './permissions';

export const PUBLIC_KEY = 'auth:public';
export const PERMISSION_KEY = 'auth:permission';

/** The one opt-out from authentication. Grep for it to review every public route. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/**
 * Declares the permission a route needs. The global AuthGuard enforces it (and refuses any route that
 * declares neither this nor @Public()), so the declaration and its enforcement cannot be separated.
 */
export const RequirePermission = (permission: Permission) =>
  applyDecorators(
    SetMetadata(PERMISSION_KEY, permission),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'Missing, invalid or expired access token' }),
    ApiForbiddenResponse({ type: ErrorResponseDto, description: `Requires permission \`${permission}\`` }),
  );
