import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOperation, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Permission } from './permissions';

export const PUBLIC_KEY = 'auth:public';
export const PERMISSION_KEY = 'auth:permission';

// Every operation carries a one-line summary (the OpenAPI lint refuses one without); the route decorator takes it.
const summarised = (summary: string | undefined) => (summary ? [ApiOperation({ summary })] : []);

/**
 * The one opt-out from authentication. Grep for it to review every public route. The OpenAPI document marks
 * these operations `security: []` (see openapi/contract.ts). On a class, give each route its summary with
 * a method-level `@Public('…')` as well.
 */
export const Public = (summary?: string) => applyDecorators(SetMetadata(PUBLIC_KEY, true), ...summarised(summary));

/**
 * Declares the permission a route needs. The global AuthGuard enforces it (and refuses any route that
 * declares neither this nor @Public()), so the declaration and its enforcement cannot be separated.
 */
export const RequirePermission = (permission: Permission, summary?: string) =>
  applyDecorators(
    SetMetadata(PERMISSION_KEY, permission),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'Missing, invalid or expired access token, or the session ended' }),
    ApiForbiddenResponse({ description: `Requires permission \`${permission}\`, or the caller's scope does not allow this action` }),
    ...summarised(summary),
  );
