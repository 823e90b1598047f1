import { aCase, aRecord } from '../record-builder.fixture';
import { run } from '../spec-run.fixture';
import { signOffs } from './sign-offs';

describe('sign-offs', () => {
  it('lists the cases still waiting for the supervisor', () => {
    const waiting = aCase({ reviewState: 'submitted', clientCode: 'C-WAIT' });
    const r = run(signOffs, { minCases: 2 }, aRecord({ cases: [aCase(), waiting] }));
    expect(r).toMatchObject({ met: false, reached: 1, message: expect.stringContaining('1 case awaiting sign-off (C-WAIT)') });
  });
});
