// Counts (and records) every statement sent to PostgreSQL by this process, by wrapping pg's Client#query —
// the one call TypeORM's postgres driver (and pg.Pool) uses for every statement, BEGIN/COMMIT included.
import pg from 'pg';

let recording: string[] | null = null;
let installed = false;

export function installQueryCounter(): void {
  if (installed) return;
  installed = true;
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    if (recording) {
      const first = args[0] as string | { text?: string } | undefined;
      recording.push(typeof first === 'string' ? first : (first?.text ?? '<query object>'));
    }
    return original.apply(this, args);
  };
}

/** Runs `work` and returns the statements it sent (only meaningful when nothing else runs meanwhile). */
export async function recordQueries<T>(work: () => Promise<T>): Promise<{ result: T; queries: string[] }> {
  const queries: string[] = [];
  recording = queries;
  try {
    const result = await work();
    return { result, queries };
  } finally {
    recording = null;
  }
}

export const squash = (sql: string): string => sql.replace(/\s+/g, ' ').trim();
