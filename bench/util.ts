// Small helpers shared by the bench scripts: flags, progress bar, statistics, formatting.

export interface Scale {
  name: string;
  bodies: number;
  trainees: number;
  supervisors: number;
  cases: number;
  sessions: number;
  ratings: number;
}

export const DEFAULT_SCALE: Scale = {
  name: 'default',
  bodies: 3,
  trainees: 20_000,
  supervisors: 1_000,
  cases: 200_000,
  sessions: 2_500_000,
  ratings: 300_000,
};

/** `--scale=small` is 1/50 of the default; `--scale=0.1` any fraction; BENCH_TRAINEES=… etc. override one count. */
export function scaleFrom(arg: string | undefined, env: NodeJS.ProcessEnv): Scale {
  const factor = arg === undefined || arg === 'default' ? 1 : arg === 'small' ? 1 / 50 : Number(arg);
  if (!Number.isFinite(factor) || factor <= 0 || factor > 10)
    throw new Error(`--scale must be small, default or a factor in (0, 10], got ${arg}`);
  const pick = (key: keyof Omit<Scale, 'name' | 'bodies'>) => {
    const v = env[`BENCH_${key.toUpperCase()}`];
    return v ? Number(v) : Math.max(1, Math.round(DEFAULT_SCALE[key] * factor));
  };
  const s: Scale = {
    name: arg ?? 'default',
    bodies: env.BENCH_BODIES ? Number(env.BENCH_BODIES) : 3,
    trainees: pick('trainees'),
    supervisors: pick('supervisors'),
    cases: pick('cases'),
    sessions: pick('sessions'),
    ratings: pick('ratings'),
  };
  if (s.supervisors < s.bodies) throw new Error('need at least one supervisor per body');
  if (s.cases < s.trainees) throw new Error('need at least one case per trainee');
  if (s.sessions / s.cases > 90) throw new Error('at most 90 sessions per case (the API allows numbers up to 100)');
  return s;
}

export function parseArgs(argv: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of argv) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(a);
    if (!m) throw new Error(`unknown argument ${a}`);
    out[m[1]] = m[2] ?? 'true';
  }
  return out;
}

/** One stdout line, rewritten in place (plain lines when stdout is not a terminal). */
export class ProgressBar {
  private readonly started = Date.now();
  private lastLen = 0;
  constructor(
    private readonly total: number,
    private readonly label: string,
  ) {}

  update(done: number, step: string): void {
    const frac = Math.min(1, done / this.total);
    const width = 30;
    const filled = Math.round(frac * width);
    const secs = ((Date.now() - this.started) / 1000).toFixed(0);
    const line = `${this.label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(frac * 100).toFixed(0).padStart(3)}%  ${secs}s  ${step}`;
    if (process.stdout.isTTY) {
      process.stdout.write(`\r${line}${' '.repeat(Math.max(0, this.lastLen - line.length))}`);
      this.lastLen = line.length;
    } else {
      process.stdout.write(line + '\n');
    }
  }

  finish(msg: string): void {
    if (process.stdout.isTTY) process.stdout.write('\n');
    process.stdout.write(`${msg}\n`);
  }
}

export const median = (xs: number[]): number => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export const percentile = (xs: number[], p: number): number => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => '| ' + r.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |';
  return [line(cells[0]), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...cells.slice(1).map(line)].join('\n');
}

export const fmt = (n: number, digits = 0): string => (Number.isFinite(n) ? n.toFixed(digits) : '—');
