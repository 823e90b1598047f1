import { useState } from 'react';
import type { Schemas } from '../../api/client';
import { useTranslation } from '../../i18n';
import { AddSessionForm, EditSessionForm } from './session-form';
import { SessionsTable } from './sessions-table';

type Case = Schemas['CaseDto'];

export function Sessions({
  c,
  editable,
  autoFocus,
  canRate,
  onChange,
  reload,
}: {
  c: Case;
  editable: boolean;
  autoFocus: boolean;
  canRate: boolean;
  onChange: (c: Case) => void;
  reload: () => void;
}) {
  const { t } = useTranslation('cases');
  const [editing, setEditing] = useState<string>();
  const [message, setMessage] = useState('');
  const session = c.sessions.find((s) => s.id === editing);
  return (
    <section className="card" aria-labelledby="sessions-h">
      <h2 id="sessions-h" style={{ marginTop: 0 }}>
        {t('fields:sessions')}
      </h2>
      <SessionsTable
        c={c}
        canRate={canRate}
        onEdit={
          editable
            ? (id) => {
                setMessage('');
                setEditing(id);
              }
            : undefined
        }
      />
      {message && (
        <p className="alert ok" role="status">
          {message}
        </p>
      )}
      {editable && session && (
        <EditSessionForm
          key={session.id}
          c={c}
          s={session}
          onChange={onChange}
          reload={reload}
          onDone={(m) => {
            setEditing(undefined);
            setMessage(m);
          }}
        />
      )}
      {editable && !session && <AddSessionForm c={c} autoFocus={autoFocus} onChange={onChange} reload={reload} />}
    </section>
  );
}
