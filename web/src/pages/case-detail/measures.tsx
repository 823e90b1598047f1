import { api, call, type Schemas } from '../../api/client';
import { useInstruments } from '../../measures';
import { useTranslation } from '../../i18n';
import { ErrorBox, Loading, useLoad } from '../../ui';
import { CaseMeasureCharts } from '../../charts';
import { MeasuresAll } from './measures-all';
import { MeasuresTable } from './measures-table';
import { MeasureForm } from './measure-form';

type Case = Schemas['CaseDto'];

export function Measures({ c, editable, onChange, reload }: { c: Case; editable: boolean; onChange: () => void; reload: () => void }) {
  const { t } = useTranslation('cases');
  const instruments = useInstruments(c.bodyId);
  // loaded once here: the charts and the list of every administration draw from the same answer
  const list = useLoad(() => call(api.GET('/api/v1/cases/{id}/measures', { params: { path: { id: c.id } } })), [c.id, c.version]);
  return (
    <section className="card" aria-labelledby="measures-h">
      <h2 id="measures-h" style={{ marginTop: 0 }}>
        {t('measures.title')}
      </h2>
      <ErrorBox error={instruments.error} />
      {instruments.loading && <Loading />}
      {instruments.data && (
        <>
          <MeasuresTable c={c} instruments={instruments.data} />
          <ErrorBox error={list.error} />
          {list.data && <CaseMeasureCharts measures={list.data} instruments={instruments.data} />}
          <MeasuresAll
            c={c}
            measures={list.data?.items ?? []}
            instruments={instruments.data}
            editable={editable}
            onChange={onChange}
            reload={reload}
          />
          {editable && instruments.data.length > 0 && (
            <MeasureForm c={c} instruments={instruments.data} onChange={onChange} reload={reload} />
          )}
        </>
      )}
    </section>
  );
}
