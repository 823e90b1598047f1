// Numerical building blocks for the reliability statistics: the F distribution's quantile function,
// through the regularised incomplete beta function (Numerical Recipes, 3rd ed., §6.1 and §6.4).

const LANCZOS = [
  676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
  9.9843695780195716e-6, 1.5056327351493116e-7,
];

export function lnGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const z = x - 1;
  let a = 0.99999999999980993;
  const t = z + 7.5;
  for (let i = 0; i < LANCZOS.length; i++) a += LANCZOS[i] / (z + i + 1);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

// Lentz's continued fraction for I_x(a, b)
function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 500; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return h;
}

/** The regularised incomplete beta function I_x(a, b). */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2) ? (front * betaContinuedFraction(x, a, b)) / a : 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

/** P(F ≤ x) for the F distribution with (d1, d2) degrees of freedom (d2 may be fractional). */
export function fCdf(x: number, d1: number, d2: number): number {
  if (x <= 0) return 0;
  return regularizedBeta((d1 * x) / (d1 * x + d2), d1 / 2, d2 / 2);
}

/** The upper-tail probability P(F > x), computed from the small end so it keeps its precision far out in the tail. */
export function fSurvival(x: number, d1: number, d2: number): number {
  if (x <= 0) return 1;
  return regularizedBeta(d2 / (d2 + d1 * x), d2 / 2, d1 / 2);
}

// The p-quantile of F(d1, d2). It bisects on the logarithm of whichever beta variable is small at the answer:
// t = d1·x / (d1·x + d2) for the lower half, u = 1 − t = d2 / (d2 + d1·x) for the upper half. Bisecting on t
// itself (as an earlier version did) cannot represent t within 1e-16 of 1, so a far upper quantile — tiny
// denominator df, as the Satterthwaite df of a near-degenerate ICC table gives — came out as Infinity.
// Infinity is still returned when the quantile exceeds the largest double.
export function fQuantile(p: number, d1: number, d2: number): number {
  if (!(p > 0 && p < 1) || !(d1 > 0) || !(d2 > 0)) return Number.NaN;
  const upperHalf = p > 0.5;
  // lower half: I_t(d1/2, d2/2) = p; upper half: I_u(d2/2, d1/2) = 1 − p; both increase with their variable
  const [a, b, target] = upperHalf ? [d2 / 2, d1 / 2, 1 - p] : [d1 / 2, d2 / 2, p];
  let lo = -745; // log of the smallest positive double
  let hi = 0;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (regularizedBeta(Math.exp(mid), a, b) < target) lo = mid;
    else hi = mid;
  }
  const logV = (lo + hi) / 2;
  const v = Math.exp(logV);
  const oneMinusV = -Math.expm1(logV);
  return upperHalf ? (d2 * oneMinusV) / (d1 * v) : (d2 * v) / (d1 * oneMinusV);
}
