import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiToken, BASE_URL, checkA11y, launch, newPage, shot, signIn } from './helpers.mjs';

// Set-up over the API: the second UK trainee logs a case with two recorded sessions and a PHQ-9 whose item 9
// is above 0 (so the case is risk-flagged) and submits it; their supervisor rates session 1. The lapsed
// accreditation to restore is in the demo data (the second UK trainee's Practitioner level).
let browser;
let risky;
const api = async (token, method, path, body, ifMatch) => {
  const res = await fetch(`${BASE_URL}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      ...(ifMatch !== undefined ? { 'if-match': `"${ifMatch}"` } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  assert.ok(res.ok, `${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
};
const daysAgo = (n) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

before(async () => {
  browser = await launch();
  const trainee = await apiToken('trainee2.uk');
  const supervisor = await apiToken('supervisor.uk');
  const rel = await api(trainee, 'GET', '/supervision/relationships?role=trainee&status=active');
  const c = await api(trainee, 'POST', '/cases', {
    supervisorId: rel.items[0].supervisorId,
    format: 'individual',
    adaptation: 'adult',
    ageBand: '41-64',
    setting: 'community',
    plannedSessions: 12,
    recordingConsent: true,
    primaryDiagnosis: 'F32.1',
    focusProblemArea: 'role_dispute',
    startDate: daysAgo(30),
    presentingProblem: 'Arguments at home, low mood.',
  });
  let v = c.version;
  for (const n of [1, 2])
    v = (
      await api(
        trainee,
        'POST',
        `/cases/${c.id}/sessions`,
        { number: n, date: daysAgo(30 - 7 * (n - 1)), durationMinutes: 50, phase: 'initial', attended: true, recorded: true },
        v,
      )
    ).version;
  await api(
    trainee,
    'POST',
    `/cases/${c.id}/measures`,
    { instrument: 'PHQ9', items: [2, 2, 2, 1, 1, 1, 1, 1, 1], administeredOn: daysAgo(30), sessionNumber: 1 },
    v,
  );
  await api(trainee, 'POST', `/cases/${c.id}/submit`);
  const full = await api(supervisor, 'GET', `/cases/${c.id}`);
  const rubrics = await api(supervisor, 'GET', '/rubrics?target=session&limit=100');
  const versionId = rubrics.items.flatMap((r) => r.versions).find((x) => x.status === 'published').id;
  const def = (await api(supervisor, 'GET', `/rubric-versions/${versionId}`)).definition;
  const session1 = full.sessions.find((s) => s.number === 1);
  const rating = await api(supervisor, 'POST', '/ratings', {
    rubricVersionId: versionId,
    targetType: 'session',
    targetId: session1.id,
    scores: Object.fromEntries(def.items.map((i) => [i.code, def.scale.max])),
  });
  await api(supervisor, 'POST', `/ratings/${rating.id}/submit`);
  risky = { id: c.id, clientCode: full.clientCode };
});
after(async () => browser?.close());

test('supervisor: acknowledges a risk flag from the case, sees a rated session marked rated, finds the rating and their supervisees', async () => {
  const page = await newPage(browser);
  await signIn(page, 'supervisor.uk');
  await page.getByRole('heading', { name: 'Review queue' }).waitFor();
  const row = page.locator('tbody tr', { hasText: risky.clientCode });
  await row.getByText('Bea Trainee (UK)').waitFor();
  await row.getByRole('button', { name: `Acknowledge the risk flag of case ${risky.clientCode}` }).waitFor();
  await checkA11y(page, 'supervisor-queue-risk');

  await row.getByRole('link', { name: `Review ${risky.clientCode}` }).click();
  const panel = page.getByTestId('risk-flag');
  await panel.getByText('not acknowledged', { exact: true }).waitFor();
  await panel.getByLabel(/What you did or will do/).fill('Phoned the trainee; safety plan reviewed with the client.');
  await panel.getByRole('button', { name: 'Acknowledge risk flag' }).click();
  await panel.getByText(/Risk flag — acknowledged by Dr Sam Supervisor \(UK\) on/).waitFor();
  await shot(page, 'supervisor-risk-acknowledged');

  // session 1 is rated: no second "Rate recording" for it; session 2 still offers it
  await page.getByRole('link', { name: 'Rated — see rating (session 1)' }).waitFor();
  await page.getByRole('link', { name: 'Rate recording of session 2' }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Rate recording of session 1' }).count(), 0);
  await page.getByRole('link', { name: 'Rated — see rating (session 1)' }).click();
  await page.getByRole('heading', { name: 'My ratings' }).waitFor();
  await page.locator('tbody tr', { hasText: `Session 1` }).filter({ hasText: risky.clientCode }).getByText('Bea Trainee (UK)').waitFor();
  await shot(page, 'supervisor-my-ratings');

  // the queue now says who acknowledged the flag, and when
  await page.getByRole('link', { name: 'Review queue' }).click();
  await page
    .locator('tbody tr', { hasText: risky.clientCode })
    .getByText(/acknowledged by Dr Sam Supervisor \(UK\) on/)
    .waitFor();

  // supervisees, each with progress and the supervision logged
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Supervisees' }).click();
  const alex = page.getByTestId('supervisee').filter({ hasText: 'Alex Trainee (UK)' });
  await alex.getByTestId('person-progress').first().waitFor();
  await alex.getByRole('heading', { name: 'Supervision logged with Alex Trainee (UK)' }).waitFor();
  await alex.getByText(/\d+ meetings?, [\d.]+ h in all/).waitFor();
  await shot(page, 'supervisor-supervisees');
  assert.deepEqual(page.problems, []);
});

test('body admin: finds a trainee by name, opens their progress, restores a lapsed accreditation', async () => {
  const page = await newPage(browser);
  await signIn(page, 'bodyadmin.uk');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
  await page.getByRole('heading', { name: 'People' }).waitFor();
  await page.getByLabel('Name or e-mail').fill('bea');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.waitForURL(/\/admin\/people\?q=bea/);
  const rows = page.locator('tbody tr');
  await rows.first().getByText('trainee2.uk@demo.ipt.example').waitFor();
  assert.equal(await rows.count(), 1, 'only Bea matches');
  await rows.first().getByText('trainee', { exact: true }).waitFor();
  await shot(page, 'admin-people');
  await page.getByRole('link', { name: 'Bea Trainee (UK)' }).click();
  await page.getByRole('heading', { name: 'Bea Trainee (UK)', level: 1 }).waitFor();
  await page
    .getByTestId('person-progress')
    .first()
    .getByText(/Working towards/)
    .waitFor();
  await shot(page, 'admin-person-progress');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Accreditations' }).click();
  const row = page.locator('tr', { hasText: 'Bea Trainee (UK)' }).filter({ hasText: 'lapsed' });
  await row.getByRole('button', { name: /^Restore / }).click();
  await page.getByLabel(/^Reason/).fill('Renewal declaration was received by post before the deadline.');
  await page.getByRole('button', { name: 'Confirm restore' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: /is active again until/ })
    .waitFor();
  await page.locator('tr', { hasText: 'Bea Trainee (UK)' }).getByText('active', { exact: true }).waitFor();
  await shot(page, 'admin-restored');
  assert.deepEqual(page.problems, []);
});
