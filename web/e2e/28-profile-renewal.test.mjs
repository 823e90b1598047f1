import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiToken, BASE_URL, checkA11y, launch, newPage, shot, signIn } from './helpers.mjs';

// The second UK trainee keeps their profile (a licence added and kept), tries to renew their Practitioner level (the
// service answers in words why not yet), and the body admin records a leave of absence that moves its expiry on.
let browser;
let acc;
const api = async (token, method, path, body, ifMatch) => {
  const res = await fetch(`${BASE_URL}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(ifMatch !== undefined ? { 'if-match': `"${ifMatch}"` } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  assert.ok(res.ok, `${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
};

before(async () => {
  browser = await launch();
  // the demo's lapsed Practitioner level of the second UK trainee, restored (journey 6 may have done it already)
  const admin = await apiToken('bodyadmin.uk');
  const trainee = await apiToken('trainee2.uk');
  const me = await api(trainee, 'GET', '/me');
  const mine = (await api(admin, 'GET', '/accreditations?limit=100')).items.filter((a) => a.holderId === me.id && a.expiresOn);
  acc = mine.find((a) => a.status === 'active') ?? mine.find((a) => a.status === 'lapsed');
  assert.ok(acc, 'the demo has an expiring accreditation of the second UK trainee');
  if (acc.status === 'lapsed')
    acc = await api(admin, 'POST', `/accreditations/${acc.id}/restore`, { reason: 'Journey 28: restored to renew' }, acc.version);
});
after(async () => browser?.close());

test('trainee: profile with a licence kept; renewal answered in words', async () => {
  const page = await newPage(browser);
  await signIn(page, 'trainee2.uk');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Profile' }).click();
  await page.getByRole('heading', { name: 'My profile' }).waitFor();
  const number = `HCPC-${Date.now() % 100000}`;
  await page.getByRole('button', { name: 'Add a licence' }).click();
  const n = await page.getByRole('button', { name: /^Remove licence / }).count();
  await page.getByLabel(`Licence ${n}: jurisdiction`).fill('GB');
  await page.getByLabel(`Licence ${n}: number`).fill(number);
  await page.getByLabel(`Licence ${n}: expires on`).fill(new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10));
  await checkA11y(page, 'trainee-profile');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await page.getByText('Your profile was saved.').waitFor();
  await page.reload();
  await page.getByRole('heading', { name: 'My profile' }).waitFor();
  assert.equal(await page.getByLabel(`Licence ${n}: number`).inputValue(), number, 'the licence is kept');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Accreditations' }).click();
  const form = page.locator('form', { has: page.getByRole('heading', { name: /^Renew / }) }).first();
  await form.getByRole('checkbox', { name: 'I declare that I meet the renewal conditions' }).check();
  await checkA11y(page, 'trainee-renew');
  await form.getByRole('button', { name: `Renew ${acc.certificateNumber}` }).click();
  // too early, or the renewal rules unmet: either way the service's reason is shown, never a code
  await form.getByText(/Renewed: now valid until|Not renewed\./).waitFor();
  assert.equal(await form.getByText(/[A-Z]{3,}_[A-Z_]+/).count(), 0, 'no error codes are shown');
  await shot(page, 'trainee-renewal');
  assert.deepEqual(page.problems, []);
});

test('body admin: a leave of absence moves the expiry on', async () => {
  const page = await newPage(browser);
  await signIn(page, 'bodyadmin.uk');
  await page.goto('/admin/accreditations');
  await page.getByRole('button', { name: `Leave of absence: ${acc.certificateNumber}` }).click();
  await page.getByLabel('Reason').fill('Parental leave');
  await checkA11y(page, 'admin-leave');
  await page.getByRole('button', { name: 'Record leave' }).click();
  await page.getByText(new RegExp(`Leave recorded for ${acc.certificateNumber}`)).waitFor();
  assert.deepEqual(page.problems, []);
});
