// The body admin's work with the keyboard only (Tab / Shift+Tab / Enter / Space / arrow keys; no mouse, no
// element.click()): find a person, open their progress, open their application and decide it — axe-core on every
// screen visited.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiToken, BASE_URL, checkA11y, launch, newPage } from './helpers.mjs';
import { signInByKeyboard, tabTo } from './tab-to.mjs';

const APPLICANT = 'Bea Trainee (UK)';
let browser;

// set-up over the API: the second UK trainee applies for Level A of the UK scheme (she is enrolled in it)
before(async () => {
  browser = await launch();
  const token = await apiToken('trainee2.uk');
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const me = await (await fetch(`${BASE_URL}/api/v1/me`, { headers })).json();
  const schemes = await (await fetch(`${BASE_URL}/api/v1/schemes`, { headers })).json();
  const enrolments = await (await fetch(`${BASE_URL}/api/v1/trainees/${me.id}/enrolments`, { headers })).json();
  const uk = enrolments.find((e) => schemes.some((s) => s.id === e.schemeId && /UK/.test(s.code)));
  assert.ok(uk, 'the second UK trainee is enrolled in the UK scheme');
  const res = await fetch(`${BASE_URL}/api/v1/applications`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ schemeId: uk.schemeId, levelCode: 'A', note: 'Applying for Level A.' }),
  });
  assert.equal(res.status, 201, await res.text());
});
after(async () => browser?.close());

test('body admin, keyboard only: find a person, open their progress, open their application and reject it with reasons', async () => {
  const page = await newPage(browser);
  await signInByKeyboard(page, 'bodyadmin.uk');
  await page.getByRole('heading', { name: 'Body administration' }).waitFor();
  await checkA11y(page, 'keyboard-admin-home');
  const nav = page.getByRole('navigation', { name: 'Main' });

  // find the person by name and open their progress
  await tabTo(page, nav.getByRole('link', { name: 'People' }));
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'People', level: 1 }).waitFor();
  await tabTo(page, page.getByLabel('Name or e-mail'));
  await page.keyboard.type('Bea');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/admin\/people\?q=Bea/);
  const rows = page.locator('tbody tr');
  await rows.first().getByText('trainee2.uk@demo.ipt.example').waitFor();
  await checkA11y(page, 'keyboard-admin-people');
  await tabTo(page, page.getByRole('link', { name: APPLICANT }));
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: APPLICANT, level: 1 }).waitFor();
  await page
    .getByTestId('person-progress')
    .first()
    .getByText(/Working towards/)
    .waitFor();
  await checkA11y(page, 'keyboard-admin-person-progress');

  // the open applications, then this person's
  await tabTo(page, nav.getByRole('link', { name: 'Applications' }), { back: true });
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Applications', level: 1 }).waitFor();
  await checkA11y(page, 'keyboard-admin-applications');
  await tabTo(page, page.getByRole('link', { name: APPLICANT }));
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: /^Evaluation:/ }).waitFor();
  await checkA11y(page, 'keyboard-admin-application');

  // decide: reject with reasons (the Reject button is only enabled once reasons are written)
  await tabTo(page, page.getByLabel(/^Reasons/));
  await page.keyboard.type('The Level A course certificate is missing; please attach it and apply again.');
  await tabTo(page, page.getByRole('button', { name: 'Reject' }));
  await page.keyboard.press('Enter');
  await page.getByText('Rejected; the applicant sees your reasons.').waitFor();
  await page.locator('h1').getByText('rejected').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Approve and issue' }).count(), 0, 'a decided application offers no decision');
  await checkA11y(page, 'keyboard-admin-application-decided');
  assert.deepEqual(page.problems, []);
});
