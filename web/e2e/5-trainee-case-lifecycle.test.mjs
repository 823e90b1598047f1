// A trainee's case from first entry to counting towards a level, through the app: the supervisor's part (return,
// sign-off) is done over the API, as the supervisor's own journey covers those screens.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiToken, BASE_URL, checkA11y, launch, newPage, shot, signIn } from './helpers.mjs';

let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

const api = async (token, method, path, body, ifMatch) => {
  const res = await fetch(`${BASE_URL}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(ifMatch !== undefined ? { 'if-match': `"${ifMatch}"` } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.status === 204 ? null : res.json();
};
// the browser's own calendar date, as the forms fill it in
const localDate = (offsetDays = 0) => {
  const d = new Date(Date.now() + offsetDays * 86_400_000);
  return { iso: `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`, d };
};
const typedUs = ({ d }) => `${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}${d.getFullYear()}`;

async function logCase(page, diagnosis) {
  await page.getByRole('link', { name: 'Log a new case' }).first().click();
  await page.getByRole('heading', { name: 'Log a new case' }).waitFor();
  await page.getByLabel('Supervisor').locator('option').first().waitFor({ state: 'attached' });
  await page.getByLabel(/Primary diagnosis/).fill(diagnosis);
  await page.getByRole('button', { name: 'Save case and add sessions' }).click();
  await page.getByRole('heading', { name: /^Case C-/ }).waitFor();
  const clientCode = (await page.locator('h1').innerText()).match(/Case (\S+)/)[1];
  const id = new URL(page.url()).pathname.split('/').at(-1);
  return { clientCode, id };
}

test('trainee: a case logged, corrected, returned, acted on, completed, signed off and counted', async () => {
  const page = await newPage(browser);
  const supervisor = await apiToken('supervisor.uk');
  const trainee = await apiToken('trainee.uk');
  await signIn(page, 'trainee.uk');
  await page.getByRole('heading', { name: 'My progress' }).waitFor();

  // a case logged by mistake is deleted, after a confirmation
  const mistake = await logCase(page, 'F41.1');
  await page.getByRole('button', { name: 'Delete case…' }).click();
  await page.getByRole('button', { name: `Yes, delete case ${mistake.clientCode}` }).click();
  await page.getByText(`Case ${mistake.clientCode} was deleted.`).waitFor();

  // the case, with the checks a person can trip over shown in the app, in words
  await page.getByRole('link', { name: 'Progress' }).click();
  const c = await logCase(page, 'f32.1');
  await page.getByRole('button', { name: 'Submit for sign-off' }).click();
  await page.getByText('Add at least one session before sending the case to your supervisor').first().waitFor();
  await checkA11y(page, 'trainee-case-submit-error');

  // sessions from the keyboard: after each, the next date field has focus with the cursor on its first part
  const dateField = page.getByLabel('Date', { exact: true });
  await dateField.focus();
  await page.keyboard.press('Enter');
  await page.getByText('Session 1 added.').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('type')), 'date', 'focus is back on the date field');
  await page.keyboard.type(typedUs(localDate(-1)));
  assert.equal(await dateField.inputValue(), localDate(-1).iso, 'typing a date right away fills the whole date');
  await page.keyboard.press('Enter');
  await page
    .getByText(/Date is before the case start/)
    .first()
    .waitFor();
  assert.equal(
    await page.evaluate(() => document.activeElement?.getAttribute('aria-invalid')),
    'true',
    'focus moves to the field in error',
  );
  assert.equal(await page.getByText('Session 1 added.').count(), 0, 'the earlier success message is gone');
  assert.equal(await page.getByText(/\((VALIDATION_FAILED|[A-Z_]{6,})\)/).count(), 0, 'no error codes are shown');
  await dateField.fill(localDate().iso);
  for (const n of [2, 3, 4, 5, 6, 7, 8]) {
    await page.keyboard.press('Enter');
    await page.getByText(`Session ${n} added.`).waitFor();
  }
  assert.equal(await page.locator('section[aria-labelledby="sessions-h"] tbody tr').count(), 8);

  // an item score out of range is named in words before anything is sent
  const scores = [5, 2, 1, 1, 1, 1, 1, 1, 0];
  for (let i = 0; i < scores.length; i++) await page.locator(`#item-${i}`).fill(String(scores[i]));
  await page.getByRole('button', { name: 'Save measure' }).click();
  await page.getByText('Item 1 must be a whole number from 0 to 3').first().waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'item-0');
  await page.locator('#item-0').fill('2');
  await page.getByRole('button', { name: 'Save measure' }).click();
  await page.getByText(/Saved PHQ-9 \(depression\): total 10/).waitFor();
  await shot(page, 'trainee-case-lifecycle-sessions');

  // someone else changes the case meanwhile (another tab): the edit is refused, the case reloaded, the input kept
  const now = await api(trainee, 'GET', `/cases/${c.id}`);
  await api(trainee, 'PATCH', `/cases/${c.id}`, { presentingProblem: 'Low mood since moving house.' }, now.version);
  await page.getByRole('button', { name: 'Edit session 2' }).click();
  await page.getByLabel('Minutes').fill('45');
  await page.getByRole('button', { name: 'Save session 2' }).click();
  await page
    .getByText(/This case was changed elsewhere since you opened it/)
    .first()
    .waitFor();
  assert.equal(await page.getByLabel('Minutes').inputValue(), '45', 'what was typed is kept');
  await page.getByText('Low mood since moving house.').waitFor(); // the reloaded case
  await page.getByRole('button', { name: 'Save session 2' }).click();
  await page.getByText('Session 2 saved.').waitFor();
  assert.equal(
    await page.locator('section[aria-labelledby="sessions-h"] tbody tr').nth(1).locator('td[data-label="Minutes"]').innerText(),
    '45',
  );

  // submitted; not yet counted, and the progress page says which case that is
  await page.getByRole('button', { name: 'Submit for sign-off' }).click();
  await page.locator('h1').getByText('submitted').waitFor();
  await page.getByRole('link', { name: 'Progress' }).click();
  await page.getByRole('heading', { name: /Working towards:/ }).waitFor();
  await page.getByText(`${c.clientCode}: not counted, status is active`).first().waitFor();
  await checkA11y(page, 'trainee-progress-not-counted');

  // the supervisor returns it with comments; the trainee sees them on the case and acts on them
  const comments = 'Please add your formulation and check the start date.';
  await api(supervisor, 'POST', `/cases/${c.id}/return`, { comments });
  await page.getByRole('link', { name: 'My cases' }).first().click();
  await page.getByRole('link', { name: c.clientCode, exact: true }).click();
  await page.getByRole('heading', { name: 'Your supervisor returned this case' }).waitFor();
  await page.getByText(comments).first().waitFor();
  await shot(page, 'trainee-case-returned');

  await page.getByRole('button', { name: 'Edit case details' }).click();
  await page.getByRole('heading', { name: `Edit case ${c.clientCode}` }).waitFor();
  await page.getByLabel('Start date').fill(localDate(3).iso);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByText('Start date is in the future').first().waitFor();
  await checkA11y(page, 'trainee-case-edit-error');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('type')), 'date', 'focus is on the start date');
  await page.getByLabel('Start date').fill(localDate().iso);
  await page.getByLabel(/^Formulation/).fill('Role transition: retirement; low mood linked to loss of role and routine.');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByText('The case was saved.').waitFor();

  // completed: end date, end reason, outcome
  await page.getByRole('button', { name: 'Complete or close case' }).click();
  await page.getByLabel('Status').selectOption('completed');
  await checkA11y(page, 'trainee-case-complete-form');
  await page.getByLabel(/^End reason/).fill('Planned ending after eight sessions');
  await page.getByRole('textbox', { name: /^Outcome/ }).fill('PHQ-9 fell from moderate to mild.');
  await page.getByRole('button', { name: 'Mark as completed' }).click();
  await page.getByText('The case was closed.').waitFor();
  await page.getByText(/\(completed\)/).waitFor();
  await page.getByRole('button', { name: 'Submit for sign-off' }).click();
  await page.locator('h1').getByText('submitted').waitFor();

  // signed off: the case now counts on the progress page
  const seen = await api(supervisor, 'GET', `/cases/${c.id}`);
  await api(supervisor, 'POST', `/cases/${c.id}/sign-off`, { contentHash: seen.contentHash });
  await page.getByRole('link', { name: 'Progress' }).click();
  await page.getByRole('heading', { name: /Working towards:/ }).waitFor();
  await page
    .getByRole('link', { name: `case ${c.clientCode}` })
    .first()
    .waitFor();
  assert.equal(await page.getByText(`${c.clientCode}: not counted`).count(), 0, 'the case is no longer listed as not counted');
  await shot(page, 'trainee-progress-case-counted');

  // a level whose requirements are met and that is neither awarded nor applied for offers "Apply"
  const me = await api(trainee, 'GET', '/me');
  const held = (await api(trainee, 'GET', '/accreditations?limit=100')).items
    .filter((a) => a.holderId === me.id && ['active', 'suspended'].includes(a.status))
    .map((a) => a.levelCode);
  const open = (await api(trainee, 'GET', '/applications?limit=100')).items
    .filter((a) => ['submitted', 'more_info_requested'].includes(a.status))
    .map((a) => a.levelCode);
  if (!held.includes('A') && !open.includes('A')) {
    await page.getByRole('link', { name: 'Apply for Interest (Level A)' }).click();
    await page.getByRole('heading', { name: 'Apply for a level' }).waitFor();
    await checkA11y(page, 'trainee-apply-prefilled');
    assert.match(await page.getByLabel('Level').inputValue(), /\|A$/, 'the level is chosen');
  } else {
    assert.equal(
      await page.getByRole('link', { name: 'Apply for Interest (Level A)' }).count(),
      0,
      'a level held or applied for offers no Apply',
    );
  }
  assert.deepEqual(page.problems, []);
});
