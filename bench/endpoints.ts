// The six measured endpoints: each yields the next request (varied over people and records) and, for the
// write, hands its slot back with the new version when the response arrives.
import type autocannon from 'autocannon';
type RequestSpec = autocannon.RequestSpec;
import { type Fixtures, sessionBody, type Slot } from './fixtures';

export interface Endpoint {
  name: string;
  kind: 'read' | 'write';
  /** the next request; `context` carries the write slot from request to response */
  next(context: Record<string, unknown>): { method: string; path: string; headers: Record<string, string>; body?: string };
  done?(context: Record<string, unknown>, status: number, headers: Record<string, string>): void;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export function endpoints(f: Fixtures): Endpoint[] {
  let i = 0;
  const pick = <T>(xs: T[]): T => xs[i++ % xs.length];
  const caseReads = f.trainees.flatMap((t) =>
    (f.casesByTrainee.get(t.id) ?? []).map((c) => ({ token: t.token, caseId: c, traineeId: t.id })),
  );
  // tokens may be re-issued (refreshTokens): look them up at request time
  const tokenOf = new Map<string, () => string>(f.trainees.map((t) => [t.id, () => t.token]));
  return [
    {
      name: 'GET /cases/:id',
      kind: 'read',
      next: () => {
        const r = pick(caseReads);
        return { method: 'GET', path: `/api/v1/cases/${r.caseId}`, headers: bearer(tokenOf.get(r.traineeId)!()) };
      },
    },
    {
      name: 'GET /supervision/queue',
      kind: 'read',
      next: () => ({ method: 'GET', path: '/api/v1/supervision/queue?limit=50', headers: bearer(pick(f.supervisors).token) }),
    },
    {
      name: 'POST /cases/:id/sessions',
      kind: 'write',
      next: (ctx) => {
        const slot = f.slots.take();
        if (!slot) throw new Error('no free write slot: more connections than draft cases');
        ctx.slot = slot;
        return {
          method: 'POST',
          path: `/api/v1/cases/${slot.caseId}/sessions`,
          headers: { ...bearer(slot.token), 'content-type': 'application/json', 'if-match': `"${slot.version}"` },
          body: sessionBody(slot),
        };
      },
      done: (ctx, status, headers) => {
        const slot = ctx.slot as Slot | undefined;
        if (slot) f.slots.give(slot, status >= 200 && status < 300, headers.etag ?? headers.ETag);
        ctx.slot = undefined;
      },
    },
    {
      name: 'GET /trainees/:id/…/progress',
      kind: 'read',
      next: () => {
        const t = pick(f.trainees);
        return {
          method: 'GET',
          path: `/api/v1/trainees/${t.id}/schemes/${f.schemeByBody.get(t.bodyId)}/progress?level=B`,
          headers: bearer(t.token),
        };
      },
    },
    {
      name: 'GET /register?name=',
      kind: 'read',
      next: () => ({ method: 'GET', path: `/api/v1/register?name=${pick(f.names)}`, headers: {} }),
    },
    {
      name: 'GET /verify/:number',
      kind: 'read',
      next: () => ({ method: 'GET', path: `/api/v1/verify/${encodeURIComponent(pick(f.certificates))}`, headers: {} }),
    },
  ];
}

/** The endpoint as an autocannon request (setupRequest/onResponse run once per request, per connection). */
export function autocannonRequest(e: Endpoint): RequestSpec {
  return {
    setupRequest: (req, context) => {
      const r = e.next(context);
      return { ...req, method: r.method, path: r.path, headers: r.headers, body: r.body };
    },
    onResponse: (status, _body, context, headers) => e.done?.(context, status, headers),
  };
}
