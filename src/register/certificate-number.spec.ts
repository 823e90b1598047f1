import { certificateNumberCandidates, normaliseCertificateNumber } from './certificate-number';

describe('a certificate number typed by a person', () => {
  it('loses the spaces put in to read it aloud, also non-breaking ones from an e-mail', () => {
    expect(normaliseCertificateNumber(' UK-BAPT-2026-ABC 234 ')).toBe('UK-BAPT-2026-ABC234');
    expect(normaliseCertificateNumber('UK - BAPT - 2026\u00a0-\u00a0ABC234')).toBe('UK-BAPT-2026-ABC234');
  });
  it('has typographic dashes turned into hyphens (a word processor turns "-" into "–")', () => {
    expect(normaliseCertificateNumber('UK\u2013BAPT\u20132026\u2014ABC234')).toBe('UK-BAPT-2026-ABC234');
  });
  it('in lower case is looked up as typed and in upper case, the way numbers are issued', () => {
    expect(certificateNumberCandidates('uk-bapt-2026-abc234')).toEqual(['uk-bapt-2026-abc234', 'UK-BAPT-2026-ABC234']);
    expect(certificateNumberCandidates('UK-BAPT-2026-ABC234')).toEqual(['UK-BAPT-2026-ABC234']);
  });
});
