// A certificate number as a person types it: read off paper or a screen, dictated over the phone, pasted from an
// e-mail. Spaces (also non-breaking ones) are dropped and typographic dashes become '-'. Letter case is left to the
// lookup (`certificateNumberCandidates`): numbers this service issues are upper case, but one imported under
// another scheme may not be.
const SPACES = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+/g;
const DASHES = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g;

export function normaliseCertificateNumber(input: string): string {
  return input.replace(SPACES, '').replace(DASHES, '-');
}

/** The numbers to look up for what was typed: as typed, and in upper case (how this service issues them). */
export function certificateNumberCandidates(normalised: string): string[] {
  const upper = normalised.toUpperCase();
  return upper === normalised ? [normalised] : [normalised, upper];
}
