import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BASE_URL, INVITATION_LINK, launch, mailedLink, newPage, shot, signIn } from './helpers.mjs';

let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

/** Waits for the mail to `to` and returns the path of its invitation link (with the token in the fragment). */
async function invitationLink(to) {
  const { path, raw } = await mailedLink(to, INVITATION_LINK);
  assert.match(raw, /^Subject: You are invited to /m);
  return path;
}

test('body admin invites a supervisor; the supervisor opens the mailed link, sets a password and sees the queue', async () => {
  const email = `invited.supervisor.${Date.now()}@example.org`;
  const admin = await newPage(browser);
  await signIn(admin, 'bodyadmin.uk');
  await admin.getByRole('link', { name: 'Invitations' }).click();
  await admin.getByRole('heading', { name: 'Invitations', level: 1 }).waitFor();
  await admin.getByLabel('E-mail').fill(email);
  await admin.getByLabel('Role').selectOption('SUPERVISOR');
  await admin.getByRole('button', { name: 'Send invitation' }).click();
  await admin.getByText(`Invitation sent to ${email}.`).waitFor();
  const row = admin.locator('tbody tr', { hasText: email });
  await row.getByText('pending').waitFor();
  await shot(admin, 'admin-invitations');

  const link = await invitationLink(email);
  const invited = await newPage(browser);
  await invited.goto(link);
  await invited.getByRole('heading', { name: 'Create your account' }).waitFor();
  assert.ok(await invited.getByText('to be a supervisor').isVisible());
  await invited.getByLabel('Your name').fill('Invited Supervisor');
  await invited.getByLabel('New password').fill('an invited supervisor passphrase');
  await shot(invited, 'accept-invitation');
  await invited.getByRole('button', { name: 'Create account and accept' }).click();
  await invited.waitForURL(`${BASE_URL}/supervisor`);
  await invited.getByRole('heading', { name: 'Review queue' }).waitFor();
  await invited.getByText('Signed in as').waitFor();
  // a supervisor only: no trainee pages in the navigation
  assert.equal(await invited.getByRole('link', { name: 'Progress' }).count(), 0);

  // the link worked once: opened again, it is refused
  const again = await newPage(browser);
  await again.goto(link);
  await again.getByText('This invitation cannot be used').waitFor();

  await admin.reload();
  await admin.locator('tbody tr', { hasText: email }).getByText('accepted').waitFor();
  for (const p of [admin, invited, again]) assert.deepEqual(p.problems, []);
});

test('forgot password: the sign-in page links to the request, which answers without telling whether the address exists', async () => {
  const page = await newPage(browser);
  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await page.getByRole('heading', { name: 'Forgot password' }).waitFor();
  await page.getByLabel('E-mail').fill('nobody.at.all@example.org');
  await page.getByRole('button', { name: 'Send the link' }).click();
  await page.getByText('If the address belongs to an account, a link has been sent to it.').waitFor();
  assert.deepEqual(page.problems, []);
});
