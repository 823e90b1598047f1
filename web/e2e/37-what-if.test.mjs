import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { apiToken, BASE_URL, checkA11y, launch, newPage, shot, signIn } from './helpers.mjs';

// Issue 16: before publishing a draft, the body admin asks "What would change?" and sees who would lose a level
// and by which rule, in words, with a CSV download. Nothing is written.
let browser;
before(async () => {
  browser = await launch();
});
after(async () => browser?.close());

const daysAgo = (n) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const api = async (token, method, path, body) => {
  const res = await fetch(`${BASE_URL}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
};

const definition = (minHours) => ({
  noun: 'accredited',
  phaseBoundaries: { initialLastSession: 3, terminationSessions: 3 },
  levels: [
    {
      code: 'WI',
      name: 'What-if level',
      kind: 'practitioner',
      order: 1,
      validity: { kind: 'none' },
      prerequisites: [],
      requirements: [
        {
          id: 'course',
          type: 'learning_hours',
          label: 'Course hours (journey)',
          params: { kinds: ['didactic_course'], minHours, verifiedOnly: false },
        },
      ],
    },
  ],
});

test('body admin: a draft raising the course hours shows the trainee who would lose the level, naming the rule; CSV download', async () => {
  const admin = await apiToken('bodyadmin.uk');
  const trainee = await apiToken('trainee2.uk');
  const bodies = (await api(admin, 'GET', '/bodies')).body;
  const uk = (Array.isArray(bodies) ? bodies : bodies.items).find((b) => b.code === 'UK-IPT');
  const name = `What-if scheme ${Date.now()}`;
  const scheme = await api(admin, 'POST', '/schemes', { bodyId: uk.id, code: `WHATIF-${Date.now()}`, name });
  assert.equal(scheme.status, 201, JSON.stringify(scheme.body));
  const v1 = await api(admin, 'POST', `/schemes/${scheme.body.id}/versions`, { effectiveFrom: daysAgo(14), definition: definition(10) });
  assert.equal(v1.status, 201, JSON.stringify(v1.body));
  const published = await api(admin, 'POST', `/scheme-versions/${v1.body.id}/publish`, {
    allowPastEffectiveDate: true,
    reason: 'What-if journey: in force from a past date',
  });
  assert.equal(published.status, 201, JSON.stringify(published.body));
  const me = (await api(trainee, 'GET', '/me')).body;
  const course = await api(trainee, 'POST', `/trainees/${me.id}/activities`, {
    kind: 'didactic_course',
    title: 'IPT course (what-if journey)',
    provider: 'Journey Institute',
    hours: 12,
    delivery: 'in_person',
    date: daysAgo(30),
  });
  assert.equal(course.status, 201, JSON.stringify(course.body));
  assert.equal((await api(trainee, 'POST', `/schemes/${scheme.body.id}/enrolment`, {})).status, 201);
  const draft = await api(admin, 'POST', `/schemes/${scheme.body.id}/versions`, {
    effectiveFrom: daysAgo(-30),
    definition: definition(9000),
  });
  assert.equal(draft.status, 201, JSON.stringify(draft.body));

  const page = await newPage(browser);
  await signIn(page, 'bodyadmin.uk');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Schemes' }).click();
  await page.getByRole('heading', { name }).waitFor();
  await page.locator('section', { hasText: name }).getByRole('link', { name: 'Version 2' }).click();
  await page.getByRole('heading', { name: /Scheme version 2/ }).waitFor();
  await page.getByRole('button', { name: 'What would change?' }).click();
  await page.getByRole('heading', { name: '1 change' }).waitFor();
  await page.getByText(/1 people compared: draft version 2 against version 1/).waitFor();
  const row = page.locator('tr', { hasText: 'trainee2.uk' });
  await row.getByText('Loses the level (met → not met)').waitFor();
  await row.getByText(/Course hours \(journey\): met → not met — /).waitFor();
  await checkA11y(page, 'scheme-what-if');
  await shot(page, 'scheme-what-if');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
  const csv = await readFile(await download.path(), 'utf8');
  const lines = csv
    .replace(/^\ufeff/, '')
    .trim()
    .split('\r\n');
  assert.equal(lines.length, 2, csv);
  assert.match(lines[1], /trainee2\.uk/);
  assert.match(lines[1], /What-if level \(WI\),met,not met,loses,Course hours \(journey\) \(course\): /);
});
