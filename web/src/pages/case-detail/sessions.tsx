import type { Schemas } from '../../api/client';
import { SessionsTable } from './sessions-table';
import { AddSessionForm } from './session-form';

type Case = Schemas['CaseDto'];

export function Sessions({ c, editable, autoFocus, canRate, onChange }: { c: Case; editable: boolean; autoFocus: boolean; canRate: boolean; onChange: (c: Case) => void }) {
  return (
    <section className="card" aria-labelledby="sessions-h">
      <h2 id="sessions-h" style={{ marginTop: 0 }}>
        Sessions
      </h2>
      <SessionsTable c={c} canRate={canRate} />
      {editable && <AddSessionForm c={c} autoFocus={autoFocus} onChange={onChange} />}
    </section>
  );
}
