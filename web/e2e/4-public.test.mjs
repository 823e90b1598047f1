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
  const certificate = (await rows.first().getByRole('link').textContent()).trim();
  const holder = (await rows.first().locator('td').first().textContent()).trim();
  await rows.first().getByRole('link').click();
  await page.getByRole('heading', { name: '✓ Valid accreditation' }).waitFor();
  await shot(page, 'public-verify');

  // a number typed in lower case with spaces is found; the holder's name in other letter case matches
  const verifyForm = page.locator('form', { has: page.getByRole('heading', { name: 'By certificate number' }) });
  await verifyForm.getByRole('textbox', { name: 'Certificate number' }).fill(` ${certificate.toLowerCase().split('-').join(' - ')} `);
  await verifyForm.getByRole('textbox', { name: "Holder's name" }).fill(holder.toUpperCase());
  await verifyForm.getByRole('button', { name: 'Verify', exact: true }).click();
  await page.getByRole('heading', { name: '✓ Valid accreditation' }).waitFor();
  await page.locator('.alert.ok dd', { hasText: certificate }).waitFor();
  await page.locator('.alert.ok dd', { hasText: 'matches' }).waitFor();

  // a name that does not match is a warning, never shown in green
  await verifyForm.getByRole('textbox', { name: "Holder's name" }).fill('Someone Else Entirely');
  await verifyForm.getByRole('button', { name: 'Verify', exact: true }).click();
  await page.getByRole('heading', { name: /Valid certificate, but not in the name you entered/ }).waitFor();
  assert.equal(await page.locator('.alert.ok').count(), 0, 'nothing green when the name does not match');
  await page.locator('.alert.warn').getByText('does not match').waitFor();
  await shot(page, 'public-verify-name-mismatch');

  // country search takes the names and codes people use (the demo lists a US practitioner; UK ones only once approved)
  const searchCountry = async (country) => {
    await page.goto('/register');
    await rows.first().waitFor();
    await page.getByLabel('Country').fill(country);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/country=/);
    await page.getByText('Searching the register…').waitFor({ state: 'hidden' });
  };
  // the rows' bodies once the search has settled (the previous list stays on screen while the next one loads)
  const settledBodies = async (ok) => {
    for (let i = 0; i < 50; i++) {
      const bodies = await rows.locator('td[data-label="Body"]').allTextContents();
      if (ok(bodies)) return bodies;
      await page.waitForTimeout(100);
    }
    return rows.locator('td[data-label="Body"]').allTextContents();
  };
  for (const country of ['USA', 'United States', 'us']) {
    await searchCountry(country);
    const bodies = await settledBodies((b) => b.length > 0 && b.every((x) => x.includes('(US)')));
    assert.ok(bodies.length > 0 && bodies.every((b) => b.includes('(US)')), `"${country}" finds the US entries only: ${bodies.join('; ')}`);
    assert.equal(await page.locator('.alert.error').count(), 0);
  }
  for (const country of ['UK', 'United Kingdom', 'GB']) {
    await searchCountry(country);
    const bodies = await settledBodies((b) => b.every((x) => x.includes('(GB)')));
    assert.ok(
      bodies.every((b) => b.includes('(GB)')),
      `"${country}" finds UK entries only: ${bodies.join('; ')}`,
    );
    assert.equal(await page.locator('.alert.error').count(), 0, `"${country}" is accepted`);
  }
  await searchCountry('Neverland');
  await page.locator('.alert.error').first().waitFor();
  await checkA11y(page, 'public-register-unknown-country');
  await page.goto(`/verify/${encodeURIComponent(certificate)}`);
  await page.getByRole('heading', { name: '✓ Valid accreditation' }).waitFor();

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
