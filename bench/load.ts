// One autocannon run against one target (service or baseline): closed loop (max throughput) or open loop at a
// fixed overall rate. Throughput counts 2xx responses only.
import autocannon from 'autocannon';
import { autocannonRequest, type Endpoint } from './endpoints';

export interface RunResult {
  rps2xx: number;
  p50: number;
  p99: number;
  mean: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  requests: number;
  statuses: Record<string, number>;
}

export async function run(
  baseUrl: string,
  e: Endpoint,
  opts: { connections: number; duration: number; overallRate?: number },
): Promise<RunResult> {
  const r = await autocannon({
    url: baseUrl,
    connections: opts.connections,
    duration: opts.duration,
    overallRate: opts.overallRate,
    pipelining: 1,
    timeout: 10,
    requests: [autocannonRequest(e)],
  });
  const statuses: Record<string, number> = {};
  for (const [k, v] of Object.entries(r.statusCodeStats ?? {})) statuses[k] = v.count;
  return {
    rps2xx: r['2xx'] / (r.duration || opts.duration),
    p50: r.latency.p50,
    p99: r.latency.p99,
    mean: r.latency.mean,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    requests: r.requests.total,
    statuses,
  };
}
