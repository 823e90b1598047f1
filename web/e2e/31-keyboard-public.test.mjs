// The public's path by keyboard alone: search the register, open a certificate, verify it with the holder's name.
// Tab / Shift+Tab to move, Enter to act; no mouse, no element.click(), no focus().
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { checkA11y, launch, newPage } from './helpers.mjs';
import { tabTo } from './keyboard.mjs';

let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

test('public by keyboard only: register search, open a certificate, verify it by number and name', async () => {
  const page = await newPage(browser);
  await page.goto('/register');
  await page.getByRole('heading', { name: /Public register/ }).waitFor();
  const rows = page.locator('table[aria-label="Register entries"] tbody tr');
  await rows.first().waitFor();
  await checkA11y(page, 'kbd-public-register');
  const holder = (await rows.first().locator('td').first().textContent()).trim();

  // search by the first name: type it, Enter submits the search
  await tabTo(page, page.getByLabel('Name'));
  await page.keyboard.type(holder.split(' ')[0]);
  await page.keyboard.press('Enter');
  await page.waitForURL(/name=/);
  const hit = rows.filter({ hasText: holder }).first();
  await hit.waitFor();
  const link = hit.getByRole('link');
  const certificate = (await link.textContent()).trim();

  // Tab on to the certificate link; Enter opens its verification
  await tabTo(page, link);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/verify\//);
  await page.getByRole('heading', { name: '✓ Valid accreditation' }).waitFor();
  await checkA11y(page, 'kbd-public-verify');

  // the number is filled in; Tab to the holder's name, type it, Enter verifies both
  const form = page.locator('form', { has: page.getByRole('heading', { name: 'By certificate number' }) });
  assert.equal(await form.getByRole('textbox', { name: 'Certificate number' }).inputValue(), certificate);
  await tabTo(page, form.getByRole('textbox', { name: "Holder's name" }));
  await page.keyboard.type(holder);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\?name=/);
  await page.locator('.alert.ok dd', { hasText: 'matches' }).waitFor();

  // a wrong name, typed over the right one, is a warning: Shift+Tab back into the name field from the button
  await tabTo(page, form.getByRole('button', { name: 'Verify', exact: true }));
  await page.keyboard.press('Shift+Tab');
  for (let i = 0; i < holder.length; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type('Someone Else Entirely');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: /Valid certificate, but not in the name you entered/ }).waitFor();
  await checkA11y(page, 'kbd-public-verify-mismatch');
  assert.deepEqual(page.problems, []);
});
