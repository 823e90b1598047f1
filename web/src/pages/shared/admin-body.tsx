import { type ReactElement, useState } from 'react';
import { api, call } from '../../api/client';
import { useAuth } from '../../auth';
import { Field, useLoad } from '../../ui';

/** The bodies a body admin (or a global admin: every body) may look at, and the one chosen, with a labelled picker:
 *  shown when there are several to choose from, or always (`always`) for screens that name the body they show. */
export function useAdminBody(
  label: string,
  { always = false }: { always?: boolean } = {},
): { body: string; picker: ReactElement | null; loading: boolean; error: unknown } {
  const { bodiesFor, has } = useAuth();
  const bodies = useLoad(() => call(api.GET('/api/v1/bodies')), []);
  const mine = bodiesFor('BODY_ADMIN');
  const choices = has('ADMIN') ? (bodies.data ?? []) : (bodies.data ?? []).filter((b) => mine.includes(b.id));
  const [chosen, setChosen] = useState('');
  const body = chosen || choices[0]?.id || '';
  const picker =
    choices.length > 1 || always ? (
      <Field label={label}>
        {(p) => (
          <select {...p} value={body} onChange={(e) => setChosen(e.target.value)}>
            {choices.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        )}
      </Field>
    ) : null;
  return { body, picker, loading: bodies.loading, error: bodies.error };
}
