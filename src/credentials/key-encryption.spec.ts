import { randomBytes } from 'node:crypto';
import { decryptSecret, encryptSecret, KeyDecryptionError, parseMasterKey } from './key-encryption';

const master = randomBytes(32);
const jwk = JSON.stringify({ kty: 'OKP', crv: 'Ed25519', x: 'public-part', d: 'the-private-scalar-value' });

describe('signing keys encrypted at rest', () => {
  it('round-trips with the same master key and key id', () => {
    expect(decryptSecret(encryptSecret(jwk, master, 'kid-1'), master, 'kid-1')).toBe(jwk);
  });

  it('never stores the plaintext, and encrypts the same key differently each time', () => {
    const a = encryptSecret(jwk, master, 'kid-1');
    const b = encryptSecret(jwk, master, 'kid-1');
    expect(a).not.toContain('the-private-scalar-value');
    expect(a).not.toContain(Buffer.from(jwk).toString('base64url').slice(0, 20));
    expect(a).not.toBe(b);
    expect(a.startsWith('v1.')).toBe(true);
  });

  it('fails with a wrong master key', () => {
    const sealed = encryptSecret(jwk, master, 'kid-1');
    expect(() => decryptSecret(sealed, randomBytes(32), 'kid-1')).toThrow(KeyDecryptionError);
  });

  it('fails when the ciphertext is moved to another key id', () => {
    const sealed = encryptSecret(jwk, master, 'kid-1');
    expect(() => decryptSecret(sealed, master, 'kid-2')).toThrow(KeyDecryptionError);
  });

  it('fails when the ciphertext is tampered with', () => {
    const [v, iv, tag, ct] = encryptSecret(jwk, master, 'kid-1').split('.');
    const flipped = Buffer.from(ct, 'base64url');
    flipped[0] ^= 1;
    expect(() => decryptSecret([v, iv, tag, flipped.toString('base64url')].join('.'), master, 'kid-1')).toThrow(KeyDecryptionError);
    expect(() => decryptSecret('plain-text', master, 'kid-1')).toThrow(KeyDecryptionError);
  });

  it('accepts only a 32-byte master key', () => {
    expect(parseMasterKey(master.toString('base64')).equals(master)).toBe(true);
    expect(() => parseMasterKey(randomBytes(16).toString('base64'))).toThrow(/32 bytes/);
    expect(() => parseMasterKey(undefined)).toThrow(/not configured/);
  });
});
