import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { checkA11y, launch, newPage, shot, signIn } from './helpers.mjs';

// Reference schemes: the international body marks its published scheme as a reference, a national body admin
// starts a scheme from it (the draft opens in the editor) and compares the draft's level with the reference's.

let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

const REFERENCE = 'ISIPT certification (example)';

test('international admin marks a reference; a national admin starts a scheme from it and compares the levels', async () => {
  const intl = await newPage(browser);
  await signIn(intl, 'bodyadmin.isipt');
  await intl.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Schemes', exact: true }).click();
  await intl.getByRole('heading', { name: REFERENCE }).waitFor();
  await checkA11y(intl, 'reference-schemes-list');
  await intl
    .locator('section.card', { has: intl.getByRole('heading', { name: REFERENCE }) })
    .getByRole('link', { name: 'Version 1' })
    .click();
  await intl.getByRole('heading', { name: /Scheme version 1/ }).waitFor();
  await intl.getByRole('button', { name: 'Mark as reference' }).click();
  await intl.getByText('Marked as a reference.').waitFor();
  await intl.getByRole('button', { name: 'Remove the reference mark' }).waitFor();
  await shot(intl, 'reference-mark');

  const admin = await newPage(browser);
  await signIn(admin, 'bodyadmin.uk');
  await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Schemes', exact: true }).click();
  await admin.getByRole('heading', { name: 'Start from a reference' }).waitFor();
  const code = `UK-REF-${Date.now().toString(36).toUpperCase()}`;
  await admin
    .getByLabel('Reference', { exact: true })
    .selectOption({ label: `${REFERENCE} version 1 (International Society for IPT (demo))` });
  await admin.getByLabel(/^Code/).fill(code);
  await admin.getByLabel('Name', { exact: true }).fill('UK scheme from the reference');
  await checkA11y(admin, 'reference-start');
  await admin.getByRole('button', { name: 'Start the draft' }).click();
  // the draft opens in the editor, a copy of the reference
  await admin.getByRole('heading', { name: /Scheme version 1/ }).waitFor();
  await admin.locator('h1').getByText('draft').waitFor();
  await admin.getByRole('heading', { name: 'Certified IPT Therapist (THERAPIST)' }).waitFor();
  await shot(admin, 'reference-draft');

  // compare the draft's therapist level with the reference's: equal rule by rule, so A implies B
  await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Scheme comparison' }).click();
  await admin.getByRole('heading', { name: 'Compare scheme levels' }).waitFor();
  await checkA11y(admin, 'scheme-comparison-form');
  const levelA = admin.getByRole('group', { name: 'Level A' });
  const levelB = admin.getByRole('group', { name: 'Level B' });
  await levelA.getByLabel('Scheme version', { exact: true }).selectOption({ label: 'UK scheme from the reference — version 1 (draft)' });
  await levelA.getByLabel('Level', { exact: true }).locator('option', { hasText: 'THERAPIST' }).first().waitFor({ state: 'attached' });
  await levelA.getByLabel('Level', { exact: true }).selectOption('THERAPIST');
  await levelB.getByLabel('Scheme version', { exact: true }).selectOption({ label: `${REFERENCE} — version 1 (published)` });
  await levelB.getByLabel('Level', { exact: true }).locator('option', { hasText: 'THERAPIST' }).first().waitFor({ state: 'attached' });
  await levelB.getByLabel('Level', { exact: true }).selectOption('THERAPIST');
  await admin.getByRole('button', { name: 'Compare', exact: true }).click();
  await admin.getByRole('heading', { name: new RegExp(`^${code} v1 THERAPIST against ISIPT-CERT v1 THERAPIST`) }).waitFor();
  const verdict = admin.getByRole('status').filter({ hasText: "Do A's requirements imply B's?" });
  await verdict.getByText('Yes', { exact: true }).waitFor();
  const rows = admin.locator('table tbody tr');
  assert.ok((await rows.count()) >= 5, 'one row per rule and scheme setting');
  assert.equal(await admin.locator('table tbody .badge', { hasText: /stricter|looser|missing|different/ }).count(), 0);
  await shot(admin, 'scheme-comparison');

  // the UK-style scheme against the reference: differences in words, and the implication says no or cannot decide
  await levelA
    .getByLabel('Scheme version', { exact: true })
    .selectOption({ label: 'UK-style accreditation (example) — version 1 (published)' });
  await levelA.getByLabel('Level', { exact: true }).locator('option').first().waitFor({ state: 'attached' });
  await admin.getByRole('button', { name: 'Compare', exact: true }).click();
  await admin.getByRole('heading', { name: /^UK-ACCREDITATION v1 .* against ISIPT-CERT v1 THERAPIST/ }).waitFor();
  await verdict.getByText(/^(No|Cannot be decided from the rules)$/).waitFor();
  assert.ok(
    (await admin.locator('table tbody .badge', { hasText: /missing in A|only in A|stricter|looser|not comparable|different/ }).count()) >=
      1,
  );
  await shot(admin, 'scheme-comparison-uk');
});
