import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { checkA11y, launch, newPage, shot, signIn } from './helpers.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => browser?.close());

test('body admin publishes the body’s own taxonomy; the trainee’s case form offers its values', async () => {
  const page = await newPage(browser);
  await signIn(page, 'bodyadmin.uk');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Taxonomies' }).click();
  await page.getByRole('heading', { name: 'Taxonomies', level: 1 }).waitFor();
  await page.getByRole('link', { name: 'Interpersonal Psychotherapy (IPT)' }).waitFor();
  await checkA11y(page, 'admin-taxonomies');

  // a new taxonomy of the body, copied from IPT
  const code = `UK-LISTS-${Date.now().toString(36).toUpperCase()}`;
  await page.getByLabel(/^Code/).fill(code);
  await page.getByLabel('Name', { exact: true }).fill('UK lists');
  await page.getByRole('button', { name: 'Create draft' }).click();
  await page.getByRole('heading', { name: /UK lists/, level: 1 }).waitFor();
  await page.locator('h1').getByText('draft').waitFor();
  await checkA11y(page, 'admin-taxonomy-draft');

  // an extra problem area, and a further attribute with one value
  const problemAreas = page.locator('section', { has: page.getByRole('heading', { name: /^Problem area/ }) });
  await problemAreas.getByRole('button', { name: 'Add a value to Problem area' }).click();
  await problemAreas.getByLabel('Code of value 6').fill('loss_of_healthy_self');
  await problemAreas.getByLabel('Label of value 6').fill('Loss of the healthy self');
  await page.getByLabel(/^Attribute code/).fill('diagnosisGroup');
  await page.getByLabel('Attribute label').fill('Diagnosis group');
  await page.getByRole('button', { name: 'Add attribute' }).click();
  const groups = page.locator('section', { has: page.getByRole('heading', { name: /^Diagnosis group/ }) });
  await groups.getByLabel('Code of value 1').fill('depression');
  await groups.getByLabel('Label of value 1').fill('Depression');

  // a value code the service refuses is named in words, then corrected
  await groups.getByRole('button', { name: 'Add a value to Diagnosis group' }).click();
  await groups.getByLabel('Code of value 2').fill('Anxiety Disorders');
  await groups.getByLabel('Label of value 2').fill('Anxiety');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await page.getByText('The taxonomy was not saved').waitFor();
  await page.getByText(/definition\.attributes\.5\.values\.1\.code/).waitFor();
  await checkA11y(page, 'admin-taxonomy-invalid');
  await groups.getByLabel('Code of value 2').fill('anxiety');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await page.getByText('Saved (revision 2).').waitFor();
  await page.getByRole('button', { name: 'Publish' }).click();
  await page.getByText('Published. Cases of the body can now use this version.').waitFor();
  await page.locator('h1').getByText('published').waitFor();
  await page.getByText('This version is published and can no longer be changed.').waitFor();
  await shot(page, 'admin-taxonomy-published');

  // the trainee of the body logs a case with it: its own lists are offered first
  const trainee = await newPage(browser);
  await signIn(trainee, 'trainee.uk');
  await trainee.goto('/trainee/cases/new');
  await trainee.getByRole('heading', { name: 'Log a new case' }).waitFor();
  await trainee.getByLabel('Lists (taxonomy)').locator('option', { hasText: 'UK lists' }).waitFor({ state: 'attached' });
  assert.match(await trainee.getByLabel('Lists (taxonomy)').locator('option:checked').innerText(), /UK lists/);
  await trainee.getByLabel(/Primary diagnosis/).fill('F32.1');
  await trainee.getByLabel('Focus problem area').selectOption({ label: 'Loss of the healthy self' });
  await trainee.getByLabel(/^Diagnosis group/).selectOption({ label: 'Depression' });
  await checkA11y(trainee, 'case-new-with-taxonomy');
  await trainee.getByRole('button', { name: 'Save case and add sessions' }).click();
  await trainee.getByRole('heading', { name: /^Case C-/ }).waitFor();
  await checkA11y(trainee, 'case-detail-with-taxonomy');
  await trainee.close();
  await page.close();
});
