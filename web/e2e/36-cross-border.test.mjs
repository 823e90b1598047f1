import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiToken, BASE_URL, checkA11y, launch, newPage, shot, signIn } from './helpers.mjs';

// Issue 16 in the app: the US trainee shares their record with the UK body; the UK admin finds them in People and reads
// their US case (read-only); the UK admin's supervisor picker finds the US supervisor by e-mail; the trainee withdraws.
let browser;
const UK = 'IPT UK (demo national body)';
const get = async (token, path) => {
  const res = await fetch(`${BASE_URL}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
  assert.ok(res.ok, `GET ${path}: ${res.status}`);
  return res.json();
};

before(async () => {
  browser = await launch();
});
after(async () => browser?.close());

test('trainee: shares their record with another body', async () => {
  const page = await newPage(browser);
  await signIn(page, 'trainee.us');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Share my record' }).click();
  await page.getByRole('heading', { name: 'Share my record with another body', level: 1 }).waitFor();
  await page.getByLabel('Body', { exact: true }).selectOption({ label: `${UK} (UK-IPT)` });
  await checkA11y(page, 'trainee-share-record');
  await page.getByRole('button', { name: 'Submit my record' }).click();
  await page.getByText(`Your record is now submitted to ${UK}.`).waitFor();
  await page.getByRole('button', { name: `Withdraw my record from ${UK}` }).waitFor();
  await shot(page, 'trainee-record-shared');
  assert.deepEqual(page.problems, []);
});

test('body admin: reads the submitted record, case included; finds a supervisor of another body', async () => {
  const page = await newPage(browser);
  await signIn(page, 'bodyadmin.uk');
  await page.goto('/admin/people?q=trainee.us');
  const link = page.locator('tbody tr').first().getByRole('link');
  await link.waitFor();
  const name = (await link.textContent()).trim();
  await link.click();
  await page.getByRole('heading', { name, level: 1 }).waitFor();
  await page.getByRole('heading', { name: 'Cases', level: 2 }).waitFor();
  const caseLink = page.getByRole('link', { name: /^Case .* \(/ }).first();
  await caseLink.waitFor();
  await checkA11y(page, 'admin-submitted-person');
  await caseLink.click();
  await page.waitForURL(/\/cases\//);
  // read-only: no sign-off or return for the admin of another body
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  assert.equal(await page.getByRole('button', { name: /Sign off|Return to the trainee/ }).count(), 0);
  await shot(page, 'admin-submitted-case');

  // a UK trainee's page: the picker finds the US supervisor by e-mail
  await page.goto('/admin/people?q=trainee2.uk');
  await page.locator('tbody tr').first().getByRole('link').click();
  await page.getByRole('heading', { name: 'Supervisors', level: 2 }).waitFor();
  await page.getByLabel(/A supervisor of another body/).fill('supervisor.us@demo.ipt.example');
  await page.getByRole('button', { name: 'Find supervisor' }).click();
  await page.getByText(/^Found .*: choose them above and assign\.$/).waitFor();
  await page.getByRole('option', { name: /\(US-IPT\)$/ }).waitFor({ state: 'attached' });
  await checkA11y(page, 'admin-find-foreign-supervisor');
  assert.deepEqual(page.problems, []);
});

test('trainee: withdraws the submission; the other body reads the case no more', async () => {
  const page = await newPage(browser);
  await signIn(page, 'trainee.us');
  await page.goto('/trainee/sharing');
  await page.getByRole('button', { name: `Withdraw my record from ${UK}` }).click();
  await page.getByText(`Your record is no longer submitted to ${UK}.`).waitFor();
  await page
    .getByText(/^withdrawn /)
    .first()
    .waitFor();
  const admin = await apiToken('bodyadmin.uk');
  const trainee = await apiToken('trainee.us');
  const me = await get(trainee, '/me');
  assert.equal((await get(admin, `/cases?traineeId=${me.id}&limit=10`)).items.length, 0);
  assert.deepEqual(page.problems, []);
});
