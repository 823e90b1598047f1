import { jsonTooDeep, MAX_JSON_DEPTH } from './json-depth';

const nested = (n: number) => '['.repeat(n) + ']'.repeat(n);

describe('JSON depth bound', () => {
  it('accepts ordinary bodies, including a scheme definition six levels deep', () => {
    expect(jsonTooDeep('{"email":"a@b.c","password":"x"}')).toBe(false);
    expect(jsonTooDeep('{"levels":[{"requirements":[{"params":{"kinds":["didactic_course"]}}]}]}')).toBe(false);
  });
  it('accepts exactly the limit and refuses one level more', () => {
    expect(jsonTooDeep(nested(MAX_JSON_DEPTH))).toBe(false);
    expect(jsonTooDeep(nested(MAX_JSON_DEPTH + 1))).toBe(true);
  });
  it('refuses the 5,000-level body that used to end in a RangeError', () => {
    expect(jsonTooDeep(`{"email":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`)).toBe(true);
  });
  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(jsonTooDeep(JSON.stringify({ note: '[[[['.repeat(100) }))).toBe(false);
    expect(jsonTooDeep(JSON.stringify({ note: `a "quoted" \\ ${'{'.repeat(100)}` }))).toBe(false);
  });
});
