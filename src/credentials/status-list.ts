// W3C Bitstring Status List v1.0: the list, the bits and their meaning. Plain functions.
import { randomInt } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { StatusPurpose } from './credential';

// §2.2 / §6.1: at least 16 KB uncompressed (131,072 entries), so a list hides which of many holders a lookup is about
export const STATUS_LIST_LENGTH = 131_072;

// Which recorded statuses set an accreditation's bit in each list. Revocation is final by the spec
// ("not reversible"), so only the end states that never come back set it; the suspension list answers
// "do not accept this now", cleared again by reinstatement. A lapsed accreditation can be restored by its
// body (accreditations/accreditation-restore.ts), so lapsing sets only the suspension bit.
const SET_BY: Record<StatusPurpose, readonly string[]> = {
  revocation: ['revoked', 'expired'],
  suspension: ['suspended', 'revoked', 'lapsed', 'expired'],
};

export const statusesSettingBit = (purpose: StatusPurpose): readonly string[] => SET_BY[purpose];
export const bitIsSet = (purpose: StatusPurpose, status: string): boolean => SET_BY[purpose].includes(status);

/** A uniformly random index: an index reveals nothing about when or in what order it was given. */
export const randomStatusIndex = (): number => randomInt(STATUS_LIST_LENGTH);

/**
 * §3.1 Bitstring Generation: the bitstring (index 0 = the left-most, most significant bit of the first
 * byte), GZIP-compressed, then multibase base64url without padding ("u" prefix).
 */
export function encodeStatusList(setIndexes: Iterable<number>, length = STATUS_LIST_LENGTH): string {
  const bits = Buffer.alloc(length / 8);
  for (const i of setIndexes) {
    if (!Number.isInteger(i) || i < 0 || i >= length) throw new RangeError(`status index ${i} is outside the list`);
    bits[i >> 3] |= 0x80 >> (i & 7);
  }
  return `u${gzipSync(bits).toString('base64url')}`;
}
