// Starting and stopping the service under test (the compiled main.js, as in production) and reading its RSS.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sleep } from './util';

export const BENCH_JWT_SECRET = 'bench-jwt-secret-not-for-production-0123456789';
export const BENCH_MASTER_KEY = Buffer.alloc(32, 7).toString('base64');

/** The service's environment for the bench: limits out of the way, logs at warn, no demo, no migrations at start. */
export function serviceEnv(databaseUrl: string, port: number): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    JWT_SECRET: BENCH_JWT_SECRET,
    CREDENTIALS_MASTER_KEY: BENCH_MASTER_KEY,
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'false',
    MIGRATIONS_RUN: 'false',
    PUBLIC_RATE_LIMIT: '100000',
    SIGN_IN_LIMIT: '10000',
    SIGN_IN_IP_LIMIT: '100000',
    EXPIRY_SWEEP_ENABLED: 'false',
    SHUTDOWN_GRACE_MS: '0',
    DB_POOL_SIZE: '10',
  };
}

export interface Running {
  proc: ChildProcess;
  baseUrl: string;
  pid: number;
}

export async function startProcess(
  script: string,
  env: Record<string, string>,
  port: number,
  readyPath: string,
  nodeArgs: string[] = [],
): Promise<Running> {
  const proc = spawn(process.execPath, [...nodeArgs, script], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  proc.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (proc.exitCode !== null) throw new Error(`${script} exited with ${proc.exitCode}: ${stderr}`);
    try {
      const res = await fetch(baseUrl + readyPath);
      if (res.ok) return { proc, baseUrl, pid: proc.pid! };
    } catch {
      /* not listening yet */
    }
    await sleep(200);
  }
  proc.kill('SIGKILL');
  throw new Error(`${script} did not become ready: ${stderr}`);
}

export async function stopProcess(r: Running): Promise<void> {
  if (r.proc.exitCode !== null) return;
  const exited = new Promise((res) => r.proc.once('exit', res));
  r.proc.kill('SIGTERM');
  await Promise.race([exited, sleep(10_000)]);
  if (r.proc.exitCode === null) r.proc.kill('SIGKILL');
}

/** Resident set size of a process in MB (Linux /proc). */
export function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

export const buildDir = join(__dirname, '..');
