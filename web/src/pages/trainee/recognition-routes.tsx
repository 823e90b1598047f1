// Levels of other schemes a trainee can reach through a recognition of a level they hold: the top-up rules with
// their gaps, and Apply (through the recognition; optionally presenting the credential of the recognised level).
import { type FormEvent, useState } from 'react';
import { api, ApiError, call, type Schemas } from '../../api/client';
import { useAuth } from '../../auth';
import { useTranslation } from '../../i18n';
import { Link } from '../../router';
import { Badge, ErrorBox, Field, Notice, useAction, useLoad } from '../../ui';
import { RulesList } from '../shared/rules-list';

type Route = Schemas['RecognitionRouteDto'];

export function RecognitionRoutes() {
  const { t } = useTranslation('recognitions');
  const { me } = useAuth();
  const { data, error } = useLoad(async () => {
    const schemes = await call(api.GET('/api/v1/schemes'));
    const routes = await Promise.all(
      schemes.map((s) =>
        call(
          api.GET('/api/v1/trainees/{traineeId}/schemes/{schemeId}/progress/recognition', {
            params: { path: { traineeId: me!.id, schemeId: s.id } },
          }),
        ).catch((e: unknown) => {
          // a scheme with no version in force has no route to offer
          if (e instanceof ApiError && e.statusCode === 409) return [] as Route[];
          throw e;
        }),
      ),
    );
    return routes.flatMap((list, i) => list.map((r) => ({ route: r, scheme: schemes[i] })));
  }, [me?.id]);
  if (!data?.length) return <ErrorBox error={error} />;
  return (
    <section className="card" aria-labelledby="recognition-routes-h">
      <h2 id="recognition-routes-h" style={{ marginTop: 0 }}>
        {t('routes.title')}
      </h2>
      {data.map(({ route, scheme }) => (
        <RouteCard key={route.recognition.id} route={route} scheme={scheme} />
      ))}
    </section>
  );
}

function RouteCard({ route, scheme }: { route: Route; scheme: Schemas['SchemeDto'] }) {
  const { t } = useTranslation('recognitions');
  const r = route.recognition;
  const [credential, setCredential] = useState('');
  const [applied, setApplied] = useState<string>();
  const apply = useAction(async () => {
    const app = await call(
      api.POST('/api/v1/applications', {
        body: {
          schemeId: scheme.id,
          levelCode: r.toLevelCode,
          recognitionId: r.id,
          ...(credential.trim() ? { credential: credential.trim() } : {}),
        },
      }),
    );
    setApplied(app.id);
    return t('routes.applied');
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void apply.run();
  };
  const headingId = `route-${r.id}`;
  return (
    <article aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t('routes.through', { source: `${r.fromBodyName} ${r.fromLevelName}`, level: route.report.levelName, scheme: scheme.name })}
      </h3>
      <p className="row">
        <Badge tone={route.report.met ? 'ok' : 'warn'}>
          {r.topUps.length === 0 ? t('full') : t('routes.topUps', { met: route.report.metCount, count: route.report.ruleCount })}
        </Badge>
      </p>
      {route.report.rules.length > 0 && <RulesList level={route.report} evidenceLinks />}
      <form onSubmit={submit} noValidate>
        <ErrorBox error={apply.error} title={t('routes.applyFailed')} />
        <Notice>{apply.notice}</Notice>
        {applied && <Link to="/trainee/applications">{t('routes.seeApplications')}</Link>}
        <details>
          <summary>{t('routes.credential')}</summary>
          <Field label={t('routes.credentialLabel')} hint={t('routes.credentialHint')}>
            {(p) => <textarea {...p} rows={3} className="mono" value={credential} onChange={(e) => setCredential(e.target.value)} />}
          </Field>
        </details>
        <button type="submit" disabled={apply.busy || !!applied}>
          {t('routes.apply', { level: route.report.levelName })}
        </button>
      </form>
    </article>
  );
}
