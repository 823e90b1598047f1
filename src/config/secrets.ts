import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig } from './env';

// In embedded mode secrets that were not configured are generated once and kept in the data directory,
// so tokens survive a restart and nothing secret is ever committed.
export function ensureEmbeddedSecrets(config: AppConfig): void {
  if (!config.embedded || config.JWT_SECRET) return;
  mkdirSync(config.DATA_DIR, { recursive: true });
  const file = join(config.DATA_DIR, 'jwt-secret');
  if (!existsSync(file)) {
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  config.JWT_SECRET = readFileSync(file, 'utf8').trim();
}
