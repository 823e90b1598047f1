import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { checkA11y, launch, newPage, shot, signIn } from './helpers.mjs';

// Recognition between bodies: the UK body admin sees the demo recognition (US Level A counts as UK Level B with one
// top-up rule), drafts another in force from a past date and publishes it with a reason; the US trainee, who holds US Level A, sees UK Level B through the
// recognition with the top-up's gap and applies through it.

let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

test('the UK admin drafts and publishes a recognition; the US trainee sees the top-up gap and applies through one', async () => {
  const admin = await newPage(browser);
  await signIn(admin, 'bodyadmin.uk');
  await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Recognitions', exact: true }).click();
  await admin.getByRole('heading', { name: 'Recognitions', level: 1 }).waitFor();
  const demo = admin.locator('table tbody tr', { hasText: 'Membership of IPT UK' });
  await demo.getByText('Published').waitFor();
  await checkA11y(admin, 'recognitions-list');

  // a new draft: the US body's Level B counts as UK Level B in full
  await admin.getByLabel('Other body').selectOption({ label: 'IPT Institute US (demo national body)' });
  await admin.getByLabel('Its level').locator('option', { hasText: '(B)' }).first().waitFor({ state: 'attached' });
  await admin.getByLabel('Its level').selectOption('B');
  // the body's demo scheme (earlier journeys add schemes of their own to the UK body)
  await admin.getByLabel('Our scheme').selectOption({ label: 'UK-style accreditation (example) (UK-ACCREDITATION)' });
  await admin.getByLabel('Our level').locator('option', { hasText: '(B)' }).first().waitFor({ state: 'attached' });
  await admin.getByLabel('Our level').selectOption('B');
  await admin.getByLabel(/^Top-up rules/).fill('[]');
  // in force from ten days ago: publishing it is confirmed with a reason (holders' routes change from that date)
  const tenDaysAgo = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
  await admin.getByLabel('In force from').fill(tenDaysAgo);
  await admin.getByRole('button', { name: 'Save draft' }).click();
  await admin.getByText('The draft is saved. Publish it from the list.').waitFor();
  const draft = admin.locator('table tbody tr', { hasText: 'Recognised in full' });
  await draft.getByText('Draft').waitFor();
  await checkA11y(admin, 'recognitions-draft');
  await draft.getByRole('button', { name: 'Publish' }).click();
  const confirm = admin.getByRole('region', { name: /Publish the recognition of/ });
  await confirm.getByText(/is in the past/).waitFor();
  const publish = confirm.getByRole('button', { name: 'Publish' });
  assert.equal(await publish.isDisabled(), true, 'not published before the date is confirmed with a reason');
  await confirm.getByLabel('Publish with an effective date in the past').check();
  await confirm.getByLabel('Reason').fill('Agreed with the US body at the spring meeting');
  await checkA11y(admin, 'recognitions-publish-past');
  await publish.click();
  await admin.getByText('The recognition is published.').waitFor();
  await draft.getByText('Published').waitFor();
  await shot(admin, 'recognitions');

  const trainee = await newPage(browser);
  await signIn(trainee, 'trainee.us');
  await trainee.getByRole('heading', { name: 'Through recognition', level: 2 }).waitFor();
  const route = trainee.locator('article', { has: trainee.getByRole('heading', { name: /Through recognition of .*Level A/ }) });
  await route.getByText('Top-up rules: 0 of 1 met').waitFor();
  await route.getByText('Membership of IPT UK').waitFor();
  assert.equal(await route.locator('li').count(), 1, 'only the top-up rule is listed');
  await checkA11y(trainee, 'recognition-route');
  await shot(trainee, 'recognition-route');
  await route.getByRole('button', { name: /through this recognition/ }).click();
  await route.getByText('Your application has been sent.').waitFor();
  await route.getByRole('link', { name: 'See your applications' }).waitFor();
});
