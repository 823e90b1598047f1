import { type CanActivate, type ExecutionContext, Injectable, type PipeTransform } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { RateLimiter } from '../auth/rate-limiter';
import { invalid } from '../common/errors';
import { AppConfig } from '../config/env';
import { STATUS_PURPOSES, type StatusPurpose } from '../credentials/credential';
import { normaliseCertificateNumber } from './certificate-number';

// The public register and verification endpoints answer anyone, so each client address gets
// PUBLIC_RATE_LIMIT requests a minute across all of them (counted in the database, shared by replicas):
// enough for an employer checking a clinician, too few to harvest the register or guess certificate numbers.
@Injectable()
export class PublicRateLimitGuard implements CanActivate {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<FastifyRequest>();
    await this.limiter.hit(`public:ip:${req.ip}`, this.config.PUBLIC_RATE_LIMIT, 60);
    return true;
  }
}

const CERTIFICATE_NUMBER = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

/**
 * A certificate number in a path, as a person typed it (spaces dropped, typographic dashes made hyphens): then
 * letters, digits, '.', '_' and '-', at most 40; anything else is a 400.
 */
@Injectable()
export class CertificateNumberPipe implements PipeTransform<string, string> {
  transform(raw: string): string {
    const value = normaliseCertificateNumber(raw);
    if (!CERTIFICATE_NUMBER.test(value))
      throw invalid('certificateNumber', 'certificateNumber is not a certificate number', 'INVALID_CERTIFICATE_NUMBER');
    return value;
  }
}

// The purposes a body publishes a Bitstring Status List for; anything else is a 400, like a malformed id.
@Injectable()
export class StatusPurposePipe implements PipeTransform<string, StatusPurpose> {
  transform(value: string): StatusPurpose {
    if (!(STATUS_PURPOSES as readonly string[]).includes(value))
      throw invalid('purpose', `purpose must be one of ${STATUS_PURPOSES.join(', ')}`);
    return value as StatusPurpose;
  }
}
