import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { checkA11y, launch, newPage, shot, signIn } from './helpers.mjs';

let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

test('trainee: progress, a case with sessions and a measure, submit, apply for a level', async () => {
  const page = await newPage(browser);
  await signIn(page, 'trainee.uk');

  // dashboard: progress towards the level being worked on, each rule met / not met with its gap in words
  await page.getByRole('heading', { name: 'My progress' }).waitFor();
  await page.getByRole('heading', { name: /Working towards:/ }).waitFor();
  assert.ok((await page.getByText('✗ Not met').count()) > 0, 'an unmet rule is shown');
  assert.ok((await page.getByText(/more case needed|more cases needed/).count()) > 0, 'the gap is put in words');
  await shot(page, 'trainee-dashboard');

  // log a case: the form opens with the diagnosis focused; Enter saves it
  await page.getByRole('link', { name: 'Log a new case' }).first().click();
  await page.getByRole('heading', { name: 'Log a new case' }).waitFor();
  await page.getByLabel('Supervisor').locator('option').first().waitFor({ state: 'attached' });
  // the case fields appear once the case's taxonomy lists have loaded, the diagnosis focused
  await page.getByLabel('Focus problem area').locator('option').first().waitFor({ state: 'attached' });
  await checkA11y(page, 'trainee-new-case');
  assert.ok(await page.getByLabel(/Primary diagnosis/).evaluate((el) => el === document.activeElement), 'the diagnosis has focus');
  await page.keyboard.type('F32.1');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: /^Case C-/ }).waitFor();

  // sessions: the date field has focus; Enter adds the next session, focus returns for the next one
  const started = Date.now();
  for (const n of [1, 2, 3]) {
    await page.getByLabel('Date', { exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByText(`Session ${n} added.`).waitFor();
  }
  const perSession = (Date.now() - started) / 3;
  assert.ok(perSession < 3000, `a session takes ${perSession} ms`);
  assert.equal(await page.locator('section[aria-labelledby="sessions-h"] tbody tr').count(), 3);

  // an outcome measure with its band shown while typing
  const scores = [2, 2, 1, 1, 1, 1, 1, 1, 0]; // PHQ-9 total 10: moderate
  for (let i = 0; i < scores.length; i++) await page.locator(`#item-${i}`).fill(String(scores[i]));
  await page.locator('#band-live').getByText('moderate').waitFor();
  await shot(page, 'trainee-case');
  await page.getByRole('button', { name: 'Save measure' }).click();
  await page.getByText(/Saved PHQ-9 \(depression\): total 10, band/).waitFor();

  // submit for sign-off
  await page.getByRole('button', { name: 'Submit for sign-off' }).click();
  await page.locator('h1').getByText('submitted').waitFor();

  // ratings and supervision screens load
  await page.getByRole('link', { name: 'Ratings' }).click();
  await page.getByRole('heading', { name: 'Ratings of my work' }).waitFor();
  await page.getByText(/Total/).first().waitFor();
  await checkA11y(page, 'trainee-ratings');
  await page.getByRole('link', { name: 'Supervision' }).click();
  await page.getByRole('heading', { name: 'Supervision received' }).waitFor();
  await checkA11y(page, 'trainee-supervision');

  // apply for the level whose requirements are met
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Applications' }).click();
  await page.getByRole('heading', { name: 'Apply for a level' }).waitFor();
  await checkA11y(page, 'trainee-apply');
  const option = page.getByLabel('Level').locator('option', { hasText: 'all requirements met' }).first();
  await page.getByLabel('Level').selectOption((await option.getAttribute('value')) ?? '');
  await page.getByRole('button', { name: 'Submit application' }).click();
  await page.getByText(/Application for level .* submitted/).waitFor();
  await page.locator('td').getByText('submitted', { exact: true }).first().waitFor();

  // on a phone (390 × 844): the navigation folds into one row, a Menu button; nothing is wider than the screen
  await page.setViewportSize({ width: 390, height: 844 });
  const nav = page.getByRole('navigation', { name: 'Main' });
  const menu = nav.getByRole('button', { name: 'Menu' });
  const noOverflow = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  assert.equal(await noOverflow(), true, 'no horizontal scrolling');
  const navBox = await nav.boundingBox();
  const menuBox = await menu.boundingBox();
  assert.ok(navBox.height <= menuBox.height + 24, `the navigation is one row (${navBox.height} px high)`);
  assert.ok(menuBox.height >= 24 && menuBox.width >= 24, `the Menu button is a 24 px target (${menuBox.width} × ${menuBox.height})`);
  assert.equal(await nav.getByRole('link', { name: 'Progress' }).isVisible(), false, 'links are folded away');
  await menu.click();
  assert.equal(await menu.getAttribute('aria-expanded'), 'true');
  for (const box of await nav.getByRole('link').evaluateAll((as) => as.map((a) => a.getBoundingClientRect().toJSON()))) {
    assert.ok(box.height >= 24 && box.width >= 24, `each link is at least 24 px (${box.width} × ${box.height})`);
  }
  assert.equal(await noOverflow(), true, 'no horizontal scrolling with the menu open');
  await checkA11y(page, 'trainee-menu-phone');
  await nav.getByRole('link', { name: 'Progress' }).click();
  await page.getByRole('heading', { name: /Working towards:/ }).waitFor();
  assert.equal(await menu.getAttribute('aria-expanded'), 'false', 'the menu closes once a link is followed');
  assert.equal(await noOverflow(), true, 'the dashboard fits a phone');
  await shot(page, 'trainee-dashboard-phone');
  assert.deepEqual(page.problems, []);
});
