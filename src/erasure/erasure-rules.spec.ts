import { escapeRegex, identifierPatterns, newPseudonym, reasonMentionsPerson } from './erasure-rules';

describe('erasure rules', () => {
  it('gives a non-routable pseudonymous e-mail and a neutral name, fresh each time', () => {
    const a = newPseudonym();
    const b = newPseudonym();
    expect(a.email).toMatch(/^erased-[0-9a-f]{16}@invalid$/);
    expect(a.displayName).toMatch(/^Erased person [0-9a-f]{8}$/);
    expect(a.email).not.toBe(b.email);
  });

  it("finds the person's e-mail anywhere and the name only as a whole phrase", () => {
    const [email, name] = identifierPatterns('jo.smith@example.org', 'Jo Smith');
    const re = (p: string) => new RegExp(p.replace(/\[:alnum:\]/g, 'A-Za-z0-9'), 'i');
    expect(re(email.pattern).test('mail JO.SMITH@example.org please')).toBe(true);
    expect(re(email.pattern).test('joXsmith@example.org')).toBe(false); // the dot is literal
    expect(re(name.pattern).test('Supervised by jo smith.')).toBe(true);
    expect(re(name.pattern).test('Jo Smithers')).toBe(false);
  });

  it('does not search for very short names', () => {
    expect(identifierPatterns('a@b.c', 'Al')).toHaveLength(1);
  });

  it('matches names as they are written inside JSON', () => {
    const [, name] = identifierPatterns('x@y.z', 'Ann "Nan" O\'Neil', true);
    expect(name.pattern).toContain(escapeRegex('Ann \\"Nan\\" O\'Neil'));
  });

  it('spots a reason that names the person', () => {
    expect(reasonMentionsPerson('Request from Jo Smith by letter', 'jo@x.org', 'Jo Smith')).toBe(true);
    expect(reasonMentionsPerson('GDPR Art. 17 request, ticket 4711', 'jo@x.org', 'Jo Smith')).toBe(false);
  });
});
