import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BASE_URL, checkA11y, INVITATION_LINK, launch, mailedLink, newPage, shot, signIn } from './helpers.mjs';

// A brand-new trainee, entirely in the app: invited by the body admin, accepts by the mailed link, enrols in the
// body's scheme, records a course; the admin assigns a supervisor; the trainee logs a case; the supervisor verifies
// the course and records a supervision meeting that reviewed the case; the trainee's progress counts both.
let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

test('a new trainee: invited, enrolled, supervised, training verified and supervision counted — all in the app', async () => {
  const email = `new.trainee.${Date.now()}@example.org`;
  const name = `Nia Newcomer ${Date.now() % 10000}`;
  const admin = await newPage(browser);
  await signIn(admin, 'bodyadmin.uk');
  await admin.getByRole('link', { name: 'Invitations' }).click();
  await admin.getByLabel('E-mail').fill(email);
  await admin.getByLabel('Role').selectOption('TRAINEE');
  await admin.getByRole('button', { name: 'Send invitation' }).click();
  await admin.getByText(`Invitation sent to ${email}.`).waitFor();

  const trainee = await newPage(browser);
  await trainee.goto((await mailedLink(email, INVITATION_LINK)).path);
  await trainee.getByLabel('Your name').fill(name);
  await trainee.getByLabel('New password').fill('a brand new trainee passphrase');
  await trainee.getByRole('button', { name: 'Create account and accept' }).click();
  await trainee.getByRole('heading', { name: 'My progress' }).waitFor();

  // enrol in the body's scheme
  const enrol = trainee.getByRole('button', { name: /^Enrol in / }).first();
  await enrol.waitFor();
  await checkA11y(trainee, 'new-trainee-enrol');
  await enrol.click();
  await trainee
    .getByRole('heading', { name: /version \d+/ })
    .first()
    .waitFor();

  // a course, recorded by the trainee
  await trainee.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Training' }).click();
  await trainee.getByRole('heading', { name: 'Training', level: 1 }).waitFor();
  await trainee.getByLabel('Hours').fill('14');
  await trainee.getByLabel('Title').fill('IPT foundation course');
  await trainee.getByLabel('Provider').fill('IPT UK');
  await trainee.getByRole('button', { name: 'Add training' }).click();
  await trainee.getByText('IPT foundation course was added.').waitFor();
  await trainee.locator('tbody tr', { hasText: 'IPT foundation course' }).getByText('not verified yet').waitFor();
  await shot(trainee, 'new-trainee-training');

  // no supervisor yet: the admin assigns one on the person's page
  await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
  await admin.getByRole('heading', { name: 'People', level: 1 }).waitFor();
  await admin.getByLabel('Name or e-mail').fill(email);
  await admin.getByRole('button', { name: 'Search' }).click();
  await admin.getByRole('link', { name }).first().click();
  await admin.getByRole('heading', { name: 'Supervisors' }).waitFor();
  await admin.getByText('No supervisor yet').waitFor();
  await admin.getByLabel('Supervisor', { exact: true }).selectOption({ label: 'Dr Sam Supervisor (UK)' });
  await admin.getByRole('button', { name: 'Assign supervisor' }).click();
  await admin.getByText(`Dr Sam Supervisor (UK) now supervises ${name}.`).waitFor();
  await shot(admin, 'admin-assign-supervisor');

  // the trainee logs a case under that supervisor
  await trainee.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Progress' }).click();
  await trainee.getByRole('link', { name: 'Log a new case' }).first().click();
  await trainee.getByLabel('Supervisor').locator('option', { hasText: 'Dr Sam Supervisor (UK)' }).waitFor({ state: 'attached' });
  await trainee.getByLabel(/Primary diagnosis/).fill('F32.1');
  await trainee.getByRole('button', { name: 'Save case and add sessions' }).click();
  await trainee.getByRole('heading', { name: /^Case C-/ }).waitFor();
  const clientCode = (await trainee.locator('h1').innerText()).match(/Case (\S+)/)[1];

  // the supervisor verifies the course and records a meeting that reviewed the case
  const sup = await newPage(browser);
  await signIn(sup, 'supervisor.uk');
  await sup.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Supervisees' }).click();
  const card = sup.getByTestId('supervisee').filter({ hasText: name });
  await card.getByRole('button', { name: 'Verify IPT foundation course' }).click();
  await card.getByText('IPT foundation course is verified.').waitFor();
  const meeting = sup.locator('section', { has: sup.getByRole('heading', { name: 'Record a supervision meeting' }) });
  await meeting.getByLabel('Minutes').fill('90');
  await meeting.getByRole('radio', { name }).check();
  await meeting.getByRole('checkbox', { name: `Case ${clientCode} (${name})` }).check();
  await checkA11y(sup, 'supervisor-record-meeting');
  await meeting.getByRole('button', { name: 'Save meeting' }).click();
  await meeting.getByText(/The meeting of .* with 1 supervisee was saved\./).waitFor();
  await sup
    .getByTestId('supervisee')
    .filter({ hasText: name })
    .getByText(/1 meeting, 1\.5 h in all/)
    .waitFor();
  await shot(sup, 'supervisor-meeting-recorded');

  // the trainee sees the course verified
  await trainee.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Training' }).click();
  await trainee.locator('tbody tr', { hasText: 'IPT foundation course' }).getByText('verified', { exact: true }).waitFor();
  for (const p of [admin, trainee, sup]) assert.deepEqual(p.problems, []);
});
