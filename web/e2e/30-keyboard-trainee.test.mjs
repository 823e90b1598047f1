// The trainee's everyday path by keyboard alone: Tab / Shift+Tab to move, Enter / Space to act, arrow keys in a
// select. No mouse, no element.click(), no focus(): a control that cannot be reached or used this way fails here.
// The US trainee (supervised by the US supervisor), so the UK supervisor's queue the other journeys use is untouched.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { checkA11y, launch, newPage, PASSWORD } from './helpers.mjs';
import { tabTo } from './keyboard.mjs';

let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

test('trainee by keyboard only: sign in, log a case with a session, submit it, find it in the list', async () => {
  const page = await newPage(browser);
  await page.goto('/sign-in');
  const email = page.getByLabel('E-mail');
  await email.waitFor();
  await checkA11y(page, 'kbd-sign-in');

  // the first Tab reaches the skip link; following it lands in the page's content
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'Skip to content');

  await tabTo(page, email);
  await page.keyboard.type('trainee.us@demo.ipt.example');
  await page.keyboard.press('Tab');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'My progress' }).waitFor();
  await checkA11y(page, 'kbd-trainee-progress');

  // log a case: the diagnosis has focus; the problem area is changed with the arrow keys; Space ticks a box
  await tabTo(page, page.getByRole('main').getByRole('link', { name: 'Log a new case' }));
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Log a new case' }).waitFor();
  await page.getByLabel('Supervisor').locator('option').first().waitFor({ state: 'attached' });
  // the lists come from the case's taxonomy: wait for them, then make sure the diagnosis has focus (by keyboard)
  await page.getByLabel('Focus problem area').locator('option').first().waitFor({ state: 'attached' });
  await checkA11y(page, 'kbd-trainee-new-case');
  await tabTo(page, page.getByLabel(/Primary diagnosis/));
  await page.keyboard.type('F33.1');
  const focus = page.getByLabel('Focus problem area');
  await tabTo(page, focus);
  const before = await focus.inputValue();
  await page.keyboard.press('ArrowDown');
  const after = await focus.inputValue();
  assert.notEqual(after, before, 'ArrowDown changes the problem area');
  const consent = page.getByRole('checkbox', { name: /consented to sessions being recorded/ });
  await tabTo(page, consent);
  assert.equal(await consent.isChecked(), true);
  await page.keyboard.press('Space');
  assert.equal(await consent.isChecked(), false, 'Space unticks recording consent');
  await page.keyboard.press('Space');
  assert.equal(await consent.isChecked(), true, 'Space ticks it again');
  await tabTo(page, page.getByRole('button', { name: 'Save case and add sessions' }));
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: /^Case C-/ }).waitFor();
  const clientCode = (await page.locator('h1').innerText()).match(/Case (\S+)/)[1];

  // the new case opens with the session date focused: Enter adds session 1 with today's date
  await page.getByLabel('Date', { exact: true }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('type')), 'date', 'the session date has focus');
  await page.keyboard.press('Enter');
  await page.getByText('Session 1 added.').waitFor();
  assert.equal(await page.locator('section[aria-labelledby="sessions-h"] tbody tr').count(), 1);
  await checkA11y(page, 'kbd-trainee-case');

  // submit for sign-off with Space
  await tabTo(page, page.getByRole('button', { name: 'Submit for sign-off' }));
  await page.keyboard.press('Space');
  await page.locator('h1').getByText('submitted').waitFor();

  // back up the page to the navigation with Shift+Tab, open the case list, and the case is there, submitted
  await tabTo(page, page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' }), { back: true, max: 120 });
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'My cases' }).waitFor();
  const row = page.locator('tr', { has: page.getByRole('link', { name: clientCode, exact: true }) });
  await row.getByText('submitted', { exact: true }).waitFor();
  await checkA11y(page, 'kbd-trainee-cases');

  // and opens again from the list with Enter
  await tabTo(page, row.getByRole('link', { name: clientCode, exact: true }));
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: new RegExp(`^Case ${clientCode}`) }).waitFor();
  assert.deepEqual(page.problems, []);
});
