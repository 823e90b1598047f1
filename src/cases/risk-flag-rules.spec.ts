import { decideRiskAcknowledgement } from './risk-flag-rules';

describe('acknowledging a risk flag', () => {
  it("the case's supervisor acknowledges a flag nobody has acknowledged yet", () => {
    expect(decideRiskAcknowledgement({ isCaseSupervisor: true, flagged: true, acknowledged: false })).toEqual({ ok: true, write: true });
  });
  it('acknowledging again while the acknowledgement is in force changes nothing', () => {
    expect(decideRiskAcknowledgement({ isCaseSupervisor: true, flagged: true, acknowledged: true })).toEqual({ ok: true, write: false });
  });
  it('a case without a flag has nothing to acknowledge', () => {
    expect(decideRiskAcknowledgement({ isCaseSupervisor: true, flagged: false, acknowledged: false })).toMatchObject({
      ok: false,
      code: 'NO_RISK_FLAG',
    });
  });
  it('anyone else who can read the case (a body admin, the trainee) is refused, flag or not', () => {
    expect(decideRiskAcknowledgement({ isCaseSupervisor: false, flagged: true, acknowledged: false })).toMatchObject({
      ok: false,
      code: 'NOT_CASE_SUPERVISOR',
    });
    expect(decideRiskAcknowledgement({ isCaseSupervisor: false, flagged: false, acknowledged: false })).toMatchObject({
      ok: false,
      code: 'NOT_CASE_SUPERVISOR',
    });
  });
});
