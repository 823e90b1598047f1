import { ConfigError, loadConfig } from './env';

describe('loadConfig', () => {
  it('defaults to the embedded database with demo data and port 3000', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 3000, embedded: true, seedDemo: true, DATA_DIR: './data', MIGRATIONS_RUN: true });
  });

  it('names the variable when a value is bad', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => loadConfig({ SEED_DEMO: 'maybe' })).toThrow(/SEED_DEMO/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x', JWT_SECRET: 'x'.repeat(32) })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ JWT_SECRET: 'short' })).toThrow(/JWT_SECRET/);
    expect(() => loadConfig({ JWT_ACCESS_TTL_SECONDS: '3600' })).toThrow(/JWT_ACCESS_TTL_SECONDS/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(ConfigError);
  });

  it('requires a JWT secret with a server database, and no demo data there by default', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u@h/db' })).toThrow(/JWT_SECRET: required/);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u@h/db', JWT_SECRET: 'x'.repeat(32) })).toThrow(/CREDENTIALS_MASTER_KEY: required/);
    const c = loadConfig({
      DATABASE_URL: 'postgres://u@h/db',
      JWT_SECRET: 'x'.repeat(32),
      CREDENTIALS_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
    });
    expect(c).toMatchObject({ embedded: false, seedDemo: false });
  });

  it('checks the mail settings: an smtp URL and a from-address', () => {
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example' })).toThrow(/SMTP_URL/);
    expect(() => loadConfig({ MAIL_FROM: 'not an address' })).toThrow(/MAIL_FROM/);
    const c = loadConfig({ SMTP_URL: 'smtps://u:p@mail.example:465', MAIL_FROM: 'IPT UK <noreply@ipt.example>' });
    expect(c).toMatchObject({
      SMTP_URL: 'smtps://u:p@mail.example:465',
      MAIL_FROM: 'IPT UK <noreply@ipt.example>',
      MAIL_WORKER_ENABLED: true,
    });
    expect(loadConfig({}).SMTP_URL).toBeUndefined();
  });

  it('reads booleans and integers from their usual spellings', () => {
    const c = loadConfig({ SEED_DEMO: 'off', MIGRATIONS_RUN: '0', PORT: '8080' });
    expect(c).toMatchObject({ seedDemo: false, MIGRATIONS_RUN: false, PORT: 8080 });
  });

  it('wants ADMIN_PASSWORD whenever ADMIN_EMAIL is set', () => {
    expect(() => loadConfig({ ADMIN_EMAIL: 'a@b.org' })).toThrow(/ADMIN_PASSWORD/);
  });

  it('takes the credentials master key only as 32 base64 bytes, and derives the public base URL from PORT', () => {
    expect(() => loadConfig({ CREDENTIALS_MASTER_KEY: 'too-short' })).toThrow(/CREDENTIALS_MASTER_KEY/);
    expect(loadConfig({ PORT: '8080' }).publicBaseUrl).toBe('http://localhost:8080');
    expect(loadConfig({ PUBLIC_BASE_URL: 'https://ipt.example.org/' }).publicBaseUrl).toBe('https://ipt.example.org');
    expect(() => loadConfig({ PUBLIC_BASE_URL: 'ftp://x' })).toThrow(/PUBLIC_BASE_URL/);
    expect(loadConfig({}).PUBLIC_RATE_LIMIT).toBe(120);
  });

  it('refuses a plain-http PUBLIC_BASE_URL in production, naming the variable; https and local development pass', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', PUBLIC_BASE_URL: 'http://ipt.example.org' })).toThrow(
      /PUBLIC_BASE_URL: must be an https/,
    );
    expect(loadConfig({ NODE_ENV: 'production', PUBLIC_BASE_URL: 'https://ipt.example.org/' }).publicBaseUrl).toBe(
      'https://ipt.example.org',
    );
    expect(loadConfig({ NODE_ENV: 'production', PUBLIC_BASE_URL: 'http://localhost:8080' }).publicBaseUrl).toBe('http://localhost:8080');
    expect(loadConfig({ PUBLIC_BASE_URL: 'http://ipt.example.org' }).publicBaseUrl).toBe('http://ipt.example.org');
  });

  it('signs new credentials with RS256 unless told otherwise', () => {
    expect(loadConfig({}).CREDENTIALS_SIGNING_ALG).toBe('RS256');
    expect(loadConfig({ CREDENTIALS_SIGNING_ALG: 'ES256' }).CREDENTIALS_SIGNING_ALG).toBe('ES256');
    expect(() => loadConfig({ CREDENTIALS_SIGNING_ALG: 'HS256' })).toThrow(/CREDENTIALS_SIGNING_ALG/);
  });
});
