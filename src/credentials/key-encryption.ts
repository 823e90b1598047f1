import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

// Private signing keys at rest: AES-256-GCM under the master key, with the key id as associated data so
// a ciphertext cannot be moved to another key's row. Format: v1.<iv>.<tag>.<ciphertext> (base64url).
const VERSION = 'v1';

export class KeyDecryptionError extends Error {}

export function parseMasterKey(base64: string | undefined): Buffer {
  if (!base64) throw new Error('CREDENTIALS_MASTER_KEY is not configured');
  const key = Buffer.from(base64, 'base64');
  if (key.length !== 32) throw new Error('CREDENTIALS_MASTER_KEY must decode to 32 bytes');
  return key;
}

export function encryptSecret(plaintext: string, masterKey: Buffer, associatedData: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', masterKey, iv);
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

export function decryptSecret(sealed: string, masterKey: Buffer, associatedData: string): string {
  const [version, iv, tag, ciphertext] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || ciphertext === undefined) throw new KeyDecryptionError('unrecognised ciphertext format');
  try {
    const decipher = createDecipheriv('aes-256-gcm', masterKey, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    // wrong master key, wrong key id, or a tampered ciphertext: GCM authentication fails
    throw new KeyDecryptionError('the signing key cannot be decrypted with the configured master key');
  }
}
