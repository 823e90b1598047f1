import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { checkA11y, INVITATION_LINK, launch, mailedLink, newPage, shot, signIn } from './helpers.mjs';

// A brand-new trainee reaches a level entirely in the app: the body admin writes a small scheme (one level: one
// completed, signed-off case of at least 3 sessions, and one recorded session rated as passing) and publishes it;
// an invited trainee enrols, logs a case with sessions and a measure, completes and submits it; the supervisor signs
// it off and rates a session; the trainee sees the level met and applies; the admin approves; the trainee downloads
// the certificate; the public verification page finds its number typed in lower case with spaces. The only thing
// read outside the browser is the invitation mail.
let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

test('a brand-new trainee reaches a level through the app: scheme written, case logged, signed off, rated, applied, approved, verified', async () => {
  const n = Date.now() % 100000;
  const schemeName = `Journey ${n} IPT scheme`;
  const levelName = `Journey ${n} Practitioner`;
  // one supervisor's rating decides (the example rubric asks for two raters by default)
  const definition = {
    noun: 'accredited',
    phaseBoundaries: { initialLastSession: 1, terminationSessions: 1 },
    groupCredit: { kind: 'share', multiplier: 2, capAtGroupMinutes: true },
    levels: [
      {
        code: 'J29',
        name: levelName,
        kind: 'practitioner',
        order: 1,
        validity: { kind: 'none' },
        prerequisites: [],
        requirements: [
          {
            id: 'cases',
            type: 'completed_cases',
            label: 'One completed, signed-off case of at least 3 sessions',
            params: { minCount: 1, filter: { minSessions: 3 } },
          },
          {
            id: 'rated',
            type: 'case_recordings',
            label: 'One recorded session rated as passing',
            params: { minCases: 1, minRatedPerCase: 1, rubricCode: 'IPT-EXAMPLE-QA', requirePass: true, raterPolicy: { kind: 'single' } },
          },
        ],
      },
    ],
  };

  // 1. the body admin writes the scheme in the app and publishes it
  const admin = await newPage(browser);
  await signIn(admin, 'bodyadmin.uk');
  await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Schemes' }).click();
  await admin.getByRole('heading', { name: 'Accreditation schemes' }).waitFor();
  await admin.getByRole('button', { name: 'New scheme' }).click();
  await admin.getByRole('button', { name: 'Create scheme and first version' }).click();
  await admin.getByRole('alert').getByText('Code must be 2–40 letters, digits, _ or -').waitFor(); // named as the form labels it
  await checkA11y(admin, 'admin-new-scheme-error');
  // the form's own fields (the page may also offer "Start from a reference", with a Code of its own)
  const newScheme = admin.getByRole('form', { name: 'A new scheme' });
  await newScheme.getByLabel(/^Code/).fill(`J29-${n}`);
  await newScheme.getByLabel(/^Name/).fill(schemeName);
  await admin.getByRole('button', { name: 'Create scheme and first version' }).click();
  await admin.getByRole('heading', { name: /Scheme version 1/ }).waitFor();
  await admin.locator('h1').getByText('draft').waitFor();
  await admin.getByLabel('Label').first().waitFor(); // the rule form shows the starter rule
  await checkA11y(admin, 'admin-new-scheme-draft');
  await admin.getByRole('button', { name: 'JSON' }).click();
  await admin.getByLabel(/Definition \(JSON\)/).fill(JSON.stringify(definition, null, 2));
  await admin.getByRole('button', { name: 'Save draft' }).click();
  await admin.getByText(/^Saved \(version 1, revision/).waitFor();
  await admin.getByRole('button', { name: 'Rules form' }).click();
  assert.equal(
    await admin.getByLabel('Label').nth(1).inputValue(),
    'One recorded session rated as passing',
    'the rule form shows the rules',
  );
  await admin.getByRole('button', { name: 'Publish' }).click();
  await admin.locator('h1').getByText('published').waitFor();
  await shot(admin, 'admin-new-scheme-published');

  // 2. the trainee is invited and accepts by the mailed link
  const email = `level.trainee.${n}@example.org`;
  const name = `Lia Levelled ${n}`;
  await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Invitations' }).click();
  await admin.getByLabel('E-mail').fill(email);
  await admin.getByLabel('Role').selectOption('TRAINEE');
  await admin.getByRole('button', { name: 'Send invitation' }).click();
  await admin.getByText(`Invitation sent to ${email}.`).waitFor();

  const trainee = await newPage(browser);
  await trainee.goto((await mailedLink(email, INVITATION_LINK)).path);
  await trainee.getByLabel('Your name').fill(name);
  await trainee.getByLabel('New password').fill('a level reaching trainee passphrase');
  await checkA11y(trainee, 'level-trainee-accept');
  await trainee.getByRole('button', { name: 'Create account and accept' }).click();
  await trainee.getByRole('heading', { name: 'My progress' }).waitFor();
  await trainee.getByRole('button', { name: `Enrol in ${schemeName}` }).click();
  await trainee
    .getByRole('heading', { name: /version \d+/ })
    .first()
    .waitFor();
  await checkA11y(trainee, 'level-trainee-enrolled');

  // 3. the admin assigns the supervisor
  await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
  await admin.getByRole('heading', { name: 'People', level: 1 }).waitFor();
  await admin.getByLabel('Name or e-mail').fill(email);
  await admin.getByRole('button', { name: 'Search' }).click();
  await admin.getByRole('link', { name }).first().click();
  await admin.getByRole('heading', { name: 'Supervisors' }).waitFor();
  await admin.getByLabel('Supervisor', { exact: true }).selectOption({ label: 'Dr Sam Supervisor (UK)' });
  await admin.getByRole('button', { name: 'Assign supervisor' }).click();
  await admin.getByText(`Dr Sam Supervisor (UK) now supervises ${name}.`).waitFor();
  await checkA11y(admin, 'admin-person-supervised');

  // 4. the trainee logs a case: three sessions and a measure, completes it and submits it
  await trainee.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Progress' }).click();
  await trainee.getByRole('link', { name: 'Log a new case' }).first().click();
  await trainee.getByLabel('Supervisor').locator('option', { hasText: 'Dr Sam Supervisor (UK)' }).waitFor({ state: 'attached' });
  await checkA11y(trainee, 'level-trainee-new-case');
  await trainee.getByLabel(/Primary diagnosis/).fill('F32.1');
  await trainee.getByRole('button', { name: 'Save case and add sessions' }).click();
  await trainee.getByRole('heading', { name: /^Case C-/ }).waitFor();
  const clientCode = (await trainee.locator('h1').innerText()).match(/Case (\S+)/)[1];
  for (const s of [1, 2, 3]) {
    await trainee.getByLabel('Date', { exact: true }).focus();
    await trainee.keyboard.press('Enter');
    await trainee.getByText(`Session ${s} added.`).waitFor();
  }
  const scores = [2, 2, 1, 1, 1, 1, 1, 1, 0];
  for (let i = 0; i < scores.length; i++) await trainee.locator(`#item-${i}`).fill(String(scores[i]));
  await trainee.getByRole('button', { name: 'Save measure' }).click();
  await trainee.getByText(/Saved PHQ-9 \(depression\): total 10/).waitFor();
  await checkA11y(trainee, 'level-trainee-case');
  await trainee.getByRole('button', { name: 'Complete or close case' }).click();
  await trainee.getByLabel('Status').selectOption('completed');
  await trainee.getByLabel(/^End reason/).fill('Planned ending after three sessions');
  await trainee.getByRole('textbox', { name: /^Outcome/ }).fill('PHQ-9 fell from moderate to mild.');
  await trainee.getByRole('button', { name: 'Mark as completed' }).click();
  await trainee.getByText('The case was closed.').waitFor();
  await trainee.getByRole('button', { name: 'Submit for sign-off' }).click();
  await trainee.locator('h1').getByText('submitted').waitFor();
  await checkA11y(trainee, 'level-trainee-case-submitted');

  // 5. the supervisor signs the case off and rates a recorded session
  const sup = await newPage(browser);
  await signIn(sup, 'supervisor.uk');
  await sup.getByRole('heading', { name: 'Review queue' }).waitFor();
  await sup.getByRole('link', { name: `Review ${clientCode}` }).click();
  await sup.getByRole('heading', { name: 'Review', exact: true }).waitFor();
  await checkA11y(sup, 'level-supervisor-review');
  await sup.getByRole('button', { name: 'Sign off case' }).click();
  await sup.locator('h1').getByText('signed off').waitFor();
  await sup.getByRole('link', { name: 'Rate recording of session 2' }).click();
  await sup.getByRole('heading', { name: 'Rate a recorded session' }).waitFor();
  await sup.getByTestId('rated-session').getByText(clientCode).waitFor();
  const items = sup.locator('fieldset.rubric-item');
  await items.first().waitFor();
  await sup.getByText("the one the trainee's scheme asks for").waitFor(); // the scheme's rubric is chosen
  for (let i = 0; i < (await items.count()); i++) await items.nth(i).locator('input[type=radio]').nth(-2).check();
  await sup.locator('.total-bar').getByText('Pass', { exact: true }).waitFor();
  await checkA11y(sup, 'level-supervisor-rate');
  await sup.getByRole('button', { name: 'Submit rating' }).click();
  await sup.getByText(/Rating submitted: total .* pass\./).waitFor();

  // 6. the trainee sees the level met and applies
  await trainee.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Progress' }).click();
  await trainee.getByText(`You meet every requirement of ${levelName}.`).waitFor();
  await shot(trainee, 'level-trainee-met');
  await trainee.getByRole('link', { name: `Apply for ${levelName}` }).click();
  await trainee.getByRole('heading', { name: 'Apply for a level' }).waitFor();
  assert.match(await trainee.getByLabel('Level').inputValue(), /\|J29$/, 'the level is chosen');
  assert.match(await trainee.getByLabel('Level').evaluate((s) => s.selectedOptions[0].textContent), /all requirements met/);
  await checkA11y(trainee, 'level-trainee-apply');
  await trainee.getByRole('button', { name: 'Submit application' }).click();
  await trainee.getByText(/Application for level .* submitted/).waitFor();

  // 7. the admin approves it and the certificate is issued
  await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Applications' }).click();
  await admin.getByRole('link', { name }).first().click();
  await admin.getByRole('heading', { name: /^Evaluation:/ }).waitFor();
  await admin.getByLabel(/^Reasons/).fill('Case, sign-off and rating checked.');
  await checkA11y(admin, 'level-admin-application');
  await admin.getByRole('button', { name: 'Approve and issue' }).click();
  const issued = await admin.getByText(/Approved\. Certificate .* issued\./).textContent();
  const certificate = issued.match(/Certificate (\S+) issued/)[1];

  // 8. the trainee downloads the certificate
  await trainee.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Accreditations' }).click();
  await trainee.getByText(certificate).first().waitFor();
  await checkA11y(trainee, 'level-trainee-accreditations');
  const [download] = await Promise.all([
    trainee.waitForEvent('download'),
    trainee.getByRole('button', { name: 'Download certificate (PDF)' }).first().click(),
  ]);
  assert.match(download.suggestedFilename(), /\.pdf$/);
  const pdf = await readFile(await download.path());
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-', 'a PDF');

  // 9. anyone verifies it publicly, the number typed in lower case with spaces
  const pub = await newPage(browser);
  await pub.goto('/verify');
  const verifyForm = pub.locator('form', { has: pub.getByRole('heading', { name: 'By certificate number' }) });
  await verifyForm.getByRole('textbox', { name: 'Certificate number' }).fill(` ${certificate.toLowerCase().split('-').join(' - ')} `);
  await checkA11y(pub, 'level-public-verify-form');
  await verifyForm.getByRole('textbox', { name: "Holder's name" }).fill(name.toLowerCase());
  await verifyForm.getByRole('button', { name: 'Verify', exact: true }).click();
  await pub.getByRole('heading', { name: '✓ Valid accreditation' }).waitFor();
  await pub.getByText('✓ matches').first().waitFor(); // the holder's name, checked without minding case
  await shot(pub, 'level-public-verified');
  for (const p of [admin, trainee, sup, pub]) assert.deepEqual(p.problems, []);
});
