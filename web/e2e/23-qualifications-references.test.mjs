import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { checkA11y, launch, mailedLink, newPage, shot, signIn } from './helpers.mjs';

// Issue 15: a trainee records a qualification with its document and asks a referee for a reference; the referee
// writes it through the mailed link (read from the .eml file the service writes without SMTP_URL, like the
// invitations journey); the body admin verifies the qualification and reads the reference.
let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

async function referenceLink(to) {
  const { path, raw } = await mailedLink(to, /(\/references\/write#[A-Za-z0-9_-]+)/);
  assert.match(raw, /asks you for a reference/);
  return path;
}

// the first bytes of a PDF: the service checks the bytes against the declared type
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(512, 0x20), Buffer.from('\n%%EOF\n')]);

test('a trainee adds a qualification with its document and asks for a reference; the referee writes it; the body admin verifies and reads', async () => {
  const stamp = Date.now();
  const title = `MSc Clinical Psychology ${stamp}`;
  const refereeEmail = `referee.${stamp}@example.org`;

  const trainee = await newPage(browser);
  await signIn(trainee, 'trainee.uk');
  await trainee.getByRole('link', { name: 'Qualifications', exact: true }).click();
  await trainee.getByRole('heading', { name: 'Qualifications', level: 1 }).waitFor();
  await trainee.getByLabel('Kind').selectOption('degree');
  await trainee.getByLabel('Code').fill('MSC_CLIN_PSY');
  await trainee.getByLabel('Title').fill(title);
  await trainee.getByLabel('Issued by').fill('University of Example');
  await trainee.getByLabel('Awarded on').fill('2019-07-01');
  await trainee.getByRole('button', { name: 'Save qualification' }).click();
  await trainee.getByText('Qualification MSC_CLIN_PSY saved.').waitFor();
  const card = trainee.getByRole('region', { name: `${title} (MSC_CLIN_PSY)` });
  await card.getByText('No document uploaded yet.').waitFor();
  await card.getByLabel('Upload the document').setInputFiles({ name: 'diploma.pdf', mimeType: 'application/pdf', buffer: PDF });
  await card.getByRole('button', { name: 'Upload', exact: true }).click();
  await card.getByText('Document: diploma.pdf').waitFor();
  await card.getByText('awaiting verification').waitFor();
  await shot(trainee, 'trainee-qualifications');

  await trainee.getByRole('link', { name: 'References', exact: true }).click();
  await trainee.getByRole('heading', { name: 'References', level: 1 }).waitFor();
  await trainee.getByLabel('Kind of reference').selectOption('clinical');
  await trainee.getByLabel("Referee's name").fill('Dr Robin Referee');
  await trainee.getByLabel("Referee's e-mail").fill(refereeEmail);
  await trainee.getByLabel('How you know them').fill('Clinical supervisor 2022–2024');
  await trainee.getByRole('button', { name: 'Send request' }).click();
  await trainee.getByText(`Request sent to ${refereeEmail}.`).waitFor();
  await trainee.locator('tbody tr', { hasText: refereeEmail }).getByText('requested').waitFor();
  await shot(trainee, 'trainee-references');

  // the referee, without an account, opens the mailed link
  const link = await referenceLink(refereeEmail);
  const referee = await newPage(browser);
  await referee.goto(link);
  await referee.getByRole('heading', { name: 'Write a reference' }).waitFor();
  await referee.getByText('asks you, Dr Robin Referee, for a reference').waitFor();
  await referee.getByLabel('Your reference').fill('I supervised this trainee for two years; a careful and reflective clinician.');
  await referee.getByLabel('Do you recommend them?').selectOption('yes');
  await referee.getByLabel('Overall rating').selectOption('5');
  await shot(referee, 'write-reference');
  await referee.getByRole('button', { name: 'Send reference' }).click();
  await referee.getByText('Thank you.').waitFor();
  await checkA11y(referee, 'write-reference-done');
  // the link works once
  const again = await newPage(browser);
  await again.goto(link);
  await again.getByText('This link cannot be used').waitFor();
  await checkA11y(again, 'write-reference-used');

  // the body admin verifies the qualification and reads the reference
  const admin = await newPage(browser);
  await signIn(admin, 'bodyadmin.uk');
  await admin.getByRole('link', { name: 'Qualifications & references' }).click();
  await admin.getByRole('heading', { name: 'Qualifications & references', level: 1 }).waitFor();
  const review = admin.getByRole('region', { name: new RegExp(`${title} \\(MSC_CLIN_PSY\\)`) });
  await review.getByText('awaiting verification').waitFor();
  await admin
    .getByRole('region', { name: /Dr Robin Referee for/ })
    .first()
    .getByText('a careful and reflective clinician')
    .waitFor();
  await shot(admin, 'admin-evidence');
  await review.getByRole('button', { name: /^Verify / }).click();
  await review.getByText('verified', { exact: true }).waitFor();

  // the trainee sees the outcome, and the reference as submitted (never its text)
  await trainee.getByRole('link', { name: 'Qualifications', exact: true }).click();
  await card.getByText('verified', { exact: true }).waitFor();
  await trainee.getByRole('link', { name: 'References', exact: true }).click();
  await trainee.locator('tbody tr', { hasText: refereeEmail }).getByText('submitted').waitFor();
  assert.equal(await trainee.getByText('careful and reflective').count(), 0);
  await checkA11y(trainee, 'trainee-references-submitted');
  for (const p of [trainee, referee, again, admin]) assert.deepEqual(p.problems, []);
});
