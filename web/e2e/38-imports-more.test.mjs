import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { checkA11y, launch, newPage, shot, signIn } from './helpers.mjs';

let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

const day = (n) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const file = (name, text) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
// consonant, digit, …: a client code the client-code check accepts, new on every run
const code = () =>
  'J' + Array.from({ length: 5 }, (_, i) => (i % 2 ? 'BCDFGHKQTWXZ' : '23456789')[Math.floor(Math.random() * (i % 2 ? 12 : 8))]).join('');

const CASES =
  'client_code,supervisor_email,format,adaptation,age_band,setting,primary_diagnosis,focus_problem_area,secondary_problem_area,planned_sessions,start_date,end_date,status,end_reason,recording_consent';
const MEASURES = 'client_code,instrument,session,administered_on,scores,total';
const MEETINGS = 'date,supervisor_email,format,minutes,co_trainee_emails,cases_reviewed';

async function dryRun(page, name, text) {
  await page.locator('input[type=file]').setInputFiles(file(name, text));
  await page.getByRole('button', { name: 'Check the file (dry run)' }).click();
  await page.getByRole('heading', { name: '3. Check the report' }).waitFor();
}

test('imports: the trainee imports a case and its outcome measures; the body admin imports supervision meetings for a trainee', async () => {
  const page = await newPage(browser);
  await signIn(page, 'trainee.uk');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import' }).click();
  await page.getByRole('heading', { name: 'Import from a spreadsheet' }).waitFor();
  // a trainee does not import supervision meetings: their supervisor records them, or their body's admin imports them
  assert.equal(await page.getByLabel('What to import').locator('option[value=supervision]').count(), 0);

  const client = code();
  await page.getByLabel('What to import').selectOption('cases');
  await page.getByRole('cell', { name: 'recording_consent', exact: true }).waitFor();
  await dryRun(
    page,
    'cases.csv',
    `${CASES}\n${client},supervisor.uk@demo.ipt.example,individual,adult,26-40,community,F32.1,grief,,12,${day(100)},,active,,yes\n`,
  );
  await page.getByRole('button', { name: 'Import the file' }).click();
  await page.getByText('Imported: 1 new record.').waitFor();

  await page.getByLabel('What to import').selectOption('measures');
  await page.getByRole('cell', { name: 'scores', exact: true }).waitFor();
  await checkA11y(page, 'imports-measures-template');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the template (CSV)' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'measures-template.csv');
  assert.equal((await readFile(await download.path(), 'utf8')).split('\n')[0].trim(), MEASURES);

  // row 3: eight scores for a nine-item instrument; row 4: an ambiguous date
  await dryRun(
    page,
    'measures.csv',
    `${MEASURES}\n${client},PHQ9,intake,${day(100)},2;2;1;2;1;1;2;1;0,\n${client},PHQ9,4,${day(79)},1;1;1;1;1;1;1;0,\n${client},GAD7,,05/03/2024,,9\n`,
  );
  await page.getByText('2 rows have errors').waitFor();
  const report = page.locator('section', { has: page.getByRole('heading', { name: '3. Check the report' }) });
  assert.match(await report.getByRole('row').nth(2).textContent(), /3.*Errors.*PHQ-9 has 9 items, got 8/s);
  assert.match(await report.getByRole('row').nth(3).textContent(), /4.*Errors.*ambiguous/s);
  await shot(page, 'imports-measures-errors');

  await dryRun(
    page,
    'measures.csv',
    `${MEASURES}\n${client},PHQ9,intake,${day(100)},2;2;1;2;1;1;2;1;0,\n${client},PHQ9,4,${day(79)},1;1;1;1;1;1;1;0;0,\n`,
  );
  await page.getByRole('button', { name: 'Import the file' }).click();
  await page.getByText('Imported: 2 new records.').waitFor();
  assert.deepEqual(page.problems, []);

  const admin = await newPage(browser);
  await signIn(admin, 'bodyadmin.uk');
  await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import' }).click();
  await admin.getByLabel('What to import').selectOption('supervision');
  await admin.getByRole('cell', { name: 'co_trainee_emails', exact: true }).waitFor();
  await admin.getByLabel('Find the trainee').fill('Alex');
  const trainee = admin.getByLabel('Trainee', { exact: true });
  await trainee.locator('option', { hasText: 'trainee.uk@demo.ipt.example' }).waitFor({ state: 'attached' });
  await trainee.selectOption({ label: 'Alex Trainee (UK) (trainee.uk@demo.ipt.example)' });
  await checkA11y(admin, 'imports-admin-trainee');

  const when = day(40 + Math.floor(Math.random() * 120));
  await dryRun(
    admin,
    'meetings.csv',
    `${MEETINGS}\n${when},supervisor.uk@demo.ipt.example,individual,60,,${client}\n2999-01-01,supervisor.uk@demo.ipt.example,individual,60,,\n`,
  );
  await admin.getByText('1 row has errors').waitFor();
  const rows = admin.locator('section', { has: admin.getByRole('heading', { name: '3. Check the report' }) });
  assert.match(await rows.getByRole('row').nth(2).textContent(), /3.*Errors.*future/s);
  await shot(admin, 'imports-meetings-errors');

  await dryRun(admin, 'meetings.csv', `${MEETINGS}\n${when},supervisor.uk@demo.ipt.example,individual,60,,${client}\n`);
  await admin.getByRole('button', { name: 'Import the file' }).click();
  await admin.getByText('Imported: 1 new record.').waitFor();
  await checkA11y(admin, 'imports-meetings-committed');
  assert.deepEqual(admin.problems, []);
});
