import { createHash } from 'node:crypto';

// Failed sign-ins are limited three ways (fixed windows, see rate-limiter.ts):
//  - per account AND address: the limit that bites a guesser. An attacker's address exhausts its own pair;
//    the owner, signing in from their own address, is not locked out by it.
//  - per account, over all addresses: a much higher ceiling that still stops a guessing attack spread over
//    many addresses (it can lock the owner out too, but only an attacker with that many addresses can).
//  - per address, over all accounts: one address spraying many accounts.
// Accounts are keyed by a hash of the e-mail, so the counters hold no e-mail address.

export interface SignInLimitConfig {
  SIGN_IN_LIMIT: number;
  SIGN_IN_ACCOUNT_LIMIT: number;
  SIGN_IN_IP_LIMIT: number;
}

export const accountKey = (email: string): string => createHash('sha256').update(email.trim().toLowerCase()).digest('hex');

/** The prefix of every counter that concerns one account (erasure deletes them). */
export const accountCounterPrefixes = (email: string): string[] => [
  `sign-in:account:${accountKey(email)}`,
  `sign-in:pair:${accountKey(email)}:`,
  passwordResetKey(email),
];

/** Password-reset mails sent to one account in the current window (keyed by the e-mail's hash, like sign-in). */
export const passwordResetKey = (email: string): string => `password-reset:account:${accountKey(email)}`;

/** The counters a failed sign-in of `email` from `ip` counts against, each with its limit. */
export function signInLimits(email: string, ip: string, c: SignInLimitConfig): [key: string, limit: number][] {
  const account = accountKey(email);
  return [
    [`sign-in:ip:${ip}`, c.SIGN_IN_IP_LIMIT],
    [`sign-in:pair:${account}:${ip}`, c.SIGN_IN_LIMIT],
    [`sign-in:account:${account}`, c.SIGN_IN_ACCOUNT_LIMIT],
  ];
}
