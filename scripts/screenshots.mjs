// npm run screenshots — the README's pictures of the main screens, in every language of the web app. Builds the web
// app and the service (like scripts/test-web.mjs), starts the service on a fresh embedded database with the demo
// data on a free port, and saves each screen at 1280×800 to docs/screenshots/<lang>/<screen>.png with Debian's
// Chromium driven by playwright-core. Each person's language is set on their account before they sign in (the
// app follows the account), and the browser context speaks the same language. Each screen is checked with axe-core
// first (serious or critical violations fail the run), so the German screens are checked too.
//   SERVICE_ENTRY=path/to/main.js  use an already compiled service instead of `nest build`
//   SKIP_WEB_BUILD=1               use the existing web/dist
//   LANGS=de                       only these languages (comma-separated; default: en,de)
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { checkA11y } from '../web/e2e/helpers.mjs';

const root = resolve(import.meta.dirname, '..');
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PASSWORD = 'demo-password-2026';
const VIEWPORT = { width: 1280, height: 800 };
const LANGS = (process.env.LANGS ?? 'en,de').split(',').map((l) => l.trim());
const BROWSER_LOCALE = { en: 'en-GB', de: 'de-DE' };
if (!existsSync(CHROMIUM)) {
  console.error(`Chromium not found at ${CHROMIUM}. Install Debian's package: apt-get install -y chromium`);
  process.exit(1);
}

if (!process.env.SKIP_WEB_BUILD) run('npm', ['run', 'build:web']);
let entry = process.env.SERVICE_ENTRY;
if (!entry) {
  run('npx', ['nest', 'build']);
  entry = 'dist/src/main.js';
}

// the service on a fresh embedded database with the demo data
const port = await new Promise((ok) => {
  const srv = createServer().listen(0, '127.0.0.1', () => {
    const { port } = srv.address();
    srv.close(() => ok(port));
  });
});
const scratch = mkdtempSync(join(tmpdir(), 'ipt-shots-'));
const service = spawn('node', [resolve(root, entry)], {
  cwd: root,
  env: {
    ...process.env,
    PORT: String(port),
    DATA_DIR: join(scratch, 'data'),
    DATABASE_URL: '',
    SEED_DEMO: 'true',
    LOG_LEVEL: 'warn',
    EXPIRY_SWEEP_ENABLED: 'false',
    PUBLIC_RATE_LIMIT: '10000',
    SIGN_IN_LIMIT: '1000',
    SHUTDOWN_GRACE_MS: '0',
  },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let log = '';
service.stdout.on('data', (d) => (log += d));
service.stderr.on('data', (d) => (log += d));
const stop = async () => {
  if (service.exitCode === null) {
    service.kill('SIGTERM');
    await new Promise((ok) => service.once('exit', ok));
  }
  rmSync(scratch, { recursive: true, force: true });
};
const base = `http://127.0.0.1:${port}`;
let ready = false;
for (let i = 0; i < 240 && service.exitCode === null && !ready; i++) {
  ready = await fetch(`${base}/health/ready`).then(
    (r) => r.ok,
    () => false,
  );
  if (!ready) await new Promise((r) => setTimeout(r, 500));
}
if (!ready) {
  console.error(`The service did not become ready:\n${log}`);
  await stop();
  process.exit(1);
}

// the API, for picking the records the screens show and for setting each person's language
const tokens = {};
async function api(who, method, path, body) {
  tokens[who] ??= await fetch(`${base}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `${who}@demo.ipt.example`, password: PASSWORD }),
  }).then(async (r) => (r.ok ? (await r.json()).accessToken : Promise.reject(new Error(`sign-in ${who}: ${r.status}`))));
  const res = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${tokens[who]}`, 'content-type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.status === 204 ? undefined : res.json();
}

const trainee = await api('trainee.uk', 'GET', '/me');
const traineeCases = await api('trainee.uk', 'GET', `/cases?traineeId=${trainee.id}&limit=100`);
const richestCase = [...traineeCases.items].sort((a, b) => (b.deliveredSessions ?? 0) - (a.deliveredSessions ?? 0))[0];
const queue = await api('supervisor.uk', 'GET', '/supervision/queue?limit=100');
const queued = await api('supervisor.uk', 'GET', `/cases/${queue.items[0].id}`);
const toRate = queued.sessions.find((s) => s.recorded) ?? queued.sessions[0];
const register = await api('trainee.uk', 'GET', '/register?limit=1');
// an application awaiting a decision beside the decided one (the demo data leaves the UK trainee's Level A unapplied)
const ukEnrolment = (await api('trainee.uk', 'GET', `/trainees/${trainee.id}/enrolments`))[0];
await api('trainee.uk', 'POST', '/applications', { schemeId: ukEnrolment.schemeId, levelCode: 'A' });

// each screen: who sees it (null: the public), where, and what shows it has loaded (no words: they are translated)
const screens = [
  { name: 'trainee-progress', who: 'trainee.uk', path: '/trainee', ready: 'ul.rules li' },
  { name: 'case-detail', who: 'trainee.uk', path: `/cases/${richestCase.id}`, ready: 'h1' },
  { name: 'supervisor-queue', who: 'supervisor.uk', path: '/supervisor', ready: 'table tbody tr' },
  {
    name: 'rubric-rating',
    who: 'supervisor.uk',
    path: `/supervisor/rate/${toRate.id}?case=${queued.id}`,
    ready: 'fieldset.rubric-item',
    // a rating half done: the first items scored, the total and the items still to score in the bar
    prepare: async (page) => {
      const items = page.locator('fieldset.rubric-item');
      for (let i = 0; i < Math.min(3, await items.count()); i++) await items.nth(i).locator('input[type=radio]').nth(-2).check();
    },
  },
  { name: 'admin-person-progress', who: 'bodyadmin.uk', path: `/admin/people/${trainee.id}`, ready: '[data-testid=person-progress]' },
  { name: 'admin-applications', who: 'bodyadmin.uk', path: '/admin/applications?status=all', ready: 'table tbody tr' },
  {
    name: 'public-verify',
    who: null,
    path: `/verify/${encodeURIComponent(register.items[0].certificateNumber)}`,
    ready: 'section.alert[role=status] h2',
  },
];

const browser = await chromium.launch({
  executablePath: CHROMIUM,
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
let failed = false;
try {
  for (const lang of LANGS) {
    const dir = join(root, 'docs', 'screenshots', lang);
    mkdirSync(dir, { recursive: true });
    for (const who of new Set(screens.map((s) => s.who).filter(Boolean))) await api(who, 'PUT', '/me/language', { language: lang });
    for (const screen of screens) {
      const context = await browser.newContext({
        viewport: VIEWPORT,
        baseURL: base,
        locale: BROWSER_LOCALE[lang] ?? lang,
        timezoneId: 'Europe/London',
      });
      await context.addInitScript((l) => localStorage.setItem('ipt.language', l), lang);
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      if (screen.who) {
        await page.goto('/sign-in');
        await page.locator('input[type=email]').fill(`${screen.who}@demo.ipt.example`);
        await page.locator('input[type=password]').fill(PASSWORD);
        await page.locator('form button[type=submit]').click();
        await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
      }
      await page.goto(screen.path);
      await page.locator(screen.ready).first().waitFor();
      await page.locator('.loading').first().waitFor({ state: 'detached' });
      await screen.prepare?.(page);
      if ((await page.evaluate(() => document.documentElement.lang)) !== lang) throw new Error(`${screen.name} is not in ${lang}`);
      // the pictured screen passes axe-core like every journey's screen does, in each language
      await checkA11y(page, `${lang}/${screen.name}`);
      const file = join(dir, `${screen.name}.png`);
      await page.screenshot({ path: file });
      console.log(`${lang}/${screen.name}.png  ${Math.round(statSync(file).size / 1024)} KB`);
      await context.close();
    }
  }
} catch (e) {
  failed = true;
  console.error(e);
} finally {
  await browser.close();
  await stop();
}
if (failed) {
  console.error(`Service log:\n${log.slice(-4000)}`);
  process.exit(1);
}
