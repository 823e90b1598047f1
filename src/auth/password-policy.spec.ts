import { checkPassword, normalizePassword } from './password-policy';

describe('password policy (OWASP ASVS 5: length, no composition rules, no common passwords)', () => {
  it('accepts a long passphrase without any digits or symbols', () => {
    expect(checkPassword('correct horse battery staple')).toBeNull();
  });
  it('refuses anything shorter than 12 characters', () => {
    expect(checkPassword('Sh0rt!Pass#')).toBe('TOO_SHORT');
  });
  it('counts characters, not UTF-16 units, so twelve emoji are twelve characters', () => {
    expect(checkPassword('🙂'.repeat(11))).toBe('TOO_SHORT');
    expect(checkPassword('🙂'.repeat(12))).toBeNull();
  });
  it('refuses passwords over 128 characters', () => {
    expect(checkPassword('a'.repeat(129))).toBe('TOO_LONG');
  });
  it('refuses the well-known leaked passwords whatever their case', () => {
    expect(checkPassword('qwertyuiop123')).toBe('TOO_COMMON');
    expect(checkPassword('QWERTYUIOP123')).toBe('TOO_COMMON');
    expect(checkPassword('1qaz2wsx3edc')).toBe('TOO_COMMON');
  });
  it('refuses a password built from the account e-mail', () => {
    expect(checkPassword('jane.doe-password', { email: 'jane.doe@example.org' })).toBe('CONTAINS_EMAIL');
  });

  // issue 12, finding 6: twelve spaces used to be accepted on registration and password change
  it('refuses a password of twelve spaces, or any other white space only', () => {
    expect(checkPassword(' '.repeat(12))).toBe('BLANK');
    expect(checkPassword('\t \u00a0\u3000'.repeat(10))).toBe('BLANK');
  });
  it('does not count padding towards the length: white space at either end, or repeated inside', () => {
    expect(checkPassword('a' + ' '.repeat(11))).toBe('TOO_SHORT');
    expect(checkPassword('   short pass   ')).toBe('TOO_SHORT');
    expect(checkPassword('a          b')).toBe('TOO_SHORT');
  });
  it('allows spaces inside a passphrase', () => {
    expect(checkPassword('  correct horse battery staple  ')).toBeNull();
  });
  it('measures the NFKC form: full-width letters count as the letters they are', () => {
    expect(normalizePassword('ｐａｓｓ')).toBe('pass');
    expect(normalizePassword('e\u0301')).toBe('\u00e9');
    // the full-width spelling of a leaked password is the leaked password
    expect(checkPassword('ｑｗｅｒｔｙｕｉｏｐ１２３')).toBe('TOO_COMMON');
  });
});
