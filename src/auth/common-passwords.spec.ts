import { COMMON_PASSWORDS_TEXT } from './common-passwords';
import { checkPassword } from './password-policy';

describe('the common-password list is a data file read at start-up', () => {
  const entries = COMMON_PASSWORDS_TEXT.split('\n').filter(Boolean);

  it('holds all 5,000 passwords, without its comment header', () => {
    expect(entries).toHaveLength(5000);
    expect(new Set(entries).size).toBe(5000);
    expect(entries.some((p) => p.startsWith('#'))).toBe(false);
  });
  it('holds only lower-case entries the length rule would let through', () => {
    expect(entries.every((p) => [...p].length >= 12 && p === p.toLowerCase() && p === p.trim())).toBe(true);
  });
  it('refuses the first and the last password of the file alike', () => {
    expect(checkPassword('123qweasdzxc')).toBe('TOO_COMMON');
    expect(checkPassword('sunderhaft20')).toBe('TOO_COMMON');
  });
});
