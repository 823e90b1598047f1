// The supervisor's work with the keyboard only (Tab / Shift+Tab / Enter / Space / arrow keys; no mouse, no
// element.click()): sign in, return one case from the review queue with comments, sign off another, and rate a
// recorded session of it with the rubric — axe-core on every screen visited.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiToken, BASE_URL, checkA11y, launch, newPage } from './helpers.mjs';
import { signInByKeyboard, tabTo } from './tab-to.mjs';

let browser;
const cases = [];
const api = async (token, method, path, body, ifMatch) => {
  const res = await fetch(`${BASE_URL}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      ...(ifMatch !== undefined ? { 'if-match': `"${ifMatch}"` } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  assert.ok(res.ok, `${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
};
const daysAgo = (n) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

// set-up over the API: the second UK trainee submits two cases (no risk flag), each with two recorded sessions
before(async () => {
  browser = await launch();
  const trainee = await apiToken('trainee2.uk');
  const supervisor = await apiToken('supervisor.uk');
  const rel = await api(trainee, 'GET', '/supervision/relationships?role=trainee&status=active');
  for (const problem of ['grief', 'role_transition']) {
    const c = await api(trainee, 'POST', '/cases', {
      supervisorId: rel.items[0].supervisorId,
      format: 'individual',
      adaptation: 'adult',
      ageBand: '26-40',
      setting: 'community',
      plannedSessions: 12,
      recordingConsent: true,
      primaryDiagnosis: 'F32.1',
      focusProblemArea: problem,
      startDate: daysAgo(40),
      presentingProblem: 'Low mood after a change at work.',
    });
    let v = c.version;
    for (const n of [1, 2])
      v = (
        await api(
          trainee,
          'POST',
          `/cases/${c.id}/sessions`,
          { number: n, date: daysAgo(40 - 7 * (n - 1)), durationMinutes: 50, phase: 'initial', attended: true, recorded: true },
          v,
        )
      ).version;
    await api(trainee, 'POST', `/cases/${c.id}/submit`);
    cases.push({ id: c.id, clientCode: (await api(supervisor, 'GET', `/cases/${c.id}`)).clientCode });
  }
});
after(async () => browser?.close());

test('supervisor, keyboard only: return a case, sign off another, rate a recorded session with the rubric', async () => {
  const page = await newPage(browser);
  await signInByKeyboard(page, 'supervisor.uk');
  await page.getByRole('heading', { name: 'Review queue' }).waitFor();
  await checkA11y(page, 'keyboard-supervisor-queue');
  const [toReturn, toSignOff] = cases;

  // return the first case with comments
  await tabTo(page, page.getByRole('link', { name: `Review ${toReturn.clientCode}` }));
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Review', exact: true }).waitFor();
  await checkA11y(page, 'keyboard-supervisor-case');
  await tabTo(page, page.getByLabel('Comments for the trainee'));
  await page.keyboard.type('Please add the interpersonal inventory to the formulation.');
  await tabTo(page, page.getByRole('button', { name: 'Return with comments' }));
  await page.keyboard.press('Enter');
  await page.locator('h1').getByText('returned').waitFor();
  await checkA11y(page, 'keyboard-supervisor-case-returned');

  // back to the queue (Shift+Tab up to the main navigation), then sign off the second case
  await tabTo(page, page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Review queue' }), { back: true });
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Review queue' }).waitFor();
  assert.equal(await page.getByRole('link', { name: `Review ${toReturn.clientCode}` }).count(), 0, 'the returned case left the queue');
  await tabTo(page, page.getByRole('link', { name: `Review ${toSignOff.clientCode}` }));
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Review', exact: true }).waitFor();
  await tabTo(page, page.getByRole('button', { name: 'Sign off case' }));
  await page.keyboard.press('Space');
  await page.locator('h1').getByText('signed off').waitFor();
  await checkA11y(page, 'keyboard-supervisor-case-signed-off');

  // rate session 2 of the signed-off case: each item by arrow keys, Tab to the next
  await tabTo(page, page.getByRole('link', { name: 'Rate recording of session 2' }));
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Rate a recorded session' }).waitFor();
  await page.getByTestId('rated-session').getByText(toSignOff.clientCode).waitFor();
  const items = page.locator('fieldset.rubric-item');
  await items.first().waitFor();
  const n = await items.count();
  const values = await items
    .first()
    .locator('input[type=radio]')
    .evaluateAll((rs) => rs.map((r) => Number(r.value)));
  const [min, max] = [Math.min(...values), Math.max(...values)];
  await checkA11y(page, 'keyboard-supervisor-rating');
  await tabTo(page, items.first().locator('input[type=radio]').first());
  for (let i = 0; i < n; i++) {
    // focus is on the item's first radio: Space chooses it, each arrow moves one point up the scale
    await page.keyboard.press('Space');
    for (let k = min; k < max - 1; k++) await page.keyboard.press('ArrowRight');
    assert.equal(
      Number(await items.nth(i).locator('input[type=radio]:checked').inputValue()),
      max - 1,
      `item ${i + 1} scored by the arrow keys`,
    );
    if (i < n - 1) {
      await page.keyboard.press('Tab');
      assert.ok(
        await items
          .nth(i + 1)
          .locator('input[type=radio]')
          .first()
          .evaluate((el) => el === document.activeElement),
        'Tab moves to the next item',
      );
    }
  }
  await page.locator('.total-bar').getByText('Pass', { exact: true }).waitFor();
  assert.equal(await page.getByTestId('rating-total').innerText(), String(n * (max - 1)));
  await checkA11y(page, 'keyboard-supervisor-rating-scored');
  await tabTo(page, page.getByRole('button', { name: 'Submit rating' }));
  await page.keyboard.press('Enter');
  await page.getByText(/Rating submitted: total/).waitFor();
  await checkA11y(page, 'keyboard-supervisor-rating-submitted');
  assert.deepEqual(page.problems, []);
});
