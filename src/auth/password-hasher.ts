import argon2 from 'argon2';
import { normalizePassword } from './password-policy';

// Argon2id at OWASP's minimum recommended cost (19 MiB, t=2, p=1); hashing runs on libuv's thread pool.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 } as const;

// The NFKC form is what is hashed (NIST SP 800-63B), so "ﬁ" and "fi", or a composed and a decomposed "é", match.
export const hashPassword = (password: string): Promise<string> => argon2.hash(normalizePassword(password), OPTIONS);

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  const normalized = normalizePassword(password);
  // hashes written before normalisation hold the password as typed: tried only when the two forms differ
  return (await verifyOne(hash, normalized)) || (normalized !== password && (await verifyOne(hash, password)));
}

async function verifyOne(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

// Verified against when the e-mail is unknown, so both failures cost the same time.
let dummy: Promise<string> | undefined;
export async function burnVerification(password: string): Promise<void> {
  dummy ??= hashPassword('not-a-real-password-just-for-timing');
  await verifyPassword(await dummy, password);
}
