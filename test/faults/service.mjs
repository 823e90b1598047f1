// Starts the built service (main.js) as a child process against a given database, as production runs it.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export const ADMIN = { email: 'faults.admin@faults.example', password: 'fault-admin-password-2026' };

export async function startService(buildDir, databaseUrl, port, env = {}) {
  const child = spawn(process.execPath, [join(buildDir, 'src/main.js')], {
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      JWT_SECRET: 'faults-secret-faults-secret-faults-secret-000',
      CREDENTIALS_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'error',
      EXPIRY_SWEEP_ENABLED: 'false',
      SIGN_IN_LIMIT: '1000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const base = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`service exited during start:\n${output}`);
    try {
      if ((await fetch(`${base}/health/ready`)).status === 200) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() - started > 60_000) throw new Error(`service did not become ready:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { child, base, exited, output: () => output };
}

export async function signIn(base) {
  const res = await fetch(`${base}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  if (res.status !== 200) throw new Error(`admin sign-in failed: ${res.status} ${await res.text()}`);
  return (await res.json()).accessToken;
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
