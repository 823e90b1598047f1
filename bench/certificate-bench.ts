// Certificate PDF under load: the maximum rate (closed loop) of GET /accreditations/:id/certificate.pdf by its
// holders, then its latency at half that rate (open loop). Each request renders the PDF (no cache).
import type { Pool } from 'pg';
import type { Endpoint } from './endpoints';
import { signIn } from './fixtures';
import { run, type RunResult } from './load';

export interface CertificateBenchResult {
  holders: number;
  maxRate: RunResult;
  halfRate: { rate: number; result: RunResult };
}

export async function certificateBench(
  db: Pool,
  baseUrl: string,
  opts: { connections: number; duration: number; fixedDuration: number },
): Promise<CertificateBenchResult> {
  const rows: { id: string; email: string }[] = (
    await db.query(
      `SELECT a.id, u.email FROM accreditations a JOIN users u ON u.id = a.holder_id
        WHERE u.email LIKE '%@bench.ipt.example' AND u.status = 'active' ORDER BY a.id LIMIT 20`,
    )
  ).rows;
  if (!rows.length) throw new Error('the bench data set has no accreditations to print');
  const holders = await Promise.all(rows.map(async (r) => ({ id: r.id, token: await signIn(baseUrl, r.email) })));
  let i = 0;
  const e: Endpoint = {
    name: 'GET /accreditations/:id/certificate.pdf',
    kind: 'read',
    next: () => {
      const h = holders[i++ % holders.length];
      return { method: 'GET', path: `/api/v1/accreditations/${h.id}/certificate.pdf`, headers: { authorization: `Bearer ${h.token}` } };
    },
  };
  await run(baseUrl, e, { connections: opts.connections, duration: 2 });
  const maxRate = await run(baseUrl, e, { connections: opts.connections, duration: opts.duration });
  const rate = Math.max(1, Math.round(maxRate.rps2xx / 2));
  const result = await run(baseUrl, e, { connections: opts.connections, duration: opts.fixedDuration, overallRate: rate });
  return { holders: holders.length, maxRate, halfRate: { rate, result } };
}
