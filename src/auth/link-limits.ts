import type { AppConfig } from '../config/env';
import type { RateLimiter } from './rate-limiter';
import type { RequestCtx } from '../common/request-context';

// Links sent by mail (invitations, password resets, address confirmations) are limited per address like
// sign-in: refused tokens count, and an address that reached the limit is refused until its window ends, so
// guessing tokens from one address is slow (a 256-bit token cannot be guessed anyway; this keeps the noise down).
export class LinkLimits {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly config: AppConfig,
  ) {}

  private key = (ctx: RequestCtx) => `link:ip:${ctx.ip}`;

  assertUnder(ctx: RequestCtx): Promise<void> {
    return this.limiter.assertUnder(this.key(ctx), this.config.SIGN_IN_IP_LIMIT);
  }

  async refused(ctx: RequestCtx): Promise<void> {
    await this.limiter.count(this.key(ctx), this.config.SIGN_IN_WINDOW_SECONDS);
  }
}
