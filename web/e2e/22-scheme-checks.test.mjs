import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiToken, BASE_URL, checkA11y, launch, newPage, shot, signIn } from './helpers.mjs';

// Schemes are checked when saved and published: an unknown reference is refused naming its path, a past
// effective date needs a confirmation and a reason; an advisory rule shows its verdict without blocking.
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

const DEFINITION = {
  noun: 'accredited',
  phaseBoundaries: { initialLastSession: 3, terminationSessions: 3 },
  groupCredit: { kind: 'share', multiplier: 2, capAtGroupMinutes: true },
  levels: [
    {
      code: 'CHK',
      name: 'Checked level',
      title: 'Checked IPT Practitioner',
      kind: 'practitioner',
      order: 1,
      validity: { kind: 'none' },
      prerequisites: [],
      requirements: [
        { id: 'cases', type: 'completed_cases', label: 'Two completed cases', params: { minCount: 2 } },
        {
          id: 'rated',
          type: 'case_recordings',
          label: 'A rated recording per case',
          advisory: true,
          params: { minCases: 1, minRatedPerCase: 1 },
        },
      ],
    },
  ],
};

test('body admin: a typo in a reference is refused naming its path; a back-dated version publishes only with a reason; advisory rules do not block', async () => {
  const admin = await apiToken('bodyadmin.uk');
  const bodies = (await api(admin, 'GET', '/bodies')).body;
  const uk = (Array.isArray(bodies) ? bodies : bodies.items).find((b) => b.code === 'UK-IPT');
  const code = `CHECKS-${Date.now()}`;
  const scheme = await api(admin, 'POST', '/schemes', { bodyId: uk.id, code, name: 'Scheme checks (journey)' });
  assert.equal(scheme.status, 201, JSON.stringify(scheme.body));
  const draft = await api(admin, 'POST', `/schemes/${scheme.body.id}/versions`, { effectiveFrom: daysAgo(14), definition: DEFINITION });
  assert.equal(draft.status, 201, JSON.stringify(draft.body));

  const page = await newPage(browser);
  await signIn(page, 'bodyadmin.uk');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Schemes' }).click();
  await page.getByRole('heading', { name: 'Scheme checks (journey)' }).waitFor();
  await page.locator('section', { hasText: 'Scheme checks (journey)' }).getByRole('link', { name: 'Version 1' }).click();
  await page.getByRole('heading', { name: /Scheme version 1/ }).waitFor();
  // the advisory rule is marked in the rules form
  assert.equal(await page.locator('[data-path="levels.0.requirements.1"]').getByLabel('Advisory').isChecked(), true);
  await checkA11y(page, 'scheme-version-checks');

  // a rubric code with a typo: the service names the path
  await page.getByRole('button', { name: 'JSON' }).click();
  const editor = page.getByLabel(/Definition \(JSON\)/);
  const def = JSON.parse(await editor.inputValue());
  def.levels[0].requirements[1].params.rubricCode = 'NO-SUCH-RUBRIC';
  await editor.fill(JSON.stringify(def, null, 2));
  await page.getByRole('button', { name: 'Save draft' }).click();
  await page.getByText('The version was not saved').waitFor();
  await page
    .locator('.alert.error')
    .getByText(/NO-SUCH-RUBRIC is not a rubric this body can use/)
    .waitFor();
  assert.match(await page.locator('.alert.error').textContent(), /levels\.0\.requirements\.1\.params\.rubricCode|rubricCode/);
  await shot(page, 'scheme-unknown-reference');
  delete def.levels[0].requirements[1].params.rubricCode;
  await editor.fill(JSON.stringify(def, null, 2));
  await page.getByRole('button', { name: 'Save draft' }).click();
  await page.getByText(/^Saved \(version 1/).waitFor();

  // the effective date lies in the past: publishing waits for a confirmation and a reason
  const publish = page.getByRole('button', { name: 'Publish' });
  await page.getByRole('group', { name: /is in the past/ }).waitFor();
  assert.equal(await publish.isDisabled(), true);
  await page.getByLabel('Publish with an effective date in the past').check();
  assert.equal(await publish.isDisabled(), true);
  await page.getByLabel(/^Reason/).fill('The body adopted this version two weeks ago.');
  await checkA11y(page, 'scheme-publish-past-date');
  await publish.click();
  await page.getByText(/^Published\./).waitFor();
  await page.locator('h1').getByText('published').waitFor();

  // the trainee's progress shows the advisory rule's verdict without counting it against them
  const trainee = await apiToken('trainee2.uk');
  assert.equal((await api(trainee, 'POST', `/schemes/${scheme.body.id}/enrolment`, {})).status, 201);
  const traineePage = await newPage(browser);
  await signIn(traineePage, 'trainee2.uk');
  const advisory = traineePage.locator('li[data-rule="rated"][data-advisory="true"]');
  await advisory.waitFor();
  await advisory.getByText(/Advisory: (not )?met/).waitFor();
  assert.equal(await advisory.getByText('✗ Not met').count(), 0);
  await checkA11y(traineePage, 'trainee-progress-advisory');
  await shot(traineePage, 'trainee-progress-advisory');
});
