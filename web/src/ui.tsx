import { type ReactNode, useCallback, useEffect, useId, useState } from 'react';
import { ApiError } from './api/client';

/** Loads data on mount (and when deps change); exposes loading, error, data and reload. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): { data?: T; error?: unknown; loading: boolean; reload: () => void } {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    load().then(
      (data) => live && setState({ data, loading: false }),
      (error: unknown) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> {label}
    </div>
  );
}

/** Shows an API error as the API worded it, with per-field details listed. */
export function ErrorBox({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  const e = error instanceof ApiError ? error : new ApiError(0, 'ERROR', error instanceof Error ? error.message : String(error));
  const details = Object.entries(e.details ?? {});
  const heading =
    title ??
    (e.statusCode === 403
      ? 'You do not have permission for this'
      : e.statusCode === 404
        ? 'Not found'
        : e.code === 'PRECONDITION_FAILED'
          ? 'Someone else changed this record'
          : 'Something went wrong');
  return (
    <div className="alert error" role="alert">
      <strong>{heading}.</strong> {e.message}
      {e.statusCode ? <span className="small"> ({e.code})</span> : null}
      {details.length > 0 && (
        <ul>
          {details.map(([field, msgs]) => (
            <li key={field}>
              <code>{field}</code>: {msgs.join('; ')}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="empty">{children}</div>;
}

export function Badge({ tone, children }: { tone: 'ok' | 'bad' | 'warn' | 'neutral'; children: ReactNode }) {
  return <span className={`badge ${tone}`}>{children}</span>;
}

/** A labelled control with hint and field errors from an API `details` object. */
export function Field({
  label,
  hint,
  errors,
  children,
  className,
}: {
  label: string;
  hint?: string;
  errors?: string[];
  children: (props: { id: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string }) => ReactNode;
  className?: string;
}) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', errors?.length ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>
        {label} {hint && <span className="hint" id={`${id}-hint`}>({hint})</span>}
      </label>
      {children({ id, 'aria-invalid': errors?.length ? true : undefined, 'aria-describedby': describedBy })}
      {errors?.length ? (
        <div className="err" id={`${id}-err`}>
          {errors.join('; ')}
        </div>
      ) : null}
    </div>
  );
}

export const fieldErrors = (error: unknown, field: string): string[] | undefined =>
  error instanceof ApiError ? error.details?.[field] : undefined;

export const humanise = (s: string | null | undefined) => (s ? s.replace(/_/g, ' ') : '');
// The user's own calendar date (not UTC's): the service accepts any date that is today somewhere on Earth
// (up to the date at UTC+14), so a form pre-filled with the local date is never refused as "in the future".
export const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
export const fmtDate = (s: string | null | undefined) => (s ? new Date(s).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' }) : '—');
export const fmtDateTime = (s: string | null | undefined) => (s ? new Date(s).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : '—');

/** A button that shows progress while its async action runs and reports its error. */
export function useAction<A extends unknown[]>(fn: (...args: A) => Promise<unknown>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const run = async (...args: A) => {
    setBusy(true);
    setError(undefined);
    try {
      await fn(...args);
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { run, busy, error, setError };
}

export interface Column<T> {
  label: string;
  cell: (row: T) => ReactNode;
  className?: string;
}

/** A table that stacks into labelled rows on a phone: every cell carries its column's label. */
export function DataTable<T extends { id: string }>({ columns, rows }: { columns: Column<T>[]; rows: T[] }) {
  return (
    <div className="table-wrap">
      <table className="stack">
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.label}>{c.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              {columns.map((c) => (
                <td key={c.label} data-label={c.label} className={c.className}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
