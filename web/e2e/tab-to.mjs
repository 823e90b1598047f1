// Keyboard-only helpers for the keyboard journeys: focus moves with Tab / Shift+Tab only, and actions are keys
// (Enter, Space, arrows) — never a mouse click or element.click().
import { checkA11y, PASSWORD } from './helpers.mjs';

const isFocused = (locator) => locator.evaluate((el) => el === document.activeElement).catch(() => false);

/** Presses Tab (or Shift+Tab) until `locator` has focus; fails naming what had focus if it never does. */
export async function tabTo(page, locator, { back = false, max = 250 } = {}) {
  const target = locator.first();
  await target.waitFor();
  for (let i = 0; i <= max; i++) {
    if (await isFocused(target)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  const active = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120));
  throw new Error(`${max} presses of ${back ? 'Shift+Tab' : 'Tab'} never reached the element; focus is on ${active}`);
}

/** Signs in on the sign-in page with the keyboard only. */
export async function signInByKeyboard(page, who) {
  await page.goto('/');
  await page.waitForURL(/\/sign-in/);
  await checkA11y(page, 'sign-in');
  await tabTo(page, page.getByLabel('E-mail'));
  await page.keyboard.type(`${who}@demo.ipt.example`);
  await tabTo(page, page.getByLabel('Password'));
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await page.getByText('Signed in as').waitFor();
}
