import { accountCounterPrefixes, passwordResetKey, signInLimits } from './sign-in-limits';

const config = { SIGN_IN_LIMIT: 10, SIGN_IN_ACCOUNT_LIMIT: 100, SIGN_IN_IP_LIMIT: 100 };

describe('sign-in limits', () => {
  it('counts a failure against the address, the account-and-address pair, and the account', () => {
    const keys = signInLimits('jo@example.org', '203.0.113.9', config);
    expect(keys.map(([k]) => k.split(':').slice(0, 2).join(':'))).toEqual(['sign-in:ip', 'sign-in:pair', 'sign-in:account']);
    expect(keys.map(([, l]) => l)).toEqual([100, 10, 100]);
  });
  it('gives the owner at another address a pair of their own, but the same account ceiling', () => {
    const attacker = signInLimits('jo@example.org', '203.0.113.9', config);
    const owner = signInLimits('jo@example.org', '198.51.100.7', config);
    expect(owner[1][0]).not.toBe(attacker[1][0]);
    expect(owner[2][0]).toBe(attacker[2][0]);
  });
  it('keeps no e-mail address in the counters, and finds every counter of an account by prefix', () => {
    const keys = signInLimits('Jo@Example.org', '203.0.113.9', config).map(([k]) => k);
    expect(keys.join(' ')).not.toMatch(/example/i);
    const prefixes = accountCounterPrefixes('jo@example.org');
    expect(keys.filter((k) => prefixes.some((p) => k.startsWith(p)))).toHaveLength(2);
  });
  it('keys password-reset mails by a hash of the e-mail, among the counters erasure deletes', () => {
    const key = passwordResetKey('Jo@Example.org ');
    expect(key).not.toContain('jo@example.org');
    expect(accountCounterPrefixes('jo@example.org')).toContain(key);
  });
});
