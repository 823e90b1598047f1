import {
  accreditationStatusNotice,
  applicationToApplicantNotice,
  applicationToBodyNotices,
  calibrationExpiringNotice,
  caseReviewNotice,
  renewalDueNotice,
  riskFlagNotice,
} from './notice';

const c = { id: 'case-1', traineeId: 'trainee-1', supervisorId: 'supervisor-1', clientCode: 'C-AB12' };

describe('who is told about a case', () => {
  it("a submission goes to the case's supervisor", () => {
    expect(caseReviewNotice('submit', c)).toEqual({
      recipientId: 'supervisor-1',
      kind: 'case.submitted',
      path: '/cases/case-1',
      clientCode: 'C-AB12',
    });
  });
  it('a return and a sign-off go to the trainee', () => {
    expect(caseReviewNotice('return', c)).toMatchObject({ recipientId: 'trainee-1', kind: 'case.returned' });
    expect(caseReviewNotice('sign_off', c)).toMatchObject({ recipientId: 'trainee-1', kind: 'case.signed_off' });
  });
  it('a risk flag goes to the supervisor, marked urgent (never held for a digest)', () => {
    expect(riskFlagNotice(c)).toEqual({
      recipientId: 'supervisor-1',
      kind: 'case.risk_flag',
      path: '/cases/case-1',
      clientCode: 'C-AB12',
      urgent: true,
    });
  });
});

const app = { id: 'app-1', applicantId: 'applicant-1', levelCode: 'PRACTITIONER' };
const acc = { id: 'acc-1', holderId: 'holder-1', levelCode: 'PRACTITIONER' };

describe('who is told about an application', () => {
  it('a submission goes to every admin of the deciding body, once each, never to the applicant', () => {
    const notices = applicationToBodyNotices('submitted', app, ['admin-1', 'applicant-1', 'admin-2', 'admin-1']);
    expect(notices.map((n) => n.recipientId)).toEqual(['admin-1', 'admin-2']);
    expect(notices[0]).toEqual({
      recipientId: 'admin-1',
      kind: 'application.submitted',
      path: '/admin/applications/app-1',
      level: 'PRACTITIONER',
    });
  });
  it('an answer to a request for information goes back to the body', () => {
    expect(applicationToBodyNotices('responded', app, ['admin-1'])).toEqual([
      expect.objectContaining({ recipientId: 'admin-1', kind: 'application.responded' }),
    ]);
  });
  it('a body without admins tells nobody', () => {
    expect(applicationToBodyNotices('submitted', app, [])).toEqual([]);
  });
  it('a request for information and the decision go to the applicant', () => {
    for (const e of ['info_requested', 'approved', 'rejected'] as const) {
      expect(applicationToApplicantNotice(e, app)).toEqual({
        recipientId: 'applicant-1',
        kind: `application.${e}`,
        path: '/trainee/applications',
        level: 'PRACTITIONER',
      });
    }
  });
});

describe('who is told about an accreditation', () => {
  it('every change of status goes to the holder', () => {
    for (const e of ['lapsed', 'expired', 'suspended', 'reinstated', 'revoked', 'restored'] as const) {
      expect(accreditationStatusNotice(e, acc)).toEqual({
        recipientId: 'holder-1',
        kind: `accreditation.${e}`,
        path: '/trainee/accreditations',
        level: 'PRACTITIONER',
      });
    }
  });
  it('a renewal reminder is keyed by accreditation and expiry date: one per renewal period', () => {
    const n = renewalDueNotice({ ...acc, expiresOn: '2027-03-15' });
    expect(n).toMatchObject({
      recipientId: 'holder-1',
      kind: 'accreditation.renewal_due',
      date: '2027-03-15',
      onceKey: 'renewal_due:acc-1:2027-03-15',
    });
    expect(renewalDueNotice({ ...acc, expiresOn: '2028-03-15' }).onceKey).not.toBe(n.onceKey);
  });
  it('a calibration reminder goes to the rater, keyed by body, rater and the attempt that calibrated them', () => {
    const n = calibrationExpiringNotice({
      raterId: 'rater-1',
      bodyId: 'body-1',
      attemptAt: new Date('2025-01-10T12:00:00Z'),
      validUntil: '2027-01-10',
    });
    expect(n).toEqual({
      recipientId: 'rater-1',
      kind: 'calibration.expiring',
      path: '/supervisor/calibration',
      date: '2027-01-10',
      onceKey: 'calibration_expiring:body-1:rater-1:2025-01-10T12:00:00.000Z',
    });
  });
});
