import { type BeforeApplicationShutdown, Injectable } from '@nestjs/common';

/** Flips to "draining" as soon as shutdown begins, so readiness answers 503 while requests finish. */
@Injectable()
export class ShutdownState implements BeforeApplicationShutdown {
  draining = false;

  beforeApplicationShutdown(): void {
    this.draining = true;
  }
}
