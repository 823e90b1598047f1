// A body admin adds an outcome instrument (CORE-10) as data in the app and publishes it; a trainee of that body
// then records it on a case from the measure form built from the instrument's definition, with the item range
// checked in the app before anything is sent and the risk item flagging the case.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { checkA11y, launch, newPage, shot, signIn } from './helpers.mjs';

let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

test('body admin: add CORE-10 with its items, bands, thresholds and risk item, publish it; trainee: record it on a case', async () => {
  const page = await newPage(browser);
  await signIn(page, 'bodyadmin.uk');
  await page.getByRole('heading', { name: 'Body administration' }).waitFor();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Instruments' }).click();
  await page.getByRole('heading', { name: 'Outcome instruments' }).waitFor();
  await page.getByText('PHQ-9', { exact: true }).waitFor();
  await checkA11y(page, 'admin-instruments');

  const form = page.locator('form', { has: page.getByRole('heading', { name: 'Add an instrument' }) });
  await form.getByLabel(/^Code/).fill('core-10');
  assert.equal(await form.getByLabel(/^Code/).inputValue(), 'CORE-10', 'codes are written in capitals');
  await form.getByLabel(/^Name/).fill('CORE-10');
  await form.getByLabel(/^What it measures/).fill('psychological distress');
  // ten items scored 0–4 is the form's starting point; item 6 asks about self-harm
  await form.getByText('Total range: 0–40 (the sum of the items)').waitFor();
  await form.getByLabel('Item 6 is a risk item', { exact: false }).check();

  // bands that do not reach the highest total are named in words before anything is sent
  await form.getByLabel('Band 1 to').fill('10');
  await form.getByLabel(/^Band 1 label/).fill('healthy');
  await form.getByRole('button', { name: 'Save as draft' }).click();
  await form.getByText('The last band must end at the highest total, 40').first().waitFor();
  await checkA11y(page, 'admin-instruments-error');
  await form.getByRole('button', { name: 'Add a band' }).click();
  assert.equal(await form.getByLabel('Band 2 from').inputValue(), '11');
  await form.getByLabel('Band 2 to').fill('40');
  await form.getByLabel(/^Band 2 label/).fill('clinical');
  await form.getByLabel(/^Caseness threshold/).fill('11');
  await form.getByLabel(/^Reliable change/).fill('6');
  await form.getByLabel(/^Licence note/).fill('CORE System Trust: free to copy, not to change');
  await form.getByRole('button', { name: 'Save as draft' }).click();
  await page.getByText('CORE-10 is saved as a draft. Publish it to use it.').waitFor();
  await page.getByRole('button', { name: 'Publish CORE-10' }).click();
  await page.getByText('CORE-10 is published: trainees can now record it.').waitFor();
  // a published instrument is final: no publish button any more, and it is listed as published
  await page.getByRole('button', { name: 'Publish CORE-10' }).waitFor({ state: 'detached' });
  await shot(page, 'admin-instruments');

  // the trainee of that body records it on a new case
  const trainee = await newPage(browser);
  await signIn(trainee, 'trainee.uk');
  await trainee.getByRole('heading', { name: 'My progress' }).waitFor();
  await trainee.getByRole('link', { name: 'Log a new case' }).first().click();
  await trainee.getByRole('heading', { name: 'Log a new case' }).waitFor();
  await trainee.getByLabel('Supervisor').locator('option').first().waitFor({ state: 'attached' });
  await trainee.getByLabel(/Primary diagnosis/).fill('F32.1');
  await trainee.getByRole('button', { name: 'Save case and add sessions' }).click();
  await trainee.getByRole('heading', { name: /^Case C-/ }).waitFor();
  const measure = trainee.getByRole('form', { name: 'Enter an outcome measure' });
  await measure.getByLabel('Instrument').selectOption({ label: 'CORE-10 (psychological distress)' });
  assert.equal(await measure.locator('input[id^="item-"]').count(), 10, 'the form has the definition’s ten items');
  await measure.getByLabel('At session').fill('0');
  const scores = [2, 2, 5, 2, 2, 1, 2, 2, 2, 2];
  for (let i = 0; i < scores.length; i++) await measure.locator(`#item-${i}`).fill(String(scores[i]));
  await measure.getByText('risk item positive').waitFor();
  await measure.getByRole('button', { name: 'Save measure' }).click();
  await measure.getByText('Item 3 must be a whole number from 0 to 4').first().waitFor();
  await checkA11y(trainee, 'trainee-measure-core10-error');
  await measure.locator('#item-2').fill('2');
  await measure.getByRole('button', { name: 'Save measure' }).click();
  await measure.getByText(/Saved CORE-10 \(psychological distress\): total 19, band clinical\. The risk item is positive/).waitFor();
  await checkA11y(trainee, 'trainee-measure-core10');
  await trainee.close();
  await page.close();
});
