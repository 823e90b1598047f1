// The typed client over the public REST API. Types come from the OpenAPI document (schema.d.ts is generated:
// `npm run gen:api` at the repo root); nothing here talks to the service any other way.
import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];
export type ApiErrorBody = Schemas['ErrorResponseDto'];
/** Every code the API answers with (generated from the service's typed list; each belongs to one status). */
export type ErrorCode = Schemas['ErrorCode'];
/** Codes this app gives failures that never got an API error body: no connection, a local check, anything else. */
export type ClientErrorCode = 'NETWORK' | 'ERROR' | 'INVALID_JSON' | `HTTP_${number}`;

/** An error answered by the API, in its one shape `{ statusCode, code, message, details? }`. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode | ClientErrorCode,
    message: string,
    readonly details?: Record<string, string[]>,
  ) {
    super(message);
  }
}

const STORAGE_KEY = 'ipt.session';
interface StoredSession {
  accessToken: string;
  refreshToken: string;
}

let session: StoredSession | null = (() => {
  try {
    return JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as StoredSession | null;
  } catch {
    return null;
  }
})();
const listeners = new Set<() => void>();

export function setSession(next: StoredSession | null): void {
  session = next;
  if (next) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  else sessionStorage.removeItem(STORAGE_KEY);
  listeners.forEach((l) => l());
}
export const hasSession = () => session !== null;
export function onSessionChange(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

let refreshing: Promise<boolean> | null = null;
async function refresh(): Promise<boolean> {
  if (!session) return false;
  refreshing ??= (async () => {
    const res = await fetch('/api/v1/auth/refresh', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken: session!.refreshToken }),
    });
    if (!res.ok) {
      setSession(null);
      return false;
    }
    const pair = (await res.json()) as Schemas['TokenPairDto'];
    setSession({ accessToken: pair.accessToken, refreshToken: pair.refreshToken });
    return true;
  })().finally(() => (refreshing = null));
  return refreshing;
}

const auth: Middleware = {
  onRequest({ request }) {
    if (session) request.headers.set('authorization', `Bearer ${session.accessToken}`);
    return request;
  },
};

// On a 401 with a session: refresh once (tokens last 15 minutes) and retry the request.
const fetchWithRefresh: typeof fetch = async (input, init) => {
  const req = input instanceof Request ? input : new Request(input, init);
  const retry = req.clone();
  const res = await fetch(req);
  if (res.status !== 401 || !session || req.url.includes('/auth/')) return res;
  if (!(await refresh())) return res;
  retry.headers.set('authorization', `Bearer ${session!.accessToken}`);
  return fetch(retry);
};

export const api = createClient<paths>({ baseUrl: '', fetch: fetchWithRefresh });
api.use(auth);

/** Unwraps an openapi-fetch result: the data, or an ApiError in the API's error shape. */
export async function call<T>(p: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await p;
  } catch {
    throw new ApiError(0, 'NETWORK', 'The service could not be reached. Check your connection and try again.');
  }
  const { data, error, response } = result;
  if (response.ok) return data as T;
  const body = (error ?? {}) as Partial<ApiErrorBody>;
  throw new ApiError(
    response.status,
    body.code ?? `HTTP_${response.status}`,
    body.message ?? response.statusText ?? 'Request failed',
    body.details as Record<string, string[]> | undefined,
  );
}

export function etagOf(version: number): string {
  return `"${version}"`;
}
