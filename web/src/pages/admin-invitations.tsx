import { type FormEvent, useState } from 'react';
import { api, call, type Schemas } from '../api/client';
import { useTitle } from '../router';
import { useAdminBody } from './shared/admin-body';
import { formatDateTime, useTranslation } from '../i18n';
import { Badge, DataTable, Empty, ErrorBox, Field, fieldErrors, Loading, Notice, TextField, useAction, useLoad } from '../ui';

type Invitation = Schemas['InvitationDto'];
type Role = Schemas['Role'];

// the roles held within a body (ADMIN is global and not invited to)
const ROLES: Role[] = ['SUPERVISOR', 'TRAINEE', 'BODY_ADMIN'];
const stateTone = (s: Invitation['state']) => (s === 'accepted' ? 'ok' : s === 'pending' ? 'neutral' : s === 'expired' ? 'warn' : 'bad');

export function AdminInvitations() {
  const { t } = useTranslation('admin');
  useTitle(t('invitations.title'));
  const { body: bodyId, picker, loading, error } = useAdminBody(t('invitations.body'));
  return (
    <>
      <h1>{t('invitations.title')}</h1>
      <p>{t('invitations.intro')}</p>
      {loading && <Loading />}
      <ErrorBox error={error} />
      {picker}
      {bodyId && <BodyInvitations key={bodyId} bodyId={bodyId} />}
      {!loading && !bodyId && <Empty>{t('invitations.noBody')}</Empty>}
    </>
  );
}

function BodyInvitations({ bodyId }: { bodyId: string }) {
  const { t } = useTranslation('admin');
  const list = useLoad(() => call(api.GET('/api/v1/bodies/{bodyId}/invitations', { params: { path: { bodyId } } })), [bodyId]);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('SUPERVISOR');
  const invite = useAction(async () => {
    const inv = await call(
      api.POST('/api/v1/bodies/{bodyId}/invitations', { params: { path: { bodyId } }, body: { email: email.trim(), role } }),
    );
    setEmail('');
    list.reload();
    return t('invitations.sent', { email: inv.email });
  });
  const act = useAction(async (inv: Invitation, what: 'resend' | 'withdraw') => {
    if (what === 'resend') await call(api.POST('/api/v1/invitations/{id}/resend', { params: { path: { id: inv.id } } }));
    else await call(api.POST('/api/v1/invitations/{id}/withdraw', { params: { path: { id: inv.id } } }));
    list.reload();
    return what === 'resend' ? t('invitations.resent', { email: inv.email }) : t('invitations.withdrawn', { email: inv.email });
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void invite.run();
  };
  const open = (s: Invitation['state']) => s === 'pending' || s === 'expired';
  return (
    <>
      <form className="card" onSubmit={submit} aria-labelledby="invite-heading">
        <h2 id="invite-heading" style={{ marginTop: 0 }}>
          {t('invitations.invite')}
        </h2>
        <ErrorBox error={invite.error} title={t('invitations.notSent')} />
        <Notice>{invite.notice}</Notice>
        <TextField
          label={t('invitations.email')}
          errors={fieldErrors(invite.error, 'email')}
          type="email"
          autoComplete="off"
          value={email}
          onChange={setEmail}
        />
        <Field label={t('invitations.role')} errors={fieldErrors(invite.error, 'role')}>
          {(p) => (
            <select {...p} value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`invitations.roles.${r}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" disabled={invite.busy}>
          {invite.busy ? t('invitations.sending') : t('invitations.send')}
        </button>
      </form>
      <h2>{t('invitations.sentList')}</h2>
      <ErrorBox error={act.error} title={t('invitations.notChanged')} />
      <Notice>{act.notice}</Notice>
      {list.loading && <Loading />}
      <ErrorBox error={list.error} />
      {list.data && !list.data.items.length && <Empty>{t('invitations.none')}</Empty>}
      {list.data && list.data.items.length > 0 && (
        <DataTable
          rows={list.data.items}
          columns={[
            { label: t('invitations.email'), cell: (i) => i.email },
            { label: t('invitations.role'), cell: (i) => t(`invitations.roles.${i.role}`, { defaultValue: i.role }) },
            { label: t('invitations.state'), cell: (i) => <Badge tone={stateTone(i.state)}>{t(`invitations.states.${i.state}`)}</Badge> },
            { label: t('invitations.expires'), cell: (i) => (i.state === 'pending' ? formatDateTime(i.expiresAt) : '—') },
            {
              label: t('invitations.actions'),
              cell: (i) =>
                open(i.state) ? (
                  <>
                    <button
                      type="button"
                      disabled={act.busy}
                      onClick={() => void act.run(i, 'resend')}
                      aria-label={t('invitations.resendLabel', { email: i.email })}
                    >
                      {t('invitations.resend')}
                    </button>{' '}
                    <button
                      type="button"
                      disabled={act.busy}
                      onClick={() => void act.run(i, 'withdraw')}
                      aria-label={t('invitations.withdrawLabel', { email: i.email })}
                    >
                      {t('invitations.withdraw')}
                    </button>
                  </>
                ) : (
                  '—'
                ),
            },
          ]}
        />
      )}
    </>
  );
}
