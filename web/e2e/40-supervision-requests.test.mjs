import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiToken, BASE_URL, checkA11y, launch, newPage, shot, signIn } from './helpers.mjs';

// Issue 16 in the app, the supervisor's side of cross-border supervision: the second UK trainee finds the US supervisor
// by e-mail and asks them (withdrawing a first request, and told so when one is open already); the UK admin's
// assignment of the US supervisor to the first UK trainee waits for the supervisor as well. The US supervisor declines
// the admin's and accepts the trainee's request: the trainee is their supervisee, and sees the supervision active.
// Before and after, any open supervision between these pairs is closed over the API, so the journey runs again on the
// same database and later journeys find the demo's supervision as it was.
let browser;
const US_SUPERVISOR = 'Dr Jo Supervisor (US)';
const BEA = 'Bea Trainee (UK)';
const ALEX = 'Alex Trainee (UK)';
const today = () => new Date().toISOString().slice(0, 10);

const api = async (token, method, path, body) => {
  const res = await fetch(`${BASE_URL}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  assert.ok(res.ok, `${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
};

/** Closes every open supervision the US supervisor has with the two UK trainees (requested: declined; active: ended). */
async function closeOpen() {
  const supervisor = await apiToken('supervisor.us');
  const { items } = await api(supervisor, 'GET', '/supervision/relationships?role=supervisor&limit=100');
  for (const r of items.filter((x) => [BEA, ALEX].includes(x.traineeName))) {
    if (r.status === 'requested') await api(supervisor, 'POST', `/supervision/relationships/${r.id}/decline`);
    if (r.status === 'active')
      await api(supervisor, 'POST', `/supervision/relationships/${r.id}/end`, { endedOn: today(), reason: 'End of the journey' });
  }
}

before(async () => {
  browser = await launch();
  await closeOpen();
  // the UK admin assigns the US supervisor to the first UK trainee: another body's supervisor, so it waits for them
  const admin = await apiToken('bodyadmin.uk');
  const bodies = await api(admin, 'GET', '/bodies');
  const uk = bodies.find((b) => b.code === 'UK-IPT');
  const [alex] = await api(admin, 'GET', `/users?q=trainee.uk%40demo.ipt.example&limit=5`).then((p) => p.items);
  const [jo] = await api(admin, 'GET', '/supervision/supervisors?email=supervisor.us%40demo.ipt.example');
  const rel = await api(admin, 'POST', '/supervision/relationships', { traineeId: alex.id, supervisorId: jo.id, bodyId: uk.id });
  assert.equal(rel.status, 'requested');
});
after(async () => {
  await closeOpen();
  await browser?.close();
});

test('trainee: finds a supervisor of another body by e-mail, asks them, withdraws and asks again', async () => {
  const page = await newPage(browser);
  await signIn(page, 'trainee2.uk');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Supervision', exact: true }).click();
  await page.getByRole('heading', { name: 'Supervision', level: 1 }).waitFor();
  await page.getByRole('heading', { name: 'My supervisors', level: 2 }).waitFor();
  await page.getByRole('heading', { name: 'Ask a supervisor', level: 3 }).waitFor();
  const email = page.getByLabel(/Supervisor's e-mail/);

  // nobody with that address
  await email.fill('nobody@demo.ipt.example');
  await page.getByRole('button', { name: 'Find supervisor' }).click();
  await page.getByText('No supervisor of any body has the address nobody@demo.ipt.example.').waitFor();

  const find = async () => {
    await email.fill('supervisor.us@demo.ipt.example');
    await page.getByRole('button', { name: 'Find supervisor' }).click();
    const found = page.getByRole('region', { name: 'Supervisor found' });
    await found.getByText(US_SUPERVISOR).waitFor();
    await found.getByText('supervisor in US-IPT').waitFor();
    return found;
  };
  const found = await find();
  await checkA11y(page, 'trainee-supervisor-found');
  await found.getByRole('button', { name: `Send request to ${US_SUPERVISOR}` }).click();
  await page.getByText(`Your request was sent to ${US_SUPERVISOR}. The supervision starts when they accept.`).waitFor();
  const requested = page.locator('tbody tr', { hasText: US_SUPERVISOR }).filter({ hasText: 'requested' });
  await requested.getByText(/^asked on /).waitFor();

  // a second request while the first is open is refused, in words
  await (await find()).getByRole('button', { name: `Send request to ${US_SUPERVISOR}` }).click();
  await page.getByText(`There is already an open request to or supervision by ${US_SUPERVISOR}.`).waitFor();

  // withdrawn, then asked again
  await requested.getByRole('button', { name: `Cancel request to ${US_SUPERVISOR}` }).click();
  await page.getByText(`Your request to ${US_SUPERVISOR} is cancelled.`).waitFor();
  await page.locator('tbody tr', { hasText: US_SUPERVISOR }).filter({ hasText: 'cancelled' }).first().waitFor();
  await (await find()).getByRole('button', { name: `Send request to ${US_SUPERVISOR}` }).click();
  await page.getByText(`Your request was sent to ${US_SUPERVISOR}. The supervision starts when they accept.`).waitFor();
  await requested.getByRole('button', { name: `Cancel request to ${US_SUPERVISOR}` }).waitFor();
  await shot(page, 'trainee-supervision-requested');
  assert.deepEqual(page.problems, []);
});

test('supervisor: declines the body admin’s assignment, accepts the trainee’s request; the trainee is a supervisee', async () => {
  const page = await newPage(browser);
  await signIn(page, 'supervisor.us');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Supervisees' }).click();
  const requests = page.getByRole('region', { name: 'Supervision requests' });
  await requests.getByRole('heading', { name: 'Supervision requests', level: 2 }).waitFor();
  const bea = requests.locator('tbody tr', { hasText: BEA });
  const alex = requests.locator('tbody tr', { hasText: ALEX });
  await bea.getByText('the trainee', { exact: true }).waitFor();
  await bea.getByText('IPT UK (demo national body) (UK-IPT)').waitFor();
  await alex.getByText("their body's administrator").waitFor();
  await shot(page, 'supervisor-supervision-requests');

  await alex.getByRole('button', { name: `Decline supervising ${ALEX}` }).click();
  await page.getByText(`You declined supervising ${ALEX}.`).waitFor();
  await alex.waitFor({ state: 'detached' });

  await bea.getByRole('button', { name: `Accept supervising ${BEA}` }).click();
  await page.getByText(`You now supervise ${BEA}.`).waitFor();
  await requests.getByText('No requests waiting for your answer.').waitFor();
  await page
    .getByTestId('supervisee')
    .filter({ hasText: BEA })
    .getByRole('heading', { name: new RegExp(`^${BEA.replace(/[()]/g, '\\$&')} supervised since `), level: 2 })
    .waitFor();
  await shot(page, 'supervisor-supervision-accepted');
  assert.deepEqual(page.problems, []);
});

test('trainee: sees the supervision by the supervisor of another body active', async () => {
  const page = await newPage(browser);
  await signIn(page, 'trainee2.uk');
  await page.goto('/trainee/supervision');
  const active = page.locator('tbody tr', { hasText: US_SUPERVISOR }).filter({ hasText: 'active' });
  await active.getByText(/^since /).waitFor();
  assert.equal(await active.getByRole('button').count(), 0);
  await shot(page, 'trainee-supervision-active');
  assert.deepEqual(page.problems, []);
});
