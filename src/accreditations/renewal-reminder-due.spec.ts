import { renewalReminderDue } from './accreditation-lifecycle';

const terms = { graceDays: 30, reminderDaysBefore: 60 };

describe('when a holder is reminded to renew', () => {
  it('is not reminded before expiry − reminderDaysBefore', () => {
    expect(renewalReminderDue('2027-03-15', terms, '2027-01-13')).toBe(false);
  });
  it('is reminded from the reminder date on (sixty days before expiry)', () => {
    expect(renewalReminderDue('2027-03-15', terms, '2027-01-14')).toBe(true);
  });
  it('is still reminded on a later day inside the window, so a job that missed days catches up', () => {
    expect(renewalReminderDue('2027-03-15', terms, '2027-03-01')).toBe(true);
    expect(renewalReminderDue('2027-03-15', terms, '2027-03-15')).toBe(true);
  });
  it('is not reminded after expiry (the grace period ends in a lapse notice instead)', () => {
    expect(renewalReminderDue('2027-03-15', terms, '2027-03-16')).toBe(false);
  });
  it('with reminderDaysBefore 0 is reminded on the expiry day only', () => {
    expect(renewalReminderDue('2027-03-15', { graceDays: 0, reminderDaysBefore: 0 }, '2027-03-14')).toBe(false);
    expect(renewalReminderDue('2027-03-15', { graceDays: 0, reminderDaysBefore: 0 }, '2027-03-15')).toBe(true);
  });
  it('an accreditation that never expires is never due', () => {
    expect(renewalReminderDue(null, terms, '2027-03-15')).toBe(false);
  });
});
