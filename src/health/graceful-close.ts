import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { ShutdownState } from './shutdown-state';

/** Closing the listener waits for this long without a new connection… */
export const QUIET_MS = 200;
/** …but no longer than this in all (a client that ignores Retry-After cannot hold the shutdown up). */
export const MAX_QUIET_WAIT_MS = 5000;
/** How long a connection accepted just before the listener closed gets to send its request before idle ones are reaped. */
export const FRESH_CONNECTION_MS = 500;
const REAP_EVERY_MS = 250;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Closes the application without resetting a request the server has accepted.
 *
 * 1. New requests answer 503 with `Retry-After` and `Connection: close` (ShutdownState.refusing), in-flight ones
 *    carry on. Clients back off, and the listener is closed once no connection has arrived for QUIET_MS: a
 *    connection still waiting in the kernel's accept queue when a listener closes is reset by the kernel, before
 *    the service ever sees it, and only a quiet moment avoids that.
 * 2. Node's `http.Server#close()` also calls `closeIdleConnections()`, and "idle" includes a socket accepted a
 *    moment ago whose request has not been parsed yet: destroying it resets a request the client has sent. So
 *    idle sockets are only closed after FRESH_CONNECTION_MS, then every REAP_EVERY_MS until the server has closed.
 * 3. `app.close()` waits for in-flight requests, then closes the database.
 */
export async function closeGracefully(app: INestApplication): Promise<void> {
  const server = app.getHttpServer() as Server;
  app.get(ShutdownState).refusing = true;
  let last = Date.now();
  const seen = () => (last = Date.now());
  server.on('connection', seen);
  const deadline = Date.now() + MAX_QUIET_WAIT_MS;
  while (Date.now() - last < QUIET_MS && Date.now() < deadline) await sleep(20);
  server.off('connection', seen);

  const closeIdle = server.closeIdleConnections?.bind(server);
  if (!closeIdle) return app.close();
  server.closeIdleConnections = () => undefined;
  let reaper: NodeJS.Timeout | undefined;
  const start = setTimeout(() => {
    closeIdle();
    reaper = setInterval(closeIdle, REAP_EVERY_MS);
  }, FRESH_CONNECTION_MS);
  try {
    await app.close();
  } finally {
    clearTimeout(start);
    if (reaper) clearInterval(reaper);
  }
}
