import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { checkA11y, launch, newPage, shot, signIn } from './helpers.mjs';

// The body admin draws a random sample of recent renewals, sees each sampled holder by name with what they must
// show, and records an audit's outcome. The demo's renewals are whatever earlier journeys left (journey 28 may renew).
let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

test('body admin: draws a renewal audit sample and records an outcome', async () => {
  const page = await newPage(browser);
  await signIn(page, 'bodyadmin.uk');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Renewal audits' }).click();
  await page.getByRole('heading', { name: 'Renewal audits', level: 1 }).waitFor();
  await checkA11y(page, 'admin-renewal-audits');

  // a share out of range is refused in words, naming the field as the form labels it
  await page.getByLabel(/^Share of renewals to sample/).fill('150');
  await page.getByRole('button', { name: 'Draw a sample' }).click();
  await page.getByRole('alert').getByText('Share of renewals to sample (%) must be between 0 and 100').waitFor();
  await checkA11y(page, 'admin-renewal-audits-error');

  // every renewal of the last year not sampled before: 100 % takes them all
  await page.getByLabel(/^Share of renewals to sample/).fill('100');
  await page.getByRole('button', { name: 'Draw a sample' }).click();
  const notice = await page.getByText(/^\d+ of \d+ renewals drawn for audit\.$/).textContent();
  const [, drawn, eligible] = notice.match(/^(\d+) of (\d+)/).map(Number);
  assert.equal(drawn, eligible, 'a 100 % sample takes every eligible renewal');

  const cards = page.getByTestId('renewal-audit');
  if (drawn === 0 && (await cards.count()) === 0) {
    await page.getByText('No renewal has been sampled for audit yet.').waitFor();
  } else {
    await cards.first().waitFor();
    assert.ok((await cards.count()) >= drawn, 'each drawn renewal is listed');
    const open = cards.filter({ hasText: 'not audited yet' }).first();
    const holder = (await open.getByRole('heading').innerText()).trim();
    assert.doesNotMatch(holder, /^[0-9a-f]{8}/, 'holders are named, not numbered');
    await open.getByText('What they must show:').waitFor();
    await open.getByRole('button', { name: `Record the outcome for ${holder}` }).click();
    await open.getByRole('radio', { name: 'Failed' }).check();
    await open.getByRole('button', { name: 'Save the outcome' }).click();
    await open.getByRole('alert').getByText('Reason is required when the audit failed').waitFor();
    await checkA11y(page, 'admin-renewal-audit-outcome-error');
    await open.getByLabel(/^Reason/).fill('No CPD certificates for the hours declared');
    await open.getByRole('button', { name: 'Save the outcome' }).click();
    await page
      .getByTestId('renewal-audit')
      .filter({ hasText: holder })
      .getByText(/^Failed, recorded on .+ by .+: No CPD certificates for the hours declared$/)
      .first()
      .waitFor();
  }
  await shot(page, 'admin-renewal-audits-done');
  assert.deepEqual(page.problems, []);
});
