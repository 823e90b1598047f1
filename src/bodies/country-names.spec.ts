import { countryCodeFor } from './country-names';

describe('a country typed into a search', () => {
  it('is found by its ISO code in any letter case', () => {
    expect(countryCodeFor('GB')).toBe('GB');
    expect(countryCodeFor('de')).toBe('DE');
    expect(countryCodeFor(' nl ')).toBe('NL');
  });
  it('is found by "UK", which is what people type for the United Kingdom, and by its English name', () => {
    expect(countryCodeFor('UK')).toBe('GB');
    expect(countryCodeFor('uk')).toBe('GB');
    expect(countryCodeFor('United Kingdom')).toBe('GB');
    expect(countryCodeFor('the united kingdom')).toBe('GB');
    expect(countryCodeFor('Great Britain')).toBe('GB');
    expect(countryCodeFor('England')).toBe('GB');
  });
  it('is found by its own name in its own language, accents and all or none', () => {
    expect(countryCodeFor('Deutschland')).toBe('DE');
    expect(countryCodeFor('Germany')).toBe('DE');
    expect(countryCodeFor('Nederland')).toBe('NL');
    expect(countryCodeFor('Holland')).toBe('NL');
    expect(countryCodeFor('España')).toBe('ES');
    expect(countryCodeFor('espana')).toBe('ES');
    expect(countryCodeFor('Österreich')).toBe('AT');
    expect(countryCodeFor('USA')).toBe('US');
  });
  it('is refused when it names no country (a made-up code, a typo, an empty box)', () => {
    expect(countryCodeFor('XX')).toBeNull();
    expect(countryCodeFor('Atlantis')).toBeNull();
    expect(countryCodeFor('')).toBeNull();
    expect(countryCodeFor(' - ')).toBeNull();
  });
});
