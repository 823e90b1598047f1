import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { checkA11y, launch, newPage, shot, signIn } from './helpers.mjs';

let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

test('supervisor: queue with risk first, return one case, sign off another, rate a recorded session', async () => {
  const page = await newPage(browser);
  await signIn(page, 'supervisor.uk');
  await page.getByRole('heading', { name: 'Review queue' }).waitFor();
  const rows = page.locator('table[aria-label="Cases awaiting sign-off"] tbody tr');
  await rows.first().waitFor();
  assert.ok((await rows.count()) >= 2, 'the seeded risky case and the trainee journey case are waiting');
  const risks = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-risk')));
  assert.equal(risks[0], 'yes', 'a risk-flagged case comes first');
  assert.deepEqual([...risks].sort().reverse(), risks, 'every risk-flagged case before the others');
  await shot(page, 'supervisor-queue');

  // return the risky case with comments
  await rows
    .first()
    .getByRole('link', { name: /^Review/ })
    .click();
  await page.getByText('⚠ Risk flagged').first().waitFor();
  await page.getByLabel('Comments for the trainee').fill('Please add the safety plan you agreed at session 4.');
  await page.getByRole('button', { name: 'Return with comments' }).click();
  await page.locator('h1').getByText('returned').waitFor();
  await checkA11y(page, 'supervisor-case-returned');

  // sign off the trainee's new case (the first one without a risk flag)
  await page.getByRole('link', { name: 'Review queue' }).click();
  await page
    .locator('tbody tr[data-risk="no"]')
    .first()
    .getByRole('link', { name: /^Review/ })
    .click();
  await page.getByRole('heading', { name: 'Review', exact: true }).waitFor();
  await shot(page, 'supervisor-case-review');
  await page.getByRole('button', { name: 'Sign off case' }).click();
  await page.locator('h1').getByText('signed off').waitFor();

  // rate a recorded session: one screen, every item with its anchors, total and pass computed as you go
  const clientCode = (await page.locator('h1').innerText()).match(/Case (\S+)/)[1];
  const rateLink = page.getByRole('link', { name: 'Rate recording' }).first();
  const sessionNo = (await rateLink.getAttribute('aria-label')).match(/session (\d+)/)[1];
  await rateLink.click();
  await page.getByRole('heading', { name: 'Rate a recorded session' }).waitFor();
  // the screen says which session is rated, and opens with a rubric chosen
  const rated = page.getByTestId('rated-session');
  await rated.getByText(clientCode).waitFor();
  assert.match(
    await rated.innerText(),
    new RegExp(`^Case ${clientCode} of .+ — session ${sessionNo} on \\w`),
    'case, session number and date',
  );
  const items = page.locator('fieldset.rubric-item');
  await items.first().waitFor();
  assert.notEqual(await page.getByLabel(/^Rubric/).inputValue(), '', 'a rubric is chosen');
  const n = await items.count();
  assert.ok(n >= 5, `${n} rubric items on one screen`);
  // keyboard: Tab from item to item; the sticky total bar never covers the item with focus
  await items.first().locator('input[type=radio]').first().focus();
  for (let i = 1; i < n; i++) {
    await page.keyboard.press('Tab');
    const covered = await page.evaluate(() => {
      const el = document.activeElement;
      const bar = document.querySelector('.total-bar');
      return el.getBoundingClientRect().bottom > bar.getBoundingClientRect().top + 1 ? `${el.getAttribute('name')} under the bar` : null;
    });
    assert.equal(covered, null, `item ${i + 1}`);
  }
  for (let i = 0; i < n; i++) await items.nth(i).locator('input[type=radio]').nth(-2).check();
  await page.locator('.total-bar').getByText('Pass', { exact: true }).waitFor();
  await shot(page, 'supervisor-rating');
  await page.getByRole('button', { name: 'Submit rating' }).click();
  await page.getByText(/Rating submitted: total/).waitFor();

  // correct the rating: the rubric opens pre-filled, a reason is required; the old rating stays, marked as corrected
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My ratings' }).click();
  await page.getByRole('heading', { name: 'My ratings' }).waitFor();
  const ratedRow = page.locator('tbody tr', { hasText: `Session ${sessionNo} (` }).filter({ hasText: clientCode });
  await ratedRow.getByRole('link', { name: /^Correct this rating: Session/ }).click();
  await page.getByRole('heading', { name: 'Correct a rating' }).waitFor();
  const fixItems = page.locator('fieldset.rubric-item');
  await fixItems.first().waitFor();
  for (let i = 0; i < n; i++)
    assert.equal(await fixItems.nth(i).locator('input[type=radio]').nth(-2).isChecked(), true, `item ${i + 1} pre-filled`);
  await checkA11y(page, 'supervisor-correct-rating');
  await fixItems.first().locator('input[type=radio]').nth(-3).check();
  await page.getByRole('button', { name: 'Submit the correction' }).click();
  await page
    .getByRole('alert')
    .getByText(/^Reason/)
    .waitFor(); // the error names the field as the form labels it
  await page.getByLabel(/^Reason/).fill('Item 1 was scored from the wrong segment of the recording.');
  await page.getByRole('button', { name: 'Submit the correction' }).click();
  await page.getByRole('heading', { name: 'My ratings' }).waitFor();
  const pair = page.locator('tbody tr', { hasText: `Session ${sessionNo} (` }).filter({ hasText: clientCode });
  await pair
    .getByText(/^Corrected on .+ by Dr Sam Supervisor \(UK\) \(Item 1 was scored from the wrong segment of the recording\.\)$/)
    .waitFor();
  await pair.getByText('Correction: Item 1 was scored from the wrong segment of the recording.').waitFor();
  assert.equal(await pair.getByRole('link', { name: /^Correct this rating/ }).count(), 1, 'only the current rating can be corrected');
  await shot(page, 'supervisor-rating-corrected');

  // calibration and own agreement figures
  await page.getByRole('link', { name: 'Calibration' }).click();
  await page.getByRole('heading', { name: 'My agreement' }).waitFor();
  await checkA11y(page, 'supervisor-calibration');
  assert.deepEqual(page.problems, []);
});
