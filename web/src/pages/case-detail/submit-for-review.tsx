import { api, call, type Schemas } from '../../api/client';
import { useTranslation } from '../../i18n';
import { ErrorBox, formProblems, useAction } from '../../ui';
import { checkSubmit, hasProblems } from './case-checks';

type Case = Schemas['CaseDto'];

export function SubmitForReview({ c, onChange }: { c: Case; onChange: (c: Case) => void }) {
  const { t } = useTranslation('cases');
  const submit = useAction(async () => {
    const problems = checkSubmit(c);
    if (hasProblems(problems)) throw formProblems(problems);
    onChange(await call(api.POST('/api/v1/cases/{id}/submit', { params: { path: { id: c.id } } })));
  });
  const resubmit = c.reviewState === 'returned';
  return (
    <section className="card" aria-labelledby="submit-h">
      <h2 id="submit-h" style={{ marginTop: 0 }}>
        {resubmit ? t('submit.titleAgain') : t('submit.title')}
      </h2>
      <p className="muted">{resubmit ? t('submit.introAgain') : t('submit.intro')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit.run();
        }}
      >
        <ErrorBox error={submit.error} title={t('submit.failed')} />
        <button type="submit" disabled={submit.busy}>
          {submit.busy ? t('submit.submitting') : resubmit ? t('submit.again') : t('submit.submit')}
        </button>
      </form>
    </section>
  );
}
