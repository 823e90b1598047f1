import { type ReactNode, useEffect, useState } from 'react';
import { homeFor, type Role, useAuth } from './auth';
import { AccountPage, AcceptInvitation, ConfirmEmailChange, ForgotPassword, ResetPassword, VerifyEmail } from './pages/account-links';
import { AdminApplicationDetail, AdminApplications } from './pages/admin-applications';
import { AdminPeople, AdminPerson } from './pages/admin-people';
import { AdminInvitations } from './pages/admin-invitations';
import { AdminAccreditations, AdminAudit, AdminHome, AdminReliability } from './pages/admin-misc';
import { AdminInstruments } from './pages/admin-instruments';
import { AdminSchemes, SchemeVersionEditor } from './pages/admin-schemes';
import { AdminTaxonomies, TaxonomyEditor } from './pages/admin-taxonomies';
import { AdminRecognitions } from './pages/admin-recognitions';
import { AdminEvidence } from './pages/evidence/admin-evidence';
import { TraineeQualifications } from './pages/evidence/qualifications';
import { TraineeReferences } from './pages/evidence/references';
import { WriteReference } from './pages/evidence/write-reference';
import { SchemeComparison } from './pages/reference-schemes';
import { CaseDetail } from './pages/case-detail';
import { NewCase } from './pages/case-new';
import { ImportWizard } from './pages/imports';
import { NotificationsLink, NotificationsPage } from './pages/notifications';
import { RegisterSearch, Verify } from './pages/public';
import { SignIn } from './pages/sign-in';
import { Calibration } from './pages/supervisor/calibration';
import { MyRatings } from './pages/supervisor/my-ratings';
import { CorrectRating } from './pages/supervisor/correct-rating';
import { AdminRenewalAudits } from './pages/admin-renewal-audits';
import { SupervisorQueue } from './pages/supervisor/queue';
import { RateSession } from './pages/supervisor/rate-session';
import { Supervisees } from './pages/supervisor/supervisees';
import { TraineeAccreditations } from './pages/trainee/accreditations';
import { TraineeApplications } from './pages/trainee/applications';
import { TraineeCases } from './pages/trainee/cases';
import { TraineeDashboard } from './pages/trainee/dashboard';
import { TraineeRatings } from './pages/trainee/ratings';
import { TraineeSupervision } from './pages/trainee/supervision';
import { TraineeTraining } from './pages/trainee/training';
import { TraineeProfile } from './pages/trainee/profile';
import { RecordSharing } from './pages/trainee/record-sharing';
import { LANGUAGES, isLanguage, setLanguage, useTranslation } from './i18n';
import { Link, match, navigate, useLocation } from './router';
import { Loading } from './ui';

interface RouteDef {
  path: string;
  roles?: Role[];
  render: (p: Record<string, string>) => ReactNode;
}

const ADMINS: Role[] = ['BODY_ADMIN', 'ADMIN'];
const ROUTES: RouteDef[] = [
  { path: '/register', render: () => <RegisterSearch /> },
  { path: '/verify', render: () => <Verify /> },
  { path: '/verify/:cert', render: (p) => <Verify cert={p.cert} /> },
  { path: '/sign-in', render: () => <SignIn /> },
  { path: '/forgot-password', render: () => <ForgotPassword /> },
  { path: '/reset-password', render: () => <ResetPassword /> },
  { path: '/verify-email', render: () => <VerifyEmail /> },
  { path: '/confirm-email', render: () => <ConfirmEmailChange /> },
  { path: '/invitations/accept', render: () => <AcceptInvitation /> },
  { path: '/references/write', render: () => <WriteReference /> },
  { path: '/account', roles: ['TRAINEE', 'SUPERVISOR', 'BODY_ADMIN', 'ADMIN'], render: () => <AccountPage /> },
  { path: '/trainee', roles: ['TRAINEE'], render: () => <TraineeDashboard /> },
  { path: '/trainee/cases', roles: ['TRAINEE'], render: () => <TraineeCases /> },
  { path: '/trainee/cases/new', roles: ['TRAINEE'], render: () => <NewCase /> },
  { path: '/trainee/ratings', roles: ['TRAINEE'], render: () => <TraineeRatings /> },
  { path: '/trainee/supervision', roles: ['TRAINEE'], render: () => <TraineeSupervision /> },
  { path: '/trainee/training', roles: ['TRAINEE'], render: () => <TraineeTraining /> },
  { path: '/trainee/profile', roles: ['TRAINEE'], render: () => <TraineeProfile /> },
  { path: '/trainee/applications', roles: ['TRAINEE'], render: () => <TraineeApplications /> },
  { path: '/trainee/accreditations', roles: ['TRAINEE'], render: () => <TraineeAccreditations /> },
  { path: '/trainee/qualifications', roles: ['TRAINEE'], render: () => <TraineeQualifications /> },
  { path: '/trainee/references', roles: ['TRAINEE'], render: () => <TraineeReferences /> },
  { path: '/trainee/imports', roles: ['TRAINEE'], render: () => <ImportWizard mode="trainee" /> },
  { path: '/trainee/sharing', roles: ['TRAINEE'], render: () => <RecordSharing /> },
  { path: '/cases/:id', roles: ['TRAINEE', 'SUPERVISOR', ...ADMINS], render: (p) => <CaseDetail id={p.id} /> },
  { path: '/supervisor', roles: ['SUPERVISOR'], render: () => <SupervisorQueue /> },
  { path: '/supervisor/rate/:sessionId', roles: ['SUPERVISOR'], render: (p) => <RateSession sessionId={p.sessionId} /> },
  { path: '/supervisor/calibration', roles: ['SUPERVISOR'], render: () => <Calibration /> },
  { path: '/supervisor/supervisees', roles: ['SUPERVISOR'], render: () => <Supervisees /> },
  { path: '/supervisor/ratings', roles: ['SUPERVISOR'], render: () => <MyRatings /> },
  { path: '/supervisor/ratings/:id/correct', roles: ['SUPERVISOR'], render: (p) => <CorrectRating id={p.id} /> },
  { path: '/admin', roles: ADMINS, render: () => <AdminHome /> },
  { path: '/admin/people', roles: ADMINS, render: () => <AdminPeople /> },
  { path: '/admin/people/:id', roles: ADMINS, render: (p) => <AdminPerson id={p.id} /> },
  { path: '/admin/applications', roles: ADMINS, render: () => <AdminApplications /> },
  { path: '/admin/applications/:id', roles: ADMINS, render: (p) => <AdminApplicationDetail id={p.id} /> },
  { path: '/admin/schemes', roles: ADMINS, render: () => <AdminSchemes /> },
  { path: '/admin/scheme-versions/:id', roles: ADMINS, render: (p) => <SchemeVersionEditor id={p.id} /> },
  { path: '/admin/taxonomies', roles: ADMINS, render: () => <AdminTaxonomies /> },
  { path: '/admin/taxonomies/:id', roles: ADMINS, render: (p) => <TaxonomyEditor id={p.id} /> },
  { path: '/admin/instruments', roles: ADMINS, render: () => <AdminInstruments /> },
  { path: '/admin/recognitions', roles: ADMINS, render: () => <AdminRecognitions /> },
  { path: '/admin/scheme-comparison', roles: ADMINS, render: () => <SchemeComparison /> },
  { path: '/admin/accreditations', roles: ADMINS, render: () => <AdminAccreditations /> },
  { path: '/admin/reliability', roles: ADMINS, render: () => <AdminReliability /> },
  { path: '/admin/renewal-audits', roles: ADMINS, render: () => <AdminRenewalAudits /> },
  { path: '/admin/audit', roles: ADMINS, render: () => <AdminAudit /> },
  { path: '/admin/invitations', roles: ADMINS, render: () => <AdminInvitations /> },
  { path: '/admin/evidence', roles: ADMINS, render: () => <AdminEvidence /> },
  { path: '/admin/imports', roles: ADMINS, render: () => <ImportWizard mode="admin" /> },
  { path: '/notifications', roles: ['TRAINEE', 'SUPERVISOR', ...ADMINS], render: () => <NotificationsPage /> },
];

function Nav() {
  const { me, has, signOut } = useAuth();
  const { path } = useLocation();
  const { t } = useTranslation();
  // on a phone the links fold into a menu (one row: the Menu button); it closes again once a link is followed
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => setMenuOpen(false), [path]);
  const links: [string, string][] = [];
  if (has('TRAINEE'))
    links.push(
      ['/trainee', t('nav.progress')],
      ['/trainee/cases', t('nav.cases')],
      ['/trainee/training', t('nav.training')],
      ['/trainee/profile', t('profile:nav')],
      ['/trainee/supervision', t('nav.supervision')],
      ['/trainee/ratings', t('nav.ratings')],
      ['/trainee/applications', t('nav.applications')],
      ['/trainee/accreditations', t('nav.accreditations')],
      ['/trainee/qualifications', t('evidence:nav.qualifications')],
      ['/trainee/references', t('evidence:nav.references')],
      ['/trainee/imports', t('imports:nav')],
      ['/trainee/sharing', t('sharing:nav')],
    );
  if (has('SUPERVISOR'))
    links.push(
      ['/supervisor', t('nav.reviewQueue')],
      ['/supervisor/supervisees', t('nav.supervisees')],
      ['/supervisor/ratings', t('nav.myRatings')],
      ['/supervisor/calibration', t('nav.calibration')],
    );
  if (has('BODY_ADMIN') || has('ADMIN'))
    links.push(
      ['/admin/people', t('nav.people')],
      ['/admin/applications', t('nav.applications')],
      ['/admin/schemes', t('nav.schemes')],
      ['/admin/taxonomies', t('taxonomies:nav')],
      ['/admin/instruments', t('instruments:nav')],
      ['/admin/recognitions', t('recognitions:nav')],
      ['/admin/scheme-comparison', t('network:navCompare')],
      ['/admin/accreditations', t('nav.accreditations')],
      ['/admin/renewal-audits', t('nav.renewalAudits')],
      ['/admin/reliability', t('nav.reliability')],
      ['/admin/audit', t('nav.auditTrail')],
      ['/admin/invitations', t('nav.invitations')],
      ['/admin/evidence', t('evidence:nav.evidence')],
      ['/admin/imports', t('imports:nav')],
    );
  links.push(['/register', t('nav.register')], ['/verify', t('nav.verify')]);
  return (
    <header className="top">
      <div className="bar">
        <Link to={me ? homeFor(me) : '/register'} className="brand">
          {t('brand')}
        </Link>
        {me ? (
          <span className="who">
            <LanguagePicker /> <NotificationsLink /> {t('signedInAs')}{' '}
            <Link to="/account">
              <strong>{me.displayName}</strong>
            </Link>{' '}
            <button type="button" onClick={() => void signOut().then(() => navigate('/sign-in'))}>
              {t('signOut')}
            </button>
          </span>
        ) : (
          <span className="who">
            <LanguagePicker /> <Link to="/sign-in">{t('signIn')}</Link>
          </span>
        )}
      </div>
      <nav aria-label={t('mainNav')} className="bar">
        <button
          type="button"
          className="menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="main-links"
          onClick={() => setMenuOpen(!menuOpen)}
        >
          <span aria-hidden="true">{menuOpen ? '✕' : '☰'}</span> {t('menu')}
        </button>
        <ul id="main-links" className={menuOpen ? 'open' : undefined} onClick={() => setMenuOpen(false)}>
          {links.map(([to, label]) => (
            <li key={to}>
              <Link to={to} aria-current={path === to ? 'page' : undefined}>
                {label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}

/** The language picker in the header: the choice is remembered in this browser and, when signed in, by the account. */
function LanguagePicker() {
  const { t, i18n } = useTranslation();
  const { saveLanguage } = useAuth();
  return (
    <label className="language">
      <span className="sr-only">{t('language')}</span>
      <select
        value={i18n.language}
        onChange={(e) => {
          if (!isLanguage(e.target.value)) return;
          setLanguage(e.target.value);
          void saveLanguage(e.target.value);
        }}
      >
        {LANGUAGES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.name}
          </option>
        ))}
      </select>
    </label>
  );
}

export function App() {
  const { me, loading } = useAuth();
  const { t } = useTranslation();
  const { path } = useLocation();
  let found: { route: RouteDef; params: Record<string, string> } | undefined;
  for (const route of ROUTES) {
    const params = match(route.path, path);
    if (params) {
      found = { route, params };
      break;
    }
  }
  const needsSignIn = !loading && found?.route.roles && !me;
  useEffect(() => {
    if (path === '/' && !loading) navigate(me ? homeFor(me) : '/sign-in', { replace: true });
    else if (needsSignIn) navigate(`/sign-in?next=${encodeURIComponent(path)}`, { replace: true });
  }, [path, loading, me, needsSignIn]);

  let content: ReactNode;
  if (loading) content = <Loading />;
  else if (!found) content = path === '/' ? <Loading /> : <NotFound />;
  else if (found.route.roles && !me) content = <Loading label={t('redirectingToSignIn')} />;
  else if (found.route.roles && me && !found.route.roles.some((r) => me.roles.some((g) => g.role === r)))
    content = (
      <div className="alert error" role="alert">
        <strong>{t('notAvailable.title')}</strong>{' '}
        {t('notAvailable.body', { roles: found.route.roles.map((r) => t(`roles.${r}`)).join(` ${t('or')} `) })}{' '}
        <Link to={homeFor(me)}>{t('notAvailable.home')}</Link>.
      </div>
    );
  else content = found.route.render(found.params);
  return (
    <>
      <a className="skip" href="#main">
        {t('skipToContent')}
      </a>
      <Nav />
      <main id="main" tabIndex={-1}>
        {content}
      </main>
    </>
  );
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('notFound.title')}</h1>
      <p>
        {t('notFound.body')} <Link to="/">{t('notFound.start')}</Link>.
      </p>
    </>
  );
}
