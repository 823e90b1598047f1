import { aCase, aRecord } from '../record-builder.fixture';
import { run } from '../spec-run.fixture';
import { outcomeMeasures } from './outcome-measures';

describe('outcome measures cadence', () => {
  it('wants PHQ-9 and GAD-7 at intake and every 4 sessions, and names what is missing', () => {
    const c = aCase({ sessionCount: 8 });
    c.measures = [
      { id: 'm1', instrument: 'PHQ9', sessionNumber: 0, administeredOn: c.startDate },
      { id: 'm2', instrument: 'GAD7', sessionNumber: 0, administeredOn: c.startDate },
      { id: 'm3', instrument: 'PHQ9', sessionNumber: 4, administeredOn: c.startDate },
      { id: 'm4', instrument: 'PHQ9', sessionNumber: 8, administeredOn: c.startDate },
    ];
    const r = run(
      outcomeMeasures,
      { minCases: 1, instruments: ['PHQ9', 'GAD7'], everyNSessions: 4, atEnd: false },
      aRecord({ cases: [c] }),
    );
    expect(r.met).toBe(false);
    expect(r.breakdown?.[0].message).toBe(`${c.clientCode}: missing GAD7 in sessions 1–4, GAD7 in sessions 5–8`);
  });
});
