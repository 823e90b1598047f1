import { checkCaseFields, type CaseFields } from './case-rules';
import { CaseStatus } from './supervised-case.entity';

const base: CaseFields = {
  status: CaseStatus.Active,
  startDate: '2024-03-01',
  endDate: null,
  focusProblemArea: 'grief',
  secondaryProblemArea: null,
  presentingProblem: 'Low mood after the death of her father',
  formulation: null,
  course: null,
  techniques: null,
  outcome: null,
};
// 09:00 UTC: the latest date anywhere on Earth (UTC+14) is still 2024-07-01
const now = new Date('2024-07-01T09:00:00Z');

describe('case fields', () => {
  it('accepts an active case without an end date', () => {
    expect(checkCaseFields(base, now)).toEqual({});
  });

  it.each([CaseStatus.Completed, CaseStatus.DroppedOut, CaseStatus.Transferred])('requires an end date once the case is %s', (status) => {
    expect(checkCaseFields({ ...base, status }, now)).toEqual({ endDate: [`endDate is required when the case is ${status}`] });
    expect(checkCaseFields({ ...base, status, endDate: '2024-06-01' }, now)).toEqual({});
  });

  it('refuses an end before the start, and a closed case ending in the future', () => {
    expect(checkCaseFields({ ...base, endDate: '2024-02-01' }, now)).toEqual({ endDate: ['endDate must not be before startDate'] });
    expect(checkCaseFields({ ...base, status: CaseStatus.Completed, endDate: '2024-08-01' }, now)).toEqual({
      endDate: ['a closed case cannot end in the future'],
    });
  });

  it('accepts a case closed on the trainees own today in kiribati while utc is still yesterday', () => {
    // 2024-07-01 11:00 UTC is 2024-07-02 01:00 at UTC+14
    const closed = { ...base, status: CaseStatus.Completed, endDate: '2024-07-02' };
    expect(checkCaseFields(closed, new Date('2024-07-01T11:00:00Z'))).toEqual({});
    expect(checkCaseFields(closed, new Date('2024-07-01T09:59:59Z'))).toEqual({ endDate: ['a closed case cannot end in the future'] });
  });

  it('refuses a secondary problem area equal to the focus', () => {
    expect(checkCaseFields({ ...base, secondaryProblemArea: 'grief' }, now)).toHaveProperty('secondaryProblemArea');
    expect(checkCaseFields({ ...base, secondaryProblemArea: 'role_dispute' }, now)).toEqual({});
  });

  it('refuses e-mail addresses and phone numbers in the narrative', () => {
    expect(checkCaseFields({ ...base, formulation: 'ring her on 07700 900123', outcome: 'wrote to a.b@c.org' }, now)).toEqual({
      formulation: ['formulation must not contain a phone number'],
      outcome: ['outcome must not contain an e-mail address'],
    });
  });
});
