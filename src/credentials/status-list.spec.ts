import { gunzipSync } from 'node:zlib';
import { bitIsSet, encodeStatusList, randomStatusIndex, STATUS_LIST_LENGTH } from './status-list';

const decode = (encoded: string): Buffer => {
  expect(encoded.startsWith('u')).toBe(true);
  return gunzipSync(Buffer.from(encoded.slice(1), 'base64url'));
};
const bit = (bits: Buffer, i: number) => (bits[i >> 3] >> (7 - (i & 7))) & 1;

describe('a Bitstring Status List', () => {
  it('is 131,072 bits, GZIP-compressed, multibase base64url without padding', () => {
    const encoded = encodeStatusList([]);
    expect(encoded).toMatch(/^u[A-Za-z0-9_-]+$/);
    const bits = decode(encoded);
    expect(bits.length * 8).toBe(STATUS_LIST_LENGTH);
    expect(bits.every((b) => b === 0)).toBe(true);
  });

  it('puts index 0 at the left-most bit of the first byte and the last index at the right-most bit', () => {
    const bits = decode(encodeStatusList([0, 9, STATUS_LIST_LENGTH - 1]));
    expect(bits[0]).toBe(0x80);
    expect(bits[1]).toBe(0x40);
    expect(bits[bits.length - 1]).toBe(0x01);
    expect([0, 9, STATUS_LIST_LENGTH - 1].map((i) => bit(bits, i))).toEqual([1, 1, 1]);
    expect(bit(bits, 8)).toBe(0);
  });

  it('refuses an index outside the list', () => {
    expect(() => encodeStatusList([STATUS_LIST_LENGTH])).toThrow(RangeError);
    expect(() => encodeStatusList([-1])).toThrow(RangeError);
  });

  it('draws indexes uniformly from the whole list, not in issue order', () => {
    const drawn = Array.from({ length: 200 }, randomStatusIndex);
    expect(drawn.every((i) => Number.isInteger(i) && i >= 0 && i < STATUS_LIST_LENGTH)).toBe(true);
    expect(new Set(drawn).size).toBeGreaterThan(190);
    expect(drawn.some((i) => i > STATUS_LIST_LENGTH / 2)).toBe(true);
    expect(drawn.some((i) => i < STATUS_LIST_LENGTH / 2)).toBe(true);
  });
});

describe('which statuses set the bit', () => {
  it('sets the suspension bit while the accreditation may not be accepted, and clears it when active again', () => {
    for (const s of ['suspended', 'revoked', 'lapsed', 'expired']) expect(bitIsSet('suspension', s)).toBe(true);
    expect(bitIsSet('suspension', 'active')).toBe(false);
  });

  it('sets the revocation bit only for end states, which never come back (revocation is not reversible)', () => {
    for (const s of ['revoked', 'expired']) expect(bitIsSet('revocation', s)).toBe(true);
    for (const s of ['active', 'suspended']) expect(bitIsSet('revocation', s)).toBe(false);
  });

  it('a lapse sets only the suspension bit: the body can restore a lapsed accreditation, and revocation cannot be undone', () => {
    expect(bitIsSet('suspension', 'lapsed')).toBe(true);
    expect(bitIsSet('revocation', 'lapsed')).toBe(false);
  });
});
