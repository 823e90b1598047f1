import { api, call } from '../../api/client';
import { useAuth } from '../../auth';
import { useTranslation } from '../../i18n';
import { ErrorBox, useAction, useLoad } from '../../ui';

/** The schemes of the trainee's bodies they are not enrolled in yet, each with "Enrol": a new trainee starts here. */
export function EnrolOffer({ enrolledSchemeIds, onEnrolled }: { enrolledSchemeIds: string[]; onEnrolled: () => void }) {
  const { t } = useTranslation('training');
  const { bodiesFor } = useAuth();
  const bodies = bodiesFor('TRAINEE');
  const schemes = useLoad(() => call(api.GET('/api/v1/schemes')), []);
  const enrol = useAction(async (schemeId: string) => {
    await call(api.POST('/api/v1/schemes/{id}/enrolment', { params: { path: { id: schemeId } }, body: {} }));
    onEnrolled();
  });
  const open = (schemes.data ?? []).filter(
    (s) => bodies.includes(s.bodyId) && !enrolledSchemeIds.includes(s.id) && s.versions.some((v) => v.status === 'published'),
  );
  if (open.length === 0) return <ErrorBox error={schemes.error} />;
  return (
    <section className="card" aria-labelledby="enrol-h">
      <h2 id="enrol-h" style={{ marginTop: 0 }}>
        {t('enrolTitle')}
      </h2>
      <p>{t('enrolIntro')}</p>
      <ul className="plain">
        {open.map((s) => (
          <li key={s.id} className="row">
            <strong>{s.name}</strong>{' '}
            <button type="button" disabled={enrol.busy} onClick={() => void enrol.run(s.id)}>
              {t('enrolIn', { scheme: s.name })}
            </button>
          </li>
        ))}
      </ul>
      <ErrorBox error={enrol.error} />
    </section>
  );
}
