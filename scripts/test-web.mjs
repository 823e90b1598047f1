// npm run test:web — builds the web app and the service, checks the web app's API types against the service's
// OpenAPI document, starts the service on a fresh embedded database with demo data on a free port, runs the
// browser journeys (web/e2e, Debian's Chromium via playwright-core), and stops the service.
//   SERVICE_ENTRY=path/to/main.js  use an already compiled service (its openapi-export.js beside it) instead of `nest build`
//   SKIP_WEB_BUILD=1               use the existing web/dist
//   JOURNEYS=a,b                   run only these journeys (file names without .test.mjs)
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(`Chromium not found at ${chromium}. Install Debian's package: apt-get install -y chromium`);
  process.exit(1);
}

const flag = (v) => !!v && v !== '0' && v !== 'false';
if (!flag(process.env.SKIP_WEB_BUILD)) run('npm', ['run', 'build:web']);
let entry = process.env.SERVICE_ENTRY;
if (!entry) {
  run('npx', ['nest', 'build']);
  entry = 'dist/src/main.js';
}
entry = resolve(root, entry);

// 1. the committed types must be what the service's OpenAPI document generates
const scratch = mkdtempSync(join(tmpdir(), 'ipt-web-'));
const openapi = join(scratch, 'openapi.json');
const generated = join(scratch, 'schema.d.ts');
run('node', [join(dirname(entry), 'openapi-export.js'), openapi]);
run('npx', ['openapi-typescript', openapi, '--default-non-nullable', 'false', '-o', generated], { cwd: join(root, 'web') });
if (readFileSync(generated, 'utf8') !== readFileSync(join(root, 'web/src/api/schema.d.ts'), 'utf8')) {
  console.error("web/src/api/schema.d.ts differs from the service's OpenAPI document: run `npm run gen:api` and commit the result.");
  rmSync(scratch, { recursive: true, force: true });
  process.exit(1);
}
console.log('API types match the OpenAPI document.');

// 2. the service on a fresh embedded database with demo data
const port = await new Promise((ok) => {
  const srv = createServer().listen(0, '127.0.0.1', () => {
    const { port } = srv.address();
    srv.close(() => ok(port));
  });
});
const dataDir = join(scratch, 'data');
const service = spawn('node', [entry], {
  cwd: root,
  env: {
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    SEED_DEMO: 'true',
    LOG_LEVEL: 'warn',
    EXPIRY_SWEEP_ENABLED: 'false',
    PUBLIC_RATE_LIMIT: '10000',
    SIGN_IN_LIMIT: '1000',
    SHUTDOWN_GRACE_MS: '0',
    MAIL_POLL_MS: '300',
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
// up to 5 minutes: the first start seeds the demo records through the API, slow on a loaded machine
for (let i = 0; i < 600 && service.exitCode === null; i++) {
  try {
    if ((await fetch(`${base}/health/ready`)).ok) {
      ready = true;
      break;
    }
  } catch {
    /* not listening yet */
  }
  await new Promise((r) => setTimeout(r, 500));
}
if (!ready) {
  console.error(`The service did not become ready:\n${log}`);
  await stop();
  process.exit(1);
}
const page = await fetch(`${base}/`);
if (!(await page.text()).includes('<div id="root">')) {
  console.error('The service does not serve the web app at /');
  await stop();
  process.exit(1);
}

// 3. the journeys, one file per role, in order (the body admin decides the trainee's application; the public verifies it),
// then the trainee's whole case lifecycle, the staff screens, the exports, the notifications, the invitations and each
// feature's own screens; keyboard-only and language journeys last. JOURNEYS=5-trainee-case-lifecycle (comma-separated) runs only those.
const journeys = [
  '1-trainee',
  '2-supervisor',
  '3-body-admin',
  '4-public',
  '5-trainee-case-lifecycle',
  '6-staff-screens',
  '7-exports',
  '8-notifications',
  '9-invitations',
  '20-taxonomies',
  '21-instruments',
  '22-scheme-checks',
  '23-qualifications-references',
  '24-imports',
  '38-imports-more',
  '25-charts',
  '26-new-trainee',
  '27-reference-schemes',
  '28-profile-renewal',
  '29-new-trainee-to-level',
  '30-keyboard-trainee',
  '31-keyboard-public',
  '32-language',
  '33-keyboard-supervisor',
  '34-keyboard-admin',
  '35-recognition',
  '36-cross-border',
  '40-supervision-requests',
  '37-what-if',
  '39-renewal-audits',
];
const only = process.env.JOURNEYS ? process.env.JOURNEYS.split(',').map((j) => j.trim()) : journeys;
const files = journeys.filter((j) => only.includes(j)).map((f) => `e2e/${f}.test.mjs`);
// one runner per file, in the order above: node's runner would sort the files by name (so "25-…" before "3-…"),
// and later journeys build on what earlier ones left in the shared demo database
let code = 0;
for (const file of files) {
  const exit = await new Promise((ok) => {
    const t = spawn('node', ['--test', '--test-concurrency=1', '--test-reporter=spec', file], {
      cwd: join(root, 'web'),
      // MAIL_DIR: the service has no SMTP_URL, so its mail is written there (the invitations journey reads it)
      env: { ...process.env, BASE_URL: base, CHROMIUM_PATH: chromium, MAIL_DIR: join(dataDir, 'mail') },
      stdio: 'inherit',
    });
    t.on('exit', (c) => ok(c ?? 1));
  });
  if (exit !== 0) code = exit;
}
await stop();
if (code !== 0) console.error(`Service log:\n${log.slice(-4000)}`);
console.log(`Screenshots: web/test-artifacts/`);
process.exit(code);
