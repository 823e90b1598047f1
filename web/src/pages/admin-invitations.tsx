import { type FormEvent, useState } from 'react';
import { api, call, type Schemas } from '../api/client';
import { useAuth } from '../auth';
import { useTitle } from '../router';
import { Badge, DataTable, Empty, ErrorBox, Field, fieldErrors, fmtDateTime, Loading, Notice, TextField, useAction, useLoad } from '../ui';

type Invitation = Schemas['InvitationDto'];
type Role = Schemas['Role'];

// the roles held within a body (ADMIN is global and not invited to)
const ROLES: { value: Role; label: string }[] = [
  { value: 'SUPERVISOR', label: 'Supervisor' },
  { value: 'TRAINEE', label: 'Trainee' },
  { value: 'BODY_ADMIN', label: 'Body administrator' },
];
const roleLabel = (r: Role) => ROLES.find((x) => x.value === r)?.label ?? r;
const stateTone = (s: Invitation['state']) => (s === 'accepted' ? 'ok' : s === 'pending' ? 'neutral' : s === 'expired' ? 'warn' : 'bad');

export function AdminInvitations() {
  useTitle('Invitations');
  const { has, bodiesFor } = useAuth();
  const bodies = useLoad(() => call(api.GET('/api/v1/bodies')), []);
  const mine = has('ADMIN') ? (bodies.data ?? []) : (bodies.data ?? []).filter((b) => bodiesFor('BODY_ADMIN').includes(b.id));
  const [chosen, setChosen] = useState<string>();
  const bodyId = chosen ?? mine[0]?.id;
  return (
    <>
      <h1>Invitations</h1>
      <p>
        Invite a person by e-mail to a role in your body. They receive a link that works once and expires; they set a password (or, with an
        account already, sign in and accept). Nobody gets the role until they accept it.
      </p>
      {bodies.loading && <Loading />}
      <ErrorBox error={bodies.error} />
      {mine.length > 1 && (
        <Field label="Body">
          {(p) => (
            <select {...p} value={bodyId} onChange={(e) => setChosen(e.target.value)}>
              {mine.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {bodyId && <BodyInvitations key={bodyId} bodyId={bodyId} />}
      {!bodies.loading && !mine.length && <Empty>You administer no body.</Empty>}
    </>
  );
}

function BodyInvitations({ bodyId }: { bodyId: string }) {
  const list = useLoad(() => call(api.GET('/api/v1/bodies/{bodyId}/invitations', { params: { path: { bodyId } } })), [bodyId]);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('SUPERVISOR');
  const invite = useAction(async () => {
    const inv = await call(
      api.POST('/api/v1/bodies/{bodyId}/invitations', { params: { path: { bodyId } }, body: { email: email.trim(), role } }),
    );
    setEmail('');
    list.reload();
    return `Invitation sent to ${inv.email}.`;
  });
  const act = useAction(async (inv: Invitation, what: 'resend' | 'withdraw') => {
    if (what === 'resend') await call(api.POST('/api/v1/invitations/{id}/resend', { params: { path: { id: inv.id } } }));
    else await call(api.POST('/api/v1/invitations/{id}/withdraw', { params: { path: { id: inv.id } } }));
    list.reload();
    return what === 'resend'
      ? `A new link was sent to ${inv.email}; the old one no longer works.`
      : `The invitation to ${inv.email} is withdrawn.`;
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
          Invite someone
        </h2>
        <ErrorBox error={invite.error} title="Could not send the invitation" />
        <Notice>{invite.notice}</Notice>
        <TextField
          label="E-mail"
          errors={fieldErrors(invite.error, 'email')}
          type="email"
          autoComplete="off"
          value={email}
          onChange={setEmail}
        />
        <Field label="Role" errors={fieldErrors(invite.error, 'role')}>
          {(p) => (
            <select {...p} value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {ROLES.map((r) => (
                <option key={r.value} value={r.value}>
                  {r.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" disabled={invite.busy}>
          {invite.busy ? 'Sending…' : 'Send invitation'}
        </button>
      </form>
      <h2>Sent invitations</h2>
      <ErrorBox error={act.error} title="Could not change the invitation" />
      <Notice>{act.notice}</Notice>
      {list.loading && <Loading />}
      <ErrorBox error={list.error} />
      {list.data && !list.data.items.length && <Empty>No invitations yet.</Empty>}
      {list.data && list.data.items.length > 0 && (
        <DataTable
          rows={list.data.items}
          columns={[
            { label: 'E-mail', cell: (i) => i.email },
            { label: 'Role', cell: (i) => roleLabel(i.role) },
            { label: 'State', cell: (i) => <Badge tone={stateTone(i.state)}>{i.state}</Badge> },
            { label: 'Expires', cell: (i) => (i.state === 'pending' ? fmtDateTime(i.expiresAt) : '—') },
            {
              label: 'Actions',
              cell: (i) =>
                open(i.state) ? (
                  <>
                    <button
                      type="button"
                      disabled={act.busy}
                      onClick={() => void act.run(i, 'resend')}
                      aria-label={`Resend the invitation to ${i.email}`}
                    >
                      Resend
                    </button>{' '}
                    <button
                      type="button"
                      disabled={act.busy}
                      onClick={() => void act.run(i, 'withdraw')}
                      aria-label={`Withdraw the invitation to ${i.email}`}
                    >
                      Withdraw
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
