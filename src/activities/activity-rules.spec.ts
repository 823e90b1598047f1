import { hoursProblem, isPlainText } from './activity-rules';

// activity dates ("not in the future") are the calendar module's rule: common/dates.spec.ts

describe('activity hours', () => {
  it('accepts a 16 h course and a 0.25 h item', () => {
    expect(hoursProblem(16)).toBeNull();
    expect(hoursProblem(0.25)).toBeNull();
    expect(hoursProblem(200)).toBeNull();
  });
  it('refuses zero, negatives, over 200 and three decimals', () => {
    expect(hoursProblem(0)).toMatch(/more than 0/);
    expect(hoursProblem(-1)).toMatch(/more than 0/);
    expect(hoursProblem(200.01)).toMatch(/at most 200/);
    expect(hoursProblem(1.125)).toMatch(/2 decimals/);
  });
});

describe('evidence references', () => {
  it('accepts plain references', () => {
    expect(isPlainText('Certificate #12 <= see e-mail, 2024')).toBe(true);
  });
  it('refuses markup and control characters', () => {
    expect(isPlainText('<script>alert(1)</script>')).toBe(false);
    expect(isPlainText('a\u0000b')).toBe(false);
  });
});
