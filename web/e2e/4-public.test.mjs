import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { checkA11y, launch, newPage, shot } from './helpers.mjs';

let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

test('public: register search and certificate verification without signing in', async () => {
  const page = await newPage(browser);
  await page.goto('/register');
  await page.getByRole('heading', { name: /Public register/ }).waitFor();
  await page.getByText('Sign in', { exact: true }).waitFor();
  const rows = page.locator('table[aria-label="Register entries"] tbody tr');
  await rows.first().waitFor();
  await shot(page, 'public-register');

  // search by name narrows the list; the certificate link verifies
  const name = (await rows.first().locator('td').first().textContent()).trim();
  await page.getByLabel('Name').fill(name.split(' ')[0]);
  await page.getByRole('button', { name: 'Search' }).click();
  await page.waitForURL(/name=/);
  await rows.first().waitFor();
  await rows.first().getByRole('link').click();
  await page.getByRole('heading', { name: '✓ Valid accreditation' }).waitFor();
  await shot(page, 'public-verify');

  // an unknown number says so plainly
  await page.getByRole('textbox', { name: 'Certificate number' }).fill('NO-SUCH-CERT-0001');
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  await page.getByRole('heading', { name: 'No such certificate' }).or(page.getByRole('alert')).first().waitFor();
  await checkA11y(page, 'public-verify-unknown');

  // a phone-sized register
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/register');
  await rows.first().waitFor();
  await shot(page, 'public-register-phone');
  assert.deepEqual(page.problems, []);
});
