import { type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react';
import { ApiError } from './api/client';
import { fieldLabel, plainMessage } from './field-labels';
import i18next, { formatDate, formatDateTime, useTranslation } from './i18n';

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

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation('common');
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> {label ?? t('loading')}
    </div>
  );
}

/** Shows an error in words: the API's message, each field named as the form labels it, no internal codes. When it
 *  appears inside a form, focus moves to the first field in error (or to the message itself). */
export function ErrorBox({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation('common');
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const box = ref.current;
    const form = box?.closest('form');
    if (!box || !form) return;
    const first = form.querySelector<HTMLElement>('[aria-invalid="true"]');
    (first ?? box).focus();
  }, [error]);
  if (!error) return null;
  const e = error instanceof ApiError ? error : new ApiError(0, 'ERROR', error instanceof Error ? error.message : String(error));
  const details = Object.entries(e.details ?? {});
  const heading =
    title ??
    (e.statusCode === 403
      ? t('error.forbidden')
      : e.statusCode === 404
        ? t('error.notFound')
        : e.code === 'PRECONDITION_FAILED'
          ? t('error.changedElsewhere')
          : t('error.generic'));
  return (
    <div className="alert error" role="alert" ref={ref} tabIndex={-1}>
      <strong>{heading}.</strong> {details.length > 0 && e.code === 'VALIDATION_FAILED' ? t('error.correct') : e.message}
      {details.length > 0 && (
        <ul>
          {details.map(([field, msgs]) => (
            <li key={field}>
              {fieldLabel(field) ? (
                msgs.map((m) => plainMessage(field, m)).join('; ')
              ) : (
                <>
                  <code>{field}</code>: {msgs.join('; ')}
                </>
              )}
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
        {label}{' '}
        {hint && (
          <span className="hint" id={`${id}-hint`}>
            ({hint})
          </span>
        )}
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

// A required, full-width text input with its label: the e-mail and password fields of the account forms.
export function TextField({
  label,
  hint,
  errors,
  type,
  autoComplete,
  minLength,
  value,
  onChange,
}: {
  label: string;
  hint?: string;
  errors?: string[];
  type: 'email' | 'password' | 'text';
  autoComplete: string;
  minLength?: number;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <Field label={label} hint={hint} errors={errors}>
      {(p) => (
        <input
          {...p}
          type={type}
          autoComplete={autoComplete}
          required
          minLength={minLength}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          style={{ width: '100%' }}
        />
      )}
    </Field>
  );
}

export const fieldErrors = (error: unknown, field: string): string[] | undefined =>
  error instanceof ApiError ? error.details?.[field]?.map((m) => plainMessage(field, m)) : undefined;

/** A check made in the app before anything is sent, shown exactly like the API's field errors. */
export const formProblems = (details: Record<string, string[]>) =>
  new ApiError(0, 'VALIDATION_FAILED', i18next.t('common:error.correct'), details);

export const humanise = (s: string | null | undefined) => (s ? s.replace(/_/g, ' ') : '');
// The user's own calendar date (not UTC's): the service accepts any date that is today somewhere on Earth
// (up to the date at UTC+14), so a form pre-filled with the local date is never refused as "in the future".
export const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
/** A date or moment in the reader's language (see i18n/index.ts), or a dash when there is none. */
export const fmtDate = (s: string | null | undefined) => (s ? formatDate(s) : '—');
export const fmtDateTime = (s: string | null | undefined) => (s ? formatDateTime(s) : '—');

/** A button that shows progress while its async action runs and reports its error. An action that resolves to a
 *  string sets `notice` (a success message); the next run clears it, so a stale success never sits beside an error. */
export function useAction<A extends unknown[]>(fn: (...args: A) => Promise<unknown>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();
  const run = async (...args: A) => {
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    try {
      const result = await fn(...args);
      if (typeof result === 'string') setNotice(result);
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { run, busy, error, setError, notice };
}

/** The success message of an action (see useAction's `notice`). */
export function Notice({ children }: { children: ReactNode }) {
  return children ? (
    <div className="alert ok" role="status">
      {children}
    </div>
  ) : null;
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
