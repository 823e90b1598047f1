import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig } from './env';

// In embedded mode secrets that were not configured are generated once and kept in the data directory,
// so tokens survive a restart and nothing secret is ever committed.
export function ensureEmbeddedSecrets(config: AppConfig): void {
  if (!config.embedded) return;
  config.JWT_SECRET ??= readOrCreate(config.DATA_DIR, 'jwt-secret', () => randomBytes(48).toString('base64url'));
  // encrypts the bodies' credential-signing keys; losing it makes every stored signing key unusable
  config.CREDENTIALS_MASTER_KEY ??= readOrCreate(config.DATA_DIR, 'credentials-master-key', () => randomBytes(32).toString('base64'));
}

function readOrCreate(dir: string, name: string, generate: () => string): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  if (!existsSync(file)) {
    writeFileSync(file, generate(), { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return readFileSync(file, 'utf8').trim();
}
