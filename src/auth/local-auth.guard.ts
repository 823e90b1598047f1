import { type ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard as PassportGuard } from '@nestjs/passport';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DomainError } from '../common/errors';
import { flattenValidationErrors } from '../common/validation';
import { SignInDto } from './dto';

/** passport-local behind a body check, so a malformed sign-in is a 400, not a 401. */
@Injectable()
export class LocalAuthGuard extends PassportGuard('local') {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const body: unknown = context.switchToHttp().getRequest<{ body?: unknown }>().body;
    const dto = plainToInstance(SignInDto, body ?? {});
    const errors =
      typeof body === 'object' && body !== null && !Array.isArray(body)
        ? await validate(dto, { whitelist: true, forbidNonWhitelisted: true })
        : null;
    if (errors === null) throw new DomainError('VALIDATION_FAILED', 'Request body must be a JSON object');
    if (errors.length) throw new DomainError('VALIDATION_FAILED', 'Request validation failed', flattenValidationErrors(errors));
    return (await super.canActivate(context)) as boolean;
  }

  // errors thrown by the strategy (401 invalid credentials, 429, 503) pass through unchanged
  override handleRequest<T>(err: unknown, user: T): T {
    if (err) throw err;
    if (!user) throw new DomainError('INVALID_CREDENTIALS', 'E-mail or password is incorrect');
    return user;
  }
}
