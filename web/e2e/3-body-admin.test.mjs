import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiToken, BASE_URL, checkA11y, launch, newPage, shot, signIn } from './helpers.mjs';

let browser;
before(async () => {
  browser = await launch();
  // the trainee journey applies for a level; when this file runs alone, apply over the API instead
  const token = await apiToken('bodyadmin.uk');
  const open = await (
    await fetch(`${BASE_URL}/api/v1/applications?status=submitted`, { headers: { authorization: `Bearer ${token}` } })
  ).json();
  if (open.items.length === 0) {
    const t = await apiToken('trainee.uk');
    const me = await (await fetch(`${BASE_URL}/api/v1/me`, { headers: { authorization: `Bearer ${t}` } })).json();
    const [enrolment] = await (
      await fetch(`${BASE_URL}/api/v1/trainees/${me.id}/enrolments`, { headers: { authorization: `Bearer ${t}` } })
    ).json();
    const res = await fetch(`${BASE_URL}/api/v1/applications`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t}`, 'content-type': 'application/json' },
      body: JSON.stringify({ schemeId: enrolment.schemeId, levelCode: 'A' }),
    });
    assert.equal(res.status, 201, await res.text());
  }
});
after(async () => browser?.close());

test('body admin: decide an application, draft a scheme version with validation messages, change an accreditation, read the audit trail', async () => {
  const page = await newPage(browser);
  await signIn(page, 'bodyadmin.uk');
  await page.getByRole('heading', { name: 'Body administration' }).waitFor();
  await checkA11y(page, 'admin-dashboard');

  // applications and the per-rule evaluation, then approve with reasons
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Applications' }).click();
  // applicants are named (never an id fragment); the trainee journey's application is Alex's
  await page.getByRole('link', { name: 'Alex Trainee (UK)' }).first().click();
  await page.getByRole('heading', { name: /^Evaluation:/ }).waitFor();
  assert.ok((await page.locator('ul.rules li').count()) >= 1);
  await page.getByLabel(/^Reasons/).fill('Course certificate checked against the provider list.');
  await shot(page, 'admin-application');
  await page.getByRole('button', { name: 'Approve and issue' }).click();
  const issued = await page.getByText(/Approved\. Certificate .* issued\./).textContent();
  const certificate = issued.match(/Certificate (\S+) issued/)[1];

  // schemes: draft a new version, break a rule in JSON, see the service's validation message
  await page.getByRole('link', { name: 'Schemes' }).click();
  await page.getByRole('heading', { name: 'UK-style accreditation (example)' }).waitFor();
  await checkA11y(page, 'admin-schemes');
  await page.locator('section', { hasText: 'UK-style accreditation' }).getByRole('button', { name: 'Draft a new version' }).click();
  await page.getByRole('heading', { name: /Scheme version \d+/ }).waitFor();
  await page.locator('h1').getByText('draft').waitFor();
  await page.getByLabel('Label').first().waitFor();
  await shot(page, 'admin-scheme-form');
  await page.getByRole('button', { name: 'JSON' }).click();
  const editor = page.getByLabel(/Definition \(JSON\)/);
  const def = JSON.parse(await editor.inputValue());
  def.levels[0].requirements[0].params.minHours = -5;
  await editor.fill(JSON.stringify(def, null, 2));
  await page.getByRole('button', { name: 'Save draft' }).click();
  await page.getByText('The version was not saved').waitFor();
  await page.locator('.alert.error li').first().waitFor();
  await shot(page, 'admin-scheme-validation');
  // invalid JSON is caught before it is sent
  await editor.fill('{ "levels": [');
  await page.getByText(/Not valid JSON/).waitFor();

  // accreditations: suspend with a reason, then reinstate
  await page.getByRole('link', { name: 'Accreditations' }).click();
  const row = page.locator('tr', { hasText: certificate });
  await row.getByRole('button', { name: 'Suspend' }).click();
  await page.getByLabel(/^Reason/).fill('Fitness-to-practise inquiry opened.');
  await page.getByRole('button', { name: 'Confirm suspend' }).click();
  await row.getByText('suspended').waitFor();
  await checkA11y(page, 'admin-accreditations');
  await row.getByRole('button', { name: 'Reinstate' }).click();
  await page.getByLabel(/^Reason/).fill('Inquiry closed with no finding.');
  await page.getByRole('button', { name: 'Confirm reinstate' }).click();
  await row.getByText('active').waitFor();

  // reliability overview and audit trail
  await page.getByRole('link', { name: 'Reliability' }).click();
  await page.getByRole('heading', { name: 'Inter-rater reliability' }).waitFor();
  await checkA11y(page, 'admin-reliability');
  await page.getByRole('link', { name: 'Audit trail' }).click();
  await page.locator('tbody tr').first().waitFor();
  await page
    .getByText('accreditation.reinstate')
    .first()
    .waitFor({ timeout: 5000 })
    .catch(() => undefined);
  await shot(page, 'admin-audit');
  assert.deepEqual(page.problems, []);
  process.env.ISSUED_CERTIFICATE = certificate;
});
