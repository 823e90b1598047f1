import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { checkA11y, launch, newPage, shot, signIn } from './helpers.mjs';

let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

const day = (n) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const file = (name, text) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });

test('imports: the trainee checks a file, sees the rows in error, fixes it and imports it; the body admin imports a register', async () => {
  const page = await newPage(browser);
  await signIn(page, 'trainee.uk');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import' }).click();
  await page.getByRole('heading', { name: 'Import from a spreadsheet' }).waitFor();
  await page.getByLabel('What to import').selectOption('activities');
  await page.getByRole('cell', { name: 'evidence_ref' }).waitFor();
  await checkA11y(page, 'imports-template');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the template (CSV)' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'activities-template.csv');
  const template = (await readFile(await download.path(), 'utf8')).split('\n')[0].trim();
  assert.equal(template, 'date,kind,title,provider,hours,delivery,evidence_ref');

  const title = `Imported workshop ${Date.now()}`;
  const header = 'date,kind,title,provider,hours,delivery,evidence_ref';
  await page
    .locator('input[type=file]')
    .setInputFiles(
      file('activities.csv', `${header}\n${day(40)},workshop,${title},IPT UK,6,in_person,\n05/03/2024,cpd,=cmd(),IPT UK,2,online,\n`),
    );
  await page.getByRole('button', { name: 'Check the file (dry run)' }).click();
  await page.getByRole('heading', { name: '3. Check the report' }).waitFor();
  await page.getByText('1 row has errors').waitFor();
  const report = page.locator('section', { has: page.getByRole('heading', { name: '3. Check the report' }) });
  assert.match(await report.getByRole('row').nth(2).textContent(), /3.*Errors.*ambiguous.*formula/s);
  await shot(page, 'imports-dry-run-errors');

  await page
    .locator('input[type=file]')
    .setInputFiles(file('activities.csv', `${header}\n${day(40)},workshop,${title},IPT UK,6,in_person,\n`));
  await page.getByRole('button', { name: 'Check the file (dry run)' }).click();
  await page.getByRole('button', { name: 'Import the file' }).click();
  await page.getByText('Imported: 1 new record.').waitFor();
  await page.getByRole('heading', { name: 'Imported' }).waitFor();
  await shot(page, 'imports-committed');
  assert.deepEqual(page.problems, []);

  const admin = await newPage(browser);
  await signIn(admin, 'bodyadmin.uk');
  await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import' }).click();
  await admin.getByRole('cell', { name: 'certificate_number' }).waitFor();
  await checkA11y(admin, 'imports-register-template');
  const who = `imported.${Date.now()}@example.org`;
  await admin
    .locator('input[type=file]')
    .setInputFiles(
      file(
        'holders.csv',
        `name,email,scheme,level,award_date,certificate_number,expiry_date,status,public_listing\nPat Imported,${who},UK-ACCREDITATION,A,1.2.2016,,,active,no\n`,
      ),
    );
  await admin.getByRole('button', { name: 'Check the file (dry run)' }).click();
  await admin.getByText('new person').waitFor();
  await shot(admin, 'imports-register-dry-run');
  await admin.getByRole('button', { name: 'Import the file' }).click();
  await admin.getByText('Imported: 1 new record.').waitFor();
  await checkA11y(admin, 'imports-register-committed');
  assert.deepEqual(admin.problems, []);
});
