import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { checkA11y, launch, newPage, shot, signIn } from './helpers.mjs';

let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

test('notifications: unread count in the header, the list links to the case, mark all read, mail preference saved', async () => {
  const page = await newPage(browser);
  await signIn(page, 'supervisor.uk');
  // the seeded cases were submitted through the API, so the supervisor has been told
  const link = page.locator('header').getByRole('link', { name: /^Notifications, \d+ unread$/ });
  await link.waitFor();
  await link.click();
  await page.getByRole('heading', { name: 'Notifications', exact: true }).waitFor();
  const waiting = page
    .locator('ul.notifications li')
    .filter({ hasText: /is waiting for your sign-off/ })
    .first();
  await waiting.waitFor();
  assert.match((await waiting.getByRole('link').getAttribute('href')) ?? '', /^\/cases\/[0-9a-f-]{36}$/);
  await shot(page, 'notifications');

  await page.getByRole('button', { name: 'Mark all read' }).click();
  await page.getByText('0 unread.').waitFor();
  await page.locator('header').getByRole('link', { name: 'Notifications', exact: true }).waitFor();

  await page.getByLabel('One daily summary e-mail').check();
  await page.getByText('Saved.').waitFor();
  await checkA11y(page, 'notifications-preference-saved');
  await page.reload();
  await page.getByLabel('One daily summary e-mail').waitFor();
  assert.equal(await page.getByLabel('One daily summary e-mail').isChecked(), true);
  assert.deepEqual(page.problems, []);
});
