import {
  checkClientCode,
  contactDetailsIn,
  containsEmail,
  containsPhoneNumber,
  generateClientCode,
  looksLikeDate,
  nhsChecksumValid,
} from './client-code';

const refused = (code: string) => {
  const r = checkClientCode(code);
  return r.ok ? null : r.reason;
};

describe('client codes a trainee may choose', () => {
  it.each(['C-7KQ2', 'ab', 'IPT_03', 'case-12', 'X9', 'T2-GRIEF-01', 'IPT-2024-07', 'A1B2C3D4E5F6G7H8'])(
    'accepts the pseudonymous code %s',
    (code) => {
      expect(checkClientCode(code)).toEqual({ ok: true, code: code.toUpperCase() });
    },
  );

  it('upper-cases the code so "c-7kq2" and "C-7KQ2" are the same client', () => {
    expect(checkClientCode('  c-7kq2 ')).toEqual({ ok: true, code: 'C-7KQ2' });
  });

  it.each(['A', 'ABCDEFGHIJK12345X', 'C 7KQ2', 'C.7KQ2', 'C/7KQ2', 'Ç-1', ''])('refuses %p: wrong length or characters', (code) => {
    expect(refused(code)).toMatch(/2–16 characters|personal name/);
  });
});

describe('client codes that could identify a person are refused', () => {
  it.each(['jane.doe@example.org', 'JANE@EXAMPLE.COM', 'j_doe@nhs.net'])('an e-mail address: %s', (code) => {
    expect(refused(code)).toBe('looks like an e-mail address');
  });

  it.each(['07700 900123', '+44 20 7946 0958', '(555) 123-4567', '0049-30-1234567'])('a phone number: %s', (code) => {
    expect(refused(code)).toMatch(/phone number/);
  });

  it.each([
    '1985-03-12',
    '12/03/1985',
    '12.3.85',
    '12-03-85',
    '19850312',
    '12031985',
    '120385',
    '12MAR1985',
    '12-MAR-85',
    'MAR-12-1985',
    'c-1985-3-12',
    'B12_03_1985',
  ])('a full date, in whatever format: %s', (code) => {
    expect(refused(code)).toBe('looks like a date (e.g. a birth date)');
  });

  it.each(['9434765919', '943 476 5919', '943-476-5919'])('an NHS number (valid check digit): %s', (code) => {
    expect(refused(code)).toBe('looks like an NHS number');
  });

  it.each(['MRN-884213', 'C-4444444', '123456789012'])('a record-number-like run of digits: %s', (code) => {
    expect(refused(code)).toMatch(/record or phone number|phone number/);
  });

  it.each([
    'JohnSmith',
    'John-Smith',
    'Mary_Ann_Jones',
    'Mrs Smith',
    'MRS-SMITH',
    'DrJones',
    'J-Smith',
    'JR_SMITH',
    'J Smith',
    'SMITH',
    'JSMITH',
  ])('a personal name: %s', (code) => {
    expect(refused(code)).toBe('looks like a personal name; use a code with at least one digit');
  });
});

describe('generated client codes', () => {
  it('are "C-" and four unambiguous characters, and always pass the checks', () => {
    let seed = 7;
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    for (let i = 0; i < 500; i++) {
      const code = generateClientCode(random);
      expect(code).toMatch(/^C-[2-9A-HJKMNP-Z]{4}$/);
      expect(checkClientCode(code).ok).toBe(true);
    }
  });

  it('never come out all letters, which could spell a name', () => {
    const letters = [0, 8, 9, 10, 11]; // indexes of letters in the alphabet, then digits follow
    let i = 0;
    const random = () => (i < 4 ? letters[i++] : 0);
    expect(generateClientCode(random)).toMatch(/\d/);
  });
});

describe('the detectors, reused on narrative free text', () => {
  it('finds e-mail addresses, also obfuscated ones', () => {
    expect(containsEmail('Client wrote from anna.k@mail.com last week')).toBe(true);
    expect(containsEmail('contact: anna (at) mail (dot) com')).toBe(true);
    expect(containsEmail('Discussed @mentions at work and e.g. roles')).toBe(false);
  });

  it('finds phone numbers but not dates, session counts or scores', () => {
    expect(containsPhoneNumber('Her number is 07700 900123.')).toBe(true);
    expect(containsPhoneNumber('call +1 (555) 123-4567 if needed')).toBe(true);
    expect(containsPhoneNumber('Seen on 2024-03-12 and 2024-03-19')).toBe(false);
    expect(containsPhoneNumber('PHQ-9 went 18 → 12 → 7 over 16 sessions')).toBe(false);
  });

  it('reports the problem for a narrative field, or null when clean', () => {
    expect(contactDetailsIn('Role dispute with partner; call 020 7946 0958')).toBe('must not contain a phone number');
    expect(contactDetailsIn('mail x@y.org')).toBe('must not contain an e-mail address');
    expect(contactDetailsIn('Grief after the loss of her father in 2019.')).toBeNull();
    expect(contactDetailsIn(null)).toBeNull();
  });

  it('knows a date when it sees one', () => {
    expect(looksLikeDate('born 3 March 1985')).toBe(true);
    expect(looksLikeDate('3MARCH1985')).toBe(true);
    expect(looksLikeDate('week 12 of 16')).toBe(false);
  });

  it('checks NHS numbers with the modulus-11 rule', () => {
    expect(nhsChecksumValid('9434765919')).toBe(true);
    expect(nhsChecksumValid('9434765918')).toBe(false);
  });
});
