import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

const toBool = ({ value }: { value: unknown }) => {
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'boolean') return value;
  const v = String(value).toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  return value; // left as a string so @IsBoolean reports it by name
};
const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : /^-?\d+$/.test(String(value)) ? Number(value) : value;

// The environment, validated once at start-up. This file and `loadConfig` are the only readers of process.env.
export class Env {
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsOptional()
  @IsString()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  DATA_DIR = './data';

  // HS256 signing secret for access tokens; generated into DATA_DIR in embedded mode when unset.
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  JWT_ISSUER = 'ipt-accreditation';

  @IsOptional()
  @IsString()
  @MinLength(1)
  JWT_AUDIENCE = 'ipt-accreditation-api';

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(900)
  JWT_ACCESS_TTL_SECONDS = 900;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(300)
  @Max(60 * 60 * 24 * 90)
  JWT_REFRESH_TTL_SECONDS = 60 * 60 * 24 * 14;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  SEED_DEMO?: boolean;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  MIGRATIONS_RUN = true;

  @IsOptional()
  @IsString()
  @Matches(/^[^@\s]+@[^@\s]+$/, { message: 'ADMIN_EMAIL must be an e-mail address' })
  ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  ADMIN_PASSWORD?: string;

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  DB_POOL_SIZE = 10;

  // Bounds on a slow or stalled database: a request answers 503 instead of hanging.
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(120_000)
  DB_STATEMENT_TIMEOUT_MS = 5000;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(120_000)
  DB_CONNECT_TIMEOUT_MS = 2000;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(50 * 1024 * 1024)
  BODY_LIMIT_BYTES = 256 * 1024;

  // uploaded import files (CSV/XLSX, multipart): their own limit, separate from the JSON body limit above
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(1024 * 1024 * 1024)
  IMPORT_MAX_BYTES = 50 * 1024 * 1024;

  // failed sign-ins per account from one address per window (an attacker's address cannot lock the owner out)
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10_000)
  SIGN_IN_LIMIT = 10;

  // failed sign-ins per account from all addresses together per window: the ceiling on a distributed guessing
  // attack (NIST SP 800-63B 5.2.2: at most 100 failed attempts on one account)
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100_000)
  SIGN_IN_ACCOUNT_LIMIT = 100;

  // failed sign-ins, registrations and rejected refresh tokens from one address, across all accounts, per window
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100_000)
  SIGN_IN_IP_LIMIT = 100;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86_400)
  SIGN_IN_WINDOW_SECONDS = 900;

  // Number of reverse-proxy hops in front of the service (0 = clients connect directly).
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(5)
  TRUST_PROXY_HOPS = 0;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(120_000)
  SHUTDOWN_GRACE_MS = 3000;

  // Comma-separated list of allowed browser origins (CORS). Empty = same-origin only.
  @IsOptional()
  @IsString()
  CORS_ORIGINS = '';

  // AES-256-GCM key (32 bytes, base64) that encrypts the bodies' credential-signing keys at rest;
  // generated into DATA_DIR in embedded mode when unset, required with DATABASE_URL.
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9+/_-]{43}=?$/, { message: 'CREDENTIALS_MASTER_KEY must be 32 bytes, base64-encoded' })
  CREDENTIALS_MASTER_KEY?: string;

  // Algorithm of new credential-signing keys. RS256 is the one every Open Badges 3.0 verifier must support.
  @IsOptional()
  @IsIn(['RS256', 'ES256', 'EdDSA'])
  CREDENTIALS_SIGNING_ALG: 'RS256' | 'ES256' | 'EdDSA' = 'RS256';

  // "production" makes a plain-http PUBLIC_BASE_URL an error (credentials would name http URLs)
  @IsOptional()
  @IsString()
  NODE_ENV?: string;

  // Public origin of this service, used in issued credentials (issuer, status and JWKS URLs); default http://localhost:PORT.
  @IsOptional()
  @IsString()
  @Matches(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, { message: 'PUBLIC_BASE_URL must be an http(s) URL' })
  PUBLIC_BASE_URL?: string;

  // requests per minute per client address on the public register and verification endpoints
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100_000)
  PUBLIC_RATE_LIMIT = 120;

  // Scheduled work, checked hourly in-process and run once per day across replicas: the sweep that lapses/expires
  // accreditations past their grace period, renewal reminders, calibration-expiry reminders (off in tests).
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  EXPIRY_SWEEP_ENABLED = true;

  // Idempotency-Key: an in-flight key older than this is presumed abandoned (its process died) and may be retried.
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  IDEMPOTENCY_IN_FLIGHT_TIMEOUT_SECONDS = 30;

  // Idempotency-Key: completed keys are kept (and replayed) at least this long, then purged.
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(24)
  @Max(24 * 30)
  IDEMPOTENCY_RETENTION_HOURS = 24;

  // Outgoing mail: smtp(s)://user:pass@host:port; unset = messages are written as .eml files under DATA_DIR/mail.
  @IsOptional()
  @IsString()
  @Matches(/^smtps?:\/\/[^\s]+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  // From-address of every message: an address, or a name with the address in angle brackets.
  @IsOptional()
  @IsString()
  @Matches(/^([^<>@]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/, {
    message: 'MAIL_FROM must be an e-mail address, optionally as "Name <address>"',
  })
  MAIL_FROM = 'IPT Accreditation <no-reply@localhost>';

  // The notification worker (delivers the outbox, runs the daily digest); off in tests unless a test turns it on.
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  MAIL_WORKER_ENABLED = true;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(600_000)
  MAIL_POLL_MS = 5000;

  // A failed delivery is tried again after this, then twice as long each time (at most an hour)…
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(3_600_000)
  MAIL_RETRY_BASE_MS = 30_000;

  // …and kept as failed (with its last error) after this many attempts.
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50)
  MAIL_MAX_ATTEMPTS = 12;

  // An invitation link works this many hours (a resend mails a new link with a new expiry).
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 90)
  INVITATION_TTL_HOURS = 24 * 7;

  // A password-reset link works this many minutes.
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(5)
  @Max(24 * 60)
  PASSWORD_RESET_TTL_MINUTES = 60;

  // A link confirming an e-mail address (registration, a new address) works this many hours.
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 30)
  EMAIL_CONFIRM_TTL_HOURS = 48;

  // Serve the OpenAPI document and Swagger UI at /docs (/docs-json, /docs-yaml). Off: those paths answer 404.
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  DOCS_ENABLED = true;

  // Embedded mode only: load this migrated snapshot into memory instead of opening DATA_DIR (tests).
  @IsOptional()
  @IsString()
  PGLITE_SNAPSHOT?: string;
}

// The validated configuration the rest of the service injects (by this class as its token).
export class AppConfig extends Env {
  embedded!: boolean;
  seedDemo!: boolean;
  /** PUBLIC_BASE_URL without a trailing slash, or http://localhost:PORT */
  publicBaseUrl!: string;
}

export class ConfigError extends Error {}

const KNOWN = Object.keys(new Env()).concat([
  'DATABASE_URL',
  'JWT_SECRET',
  'SEED_DEMO',
  'ADMIN_EMAIL',
  'ADMIN_PASSWORD',
  'PGLITE_SNAPSHOT',
  'CREDENTIALS_MASTER_KEY',
  'PUBLIC_BASE_URL',
  'NODE_ENV',
  'SMTP_URL',
]);

export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw: Record<string, string> = {};
  for (const key of KNOWN) {
    const v = source[key];
    if (v !== undefined && v !== '') raw[key] = v;
  }
  const env = plainToInstance(AppConfig, raw, { exposeDefaultValues: true });
  const errors = validateSync(env, { forbidUnknownValues: true });
  const problems = errors.map((e) => `  ${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
  env.embedded = !env.DATABASE_URL;
  if (!env.embedded && !env.JWT_SECRET) {
    problems.push('  JWT_SECRET: required when DATABASE_URL points at a server (at least 32 characters)');
  }
  if (!env.embedded && !env.CREDENTIALS_MASTER_KEY) {
    problems.push('  CREDENTIALS_MASTER_KEY: required when DATABASE_URL points at a server (32 bytes, base64: openssl rand -base64 32)');
  }
  if (env.ADMIN_EMAIL && !env.ADMIN_PASSWORD) problems.push('  ADMIN_PASSWORD: required when ADMIN_EMAIL is set');
  // issued credentials carry the issuer, key and status-list URLs for good: in production they must be https
  // (a loopback origin is let through: nothing outside this machine can be handed such a credential)
  if (
    env.NODE_ENV === 'production' &&
    !/^(https:\/\/|http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$))/i.test(env.PUBLIC_BASE_URL ?? 'http://localhost')
  ) {
    problems.push('  PUBLIC_BASE_URL: must be an https:// URL when NODE_ENV=production (issued credentials name it)');
  }
  if (problems.length) throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  env.seedDemo = env.SEED_DEMO ?? env.embedded;
  env.publicBaseUrl = (env.PUBLIC_BASE_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '');
  return env;
}
