// The app in German: chosen on the sign-in page, every screen in German (words, enum values, dates), and
// remembered on the account, so a fresh browser opens in German after signing in. axe-core runs on each screen in
// German too.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiToken, BASE_URL, checkA11y, launch, newPage, PASSWORD } from './helpers.mjs';

let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

const WHO = 'trainee.uk';
// a date in German, as Intl writes it in the app's medium style ("01.12.2026"; English: "Dec 1, 2026")
const GERMAN_DATE = /\b\d{2}\.\d{2}\.\d{4}\b/;
const accountLanguage = async () => {
  const res = await fetch(`${BASE_URL}/api/v1/me`, { headers: { authorization: `Bearer ${await apiToken(WHO)}` } });
  return (await res.json()).language;
};
const setAccountLanguage = async (language) => {
  const res = await fetch(`${BASE_URL}/api/v1/me/language`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${await apiToken(WHO)}`, 'content-type': 'application/json' },
    body: JSON.stringify({ language }),
  });
  assert.ok(res.ok, `PUT /me/language: ${res.status}`);
};
// the journeys after this one sign the same trainee in and read English, whatever happens here
after(() => setAccountLanguage('en'));

test('language: Deutsch chosen on the sign-in page, screens in German, remembered on the account in a fresh browser', async () => {
  const page = await newPage(browser);
  await page.goto('/sign-in');
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();

  // switch to Deutsch before signing in: the page changes at once
  await page.getByRole('combobox', { name: 'Language' }).selectOption('de');
  await page.getByRole('heading', { name: 'Anmelden' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');
  await page.getByText('Passwort vergessen?').waitFor();
  await checkA11y(page, 'de-sign-in');

  await page.getByLabel('E-Mail').fill(`${WHO}@demo.ipt.example`);
  await page.getByLabel('Passwort').fill(PASSWORD);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.getByText('Angemeldet als').waitFor();
  await page.getByRole('heading', { name: 'Mein Fortschritt' }).waitFor();
  await page.getByRole('main').getByRole('link', { name: 'Neuen Fall erfassen' }).waitFor();
  await checkA11y(page, 'de-trainee-progress');
  // the choice made before signing in is now the account's
  for (let i = 0; i < 20 && (await accountLanguage()) !== 'de'; i++) await new Promise((r) => setTimeout(r, 250));
  assert.equal(await accountLanguage(), 'de', 'the account remembers Deutsch');

  // the case list: German headings, enum words and dates
  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  await nav.getByRole('link', { name: 'Fälle' }).click();
  await page.getByRole('heading', { name: 'Meine Fälle' }).waitFor();
  const table = page.locator('table');
  await table.getByRole('columnheader', { name: 'Problembereich' }).waitFor();
  assert.match(await table.innerText(), GERMAN_DATE, 'dates are written the German way');
  assert.match(await table.innerText(), /eingereicht|Entwurf|abgezeichnet|zurückgegeben/, 'review states are German');
  await checkA11y(page, 'de-trainee-cases');

  // a case: its facts, sessions and measures in German
  await table.getByRole('link').first().click();
  await page.getByRole('heading', { name: /^Fall C-/ }).waitFor();
  await page.getByRole('heading', { name: 'Sitzungen' }).waitFor();
  await page.getByRole('heading', { name: 'Verlaufsmessungen' }).waitFor();
  await page.getByText('Diagnose', { exact: true }).waitFor();
  await checkA11y(page, 'de-case-detail');

  // the new-case form: labels and the options of enum fields
  await nav.getByRole('link', { name: 'Fälle' }).click();
  await page.getByRole('main').getByRole('link', { name: 'Neuen Fall erfassen' }).click();
  await page.getByRole('heading', { name: 'Neuen Fall erfassen' }).waitFor();
  await page.getByLabel('Hauptdiagnose').waitFor();
  assert.ok((await page.getByLabel('Problembereich im Fokus').locator('option', { hasText: 'Rollenwechsel' }).count()) === 1);
  await checkA11y(page, 'de-new-case');

  // the other trainee screens
  for (const [link, heading] of [
    ['Supervision', 'Supervision'],
    ['Bewertungen', 'Bewertungen meiner Arbeit'],
    ['Anträge', 'Anträge'],
    ['Akkreditierungen', 'Meine Akkreditierungen'],
    ['Register', 'Öffentliches Register akkreditierter IPT-Therapeutinnen und -Therapeuten'],
    ['Prüfen', 'Zertifikat prüfen'],
  ]) {
    await nav.getByRole('link', { name: link, exact: true }).click();
    await page.getByRole('heading', { name: heading, exact: true }).waitFor();
    await page.locator('.loading').first().waitFor({ state: 'detached' });
    await checkA11y(page, `de-${link}`);
  }
  await page
    .locator('header')
    .getByRole('link', { name: /^Benachrichtigungen/ })
    .click();
  await page.getByRole('heading', { name: 'Benachrichtigungen', exact: true }).waitFor();
  await page.getByRole('heading', { name: 'E-Mail-Einstellungen' }).waitFor();
  await checkA11y(page, 'de-notifications');

  // sign out: this browser stays German
  await page.getByRole('button', { name: 'Abmelden' }).click();
  await page.getByRole('heading', { name: 'Anmelden' }).waitFor();
  assert.deepEqual(page.problems, []);
  await page.context().close();

  // a fresh browser (nothing stored) starts in English; signing in brings the account's German back
  const fresh = await newPage(browser);
  await fresh.goto('/sign-in');
  await fresh.getByRole('heading', { name: 'Sign in' }).waitFor();
  await fresh.getByLabel('E-mail').fill(`${WHO}@demo.ipt.example`);
  await fresh.getByLabel('Password').fill(PASSWORD);
  await fresh.getByRole('button', { name: 'Sign in' }).click();
  await fresh.getByRole('heading', { name: 'Mein Fortschritt' }).waitFor();
  await fresh.getByText('Angemeldet als').waitFor();
  assert.equal(await fresh.evaluate(() => document.documentElement.lang), 'de');
  await checkA11y(fresh, 'de-trainee-progress-fresh');

  // back to English for the journeys after this one: chosen while signed in, saved on the account
  await fresh.getByRole('combobox', { name: 'Sprache' }).selectOption('en');
  await fresh.getByRole('heading', { name: 'My progress' }).waitFor();
  for (let i = 0; i < 20 && (await accountLanguage()) !== 'en'; i++) await new Promise((r) => setTimeout(r, 250));
  assert.equal(await accountLanguage(), 'en');
  assert.deepEqual(fresh.problems, []);
});
