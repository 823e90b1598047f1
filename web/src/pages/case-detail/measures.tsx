import type { Schemas } from '../../api/client';
import { MeasuresTable } from './measures-table';
import { MeasureForm } from './measure-form';

type Case = Schemas['CaseDto'];

export function Measures({ c, editable, onChange }: { c: Case; editable: boolean; onChange: () => void }) {
  return (
    <section className="card" aria-labelledby="measures-h">
      <h2 id="measures-h" style={{ marginTop: 0 }}>
        Outcome measures
      </h2>
      <MeasuresTable c={c} />
      {editable && <MeasureForm c={c} onChange={onChange} />}
    </section>
  );
}
