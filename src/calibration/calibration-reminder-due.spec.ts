import { CALIBRATION_REMINDER_DAYS, calibrationReminderDue, calibrationStatus } from './calibration-figures';

const at = (iso: string) => new Date(`${iso}T12:00:00Z`);
const passed = (iso: string) => ({ submittedAt: at(iso), withinTolerance: true });
const failed = (iso: string) => ({ submittedAt: at(iso), withinTolerance: false });
const due = (attempts: { submittedAt: Date; withinTolerance: boolean }[], asOf: string) =>
  calibrationReminderDue(calibrationStatus(attempts, at(asOf)), at(asOf));

describe('when a rater is reminded that their calibration runs out', () => {
  it('the default warning is sixty days', () => {
    expect(CALIBRATION_REMINDER_DAYS).toBe(60);
  });
  it('a calibration earned 2025-01-10 (valid until 2027-01-10) is not due on 2026-11-10, 61 days before', () => {
    expect(due([passed('2025-01-10')], '2026-11-10')).toBe(false);
  });
  it('is due from sixty days before it runs out', () => {
    expect(due([passed('2025-01-10')], '2026-11-11')).toBe(true);
    expect(due([passed('2025-01-10')], '2027-01-09')).toBe(true);
  });
  it('is not due once it has run out (the rater is no longer calibrated)', () => {
    expect(due([passed('2025-01-10')], '2027-01-10')).toBe(false);
  });
  it('a later failed attempt leaves nothing to remind of', () => {
    expect(due([passed('2025-01-10'), failed('2025-06-01')], '2026-12-01')).toBe(false);
  });
  it('a fresh passing attempt moves the reminder two years on', () => {
    expect(due([passed('2025-01-10'), passed('2026-10-01')], '2026-12-01')).toBe(false);
  });
  it('a rater with no attempts is never reminded', () => {
    expect(due([], '2026-12-01')).toBe(false);
  });
});
