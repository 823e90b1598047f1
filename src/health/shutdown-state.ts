import { type BeforeApplicationShutdown, Injectable } from '@nestjs/common';

/**
 * Where the shutdown is. `draining`: readiness answers 503 (load balancers stop sending) and every response closes
 * its connection, while requests are still served. `refusing`: new requests answer 503 with Retry-After, so
 * clients back off and the listener can close in a quiet moment (see closeGracefully).
 */
@Injectable()
export class ShutdownState implements BeforeApplicationShutdown {
  draining = false;
  refusing = false;

  beforeApplicationShutdown(): void {
    this.draining = true;
  }
}
