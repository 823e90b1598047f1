// Shared set-up for the browser journeys: Debian's Chromium driven by playwright-core (no browser download).
import { mkdirSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const BASE_URL = process.env.BASE_URL ?? 'http://127.0.0.1:3000';
export const ARTIFACTS = process.env.ARTIFACTS_DIR ?? join(import.meta.dirname, '..', 'test-artifacts');
export const PASSWORD = 'demo-password-2026';
mkdirSync(ARTIFACTS, { recursive: true });

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** A page that fails the test on any uncaught error or console error (e.g. a CSP violation). */
export async function newPage(browser, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport, baseURL: BASE_URL, acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // 4xx answers the journeys provoke on purpose are logged by the browser as failed resources; those are fine
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) page.problems.push(`console: ${m.text()}`);
  });
  return page;
}

export async function signIn(page, who) {
  await page.goto('/');
  await page.waitForURL(/\/sign-in/);
  await page.getByLabel('E-mail').waitFor();
  await checkA11y(page, 'sign-in');
  await page.getByLabel('E-mail').fill(`${who}@demo.ipt.example`);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText('Signed in as').waitFor();
}

/** Every screenshotted screen is also checked for accessibility. */
export async function shot(page, name) {
  await checkA11y(page, name);
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core (WCAG 2.0–2.2 A/AA and best practices) on the screen as it is now and fails on any serious or
 * critical violation, naming the rule and the offending elements. The script is evaluated over the DevTools
 * protocol, so the app's Content-Security-Policy stays in force (the journeys still catch CSP violations).
 */
export async function checkA11y(page, screen = page.url()) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.impact} ${v.id}: ${v.help}\n    ${v.nodes
            .slice(0, 5)
            .map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1).join(' ').trim()}`)
            .join('\n    ')}`,
      );
  });
  if (violations.length) throw new Error(`axe-core on "${screen}" (${page.url()}):\n  ${violations.join('\n  ')}`);
}

/** Signs in over the API (for set-up the journey itself does not cover). */
export async function apiToken(who) {
  const res = await fetch(`${BASE_URL}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `${who}@demo.ipt.example`, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in ${who}: ${res.status}`);
  return (await res.json()).accessToken;
}

// The service runs without SMTP_URL (scripts/test-web.mjs), so its mail is written as .eml files under
// DATA_DIR/mail (MAIL_DIR) — the same file a newcomer opens to follow a link.
const decodeQuotedPrintable = (s) =>
  Buffer.from(
    s.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16))),
    'latin1',
  ).toString('utf8');

/**
 * Waits (up to 30 s) for the mail to `to` whose body carries a link matching `link` (a RegExp with one group, the
 * path) and returns that path and the raw mail, so a journey can check its subject or wording.
 */
export async function mailedLink(to, link) {
  const dir = process.env.MAIL_DIR;
  if (!dir) throw new Error("MAIL_DIR names the service's DATA_DIR/mail");
  const addressed = new RegExp(`^To: .*${to.replace(/[.+]/g, '\\$&')}`, 'im');
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    for (const f of (await readdir(dir).catch(() => [])).filter((n) => n.endsWith('.eml'))) {
      const raw = await readFile(join(dir, f), 'utf8');
      if (!addressed.test(raw)) continue;
      const m = link.exec(decodeQuotedPrintable(raw));
      if (m) return { path: m[1], raw };
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`no mail to ${to} with a link like ${link} in ${dir}`);
}

export const INVITATION_LINK = /(\/invitations\/accept#[A-Za-z0-9_-]+)/;
