import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiToken, BASE_URL, checkA11y, launch, newPage, shot, signIn } from './helpers.mjs';

// The pictures: a case's PHQ-9 trajectory (18 at intake → 7 at session 3: reliable improvement, recovered), the body
// admin's pipeline on their home page, reliability over time and calibration results. Each chart has a caption that
// says in words what it shows, and its figures as a table behind "Show the figures as a table".
let browser;
let caseInfo;
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
  const trainee = await apiToken('trainee.uk');
  const rel = await api(trainee, 'GET', '/supervision/relationships?role=trainee&status=active');
  const c = await api(trainee, 'POST', '/cases', {
    supervisorId: rel.items[0].supervisorId,
    format: 'individual',
    adaptation: 'adult',
    ageBand: '26-40',
    setting: 'primary_care',
    plannedSessions: 12,
    recordingConsent: true,
    primaryDiagnosis: 'F32.1',
    focusProblemArea: 'grief',
    startDate: daysAgo(40),
    presentingProblem: 'Low mood since the loss of a parent.',
  });
  let v = c.version;
  for (const n of [1, 2, 3])
    v = (
      await api(
        trainee,
        'POST',
        `/cases/${c.id}/sessions`,
        { number: n, date: daysAgo(35 - 7 * (n - 1)), durationMinutes: 50, phase: 'initial', attended: true, recorded: false },
        v,
      )
    ).version;
  // intake 18 (moderately severe), session 3: 7 (mild) — 11 points down, past PHQ-9's reliable-change threshold of 6
  v = (
    await api(
      trainee,
      'POST',
      `/cases/${c.id}/measures`,
      { instrument: 'PHQ9', total: 18, administeredOn: daysAgo(35), sessionNumber: 0 },
      v,
    )
  ).caseVersion;
  await api(trainee, 'POST', `/cases/${c.id}/measures`, { instrument: 'PHQ9', total: 7, administeredOn: daysAgo(21), sessionNumber: 3 }, v);
  caseInfo = { id: c.id };
});
after(async () => browser?.close());

test('trainee: the outcome trajectory of a case, with its meaning in words and its figures as a table', async () => {
  const page = await newPage(browser);
  await signIn(page, 'trainee.uk');
  await page.goto(`/cases/${caseInfo.id}`);
  const figure = page.locator('figure.chart', { hasText: 'PHQ-9 (depression) over the sessions' });
  await figure.getByText('From 18 at intake to 7 now (-11). A reliable improvement (at least 6 points).').waitFor();
  await figure.getByText(/Reliably recovered: now below the caseness threshold of 10/).waitFor();
  await figure.locator('svg .recharts-line').first().waitFor();
  await figure.getByText('Show the figures as a table').click();
  const rows = figure.locator('tbody tr');
  assert.equal(await rows.count(), 2);
  await figure.locator('tbody tr', { hasText: 'S3' }).getByText('-11 (reliable improvement)').waitFor();
  await shot(page, 'chart-case-trajectory');
  assert.deepEqual(page.problems, []);
});

test('body admin: the pipeline on the home page, reliability over time and calibration results', async () => {
  const page = await newPage(browser);
  await signIn(page, 'bodyadmin.uk');
  await page.goto('/admin');
  const levels = page.locator('figure.chart', { hasText: 'People at each level' });
  await levels.getByText(/people hold a level in good standing/).waitFor();
  await page.locator('figure.chart', { hasText: 'Applications by state' }).waitFor();
  const renewals = page.locator('figure.chart', { hasText: 'Renewals due' });
  await renewals.getByText('Show the figures as a table').click();
  await renewals.getByRole('rowheader', { name: 'Within 30 days' }).waitFor();
  await shot(page, 'chart-admin-pipeline');

  await page.goto('/admin/reliability');
  await page.getByRole('heading', { name: 'Calibration results' }).waitFor();
  await page.getByRole('heading', { name: 'Inter-rater reliability' }).waitFor();
  await checkA11y(page, 'chart-admin-reliability');
  assert.deepEqual(page.problems, []);
});
