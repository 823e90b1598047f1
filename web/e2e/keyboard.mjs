// Keyboard-only moves for the keyboard journeys: focus travels with Tab / Shift+Tab only (no clicks, no focus()
// calls), so a control that cannot be reached by Tab fails the journey.

const isFocused = (locator) => locator.evaluate((el) => el === document.activeElement).catch(() => false);

/** Presses Tab (or Shift+Tab with `back`) until `locator` has focus; fails after `max` presses. */
export async function tabTo(page, locator, { back = false, max = 80 } = {}) {
  const target = locator.first();
  await target.waitFor();
  for (let i = 0; i < max; i++) {
    if (await isFocused(target)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  if (await isFocused(target)) return;
  const now = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200));
  throw new Error(`${back ? 'Shift+Tab' : 'Tab'} did not reach ${target} in ${max} presses (focus is on ${now})`);
}

/** The element that has focus now, in words (for assertions). */
export const focusedText = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return (el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim();
  });
