import { canonicalJson, caseContent, contentHash } from './content-hash';

const theCase = {
  id: 'ignored',
  version: 3,
  reviewState: 'submitted',
  traineeId: 't',
  supervisorId: 's',
  clientCode: 'C-7KQ2',
  format: 'individual',
  adaptation: 'adult',
  ageBand: '26-40',
  setting: 'community',
  primaryDiagnosis: 'F32.1',
  focusProblemArea: 'grief',
  secondaryProblemArea: null,
  plannedSessions: 16,
  startDate: '2024-03-01',
  endDate: null,
  status: 'active',
  endReason: null,
  recordingConsent: true,
  presentingProblem: 'Low mood after bereavement',
  formulation: 'Grief',
  course: null,
  techniques: null,
  outcome: null,
};
const sessions = [
  { id: 'a', number: 1, date: '2024-03-01', durationMinutes: 50, phase: 'initial', attended: true, recorded: true, createdAt: new Date() },
  { id: 'b', number: 2, date: '2024-03-08', durationMinutes: 50, phase: 'initial', attended: true, recorded: false, createdAt: new Date() },
];
const measures = [
  { id: 'x', instrument: 'PHQ9', administeredOn: '2024-03-01', sessionNumber: 0, items: [1, 2, 2, 1, 2, 1, 1, 2, 0], total: 12 },
  { id: 'y', instrument: 'GAD7', administeredOn: '2024-03-01', sessionNumber: 0, items: null, total: 9 },
];
const hash = (c = theCase, s: object[] = sessions, m: object[] = measures) => contentHash(caseContent(c, s, m));

describe('content hash of a case', () => {
  it("includes a taxonomy's further attributes only when the case has some (hashes signed before stay valid)", () => {
    // the hash of this case as computed before taxonomies existed (no attributes key at all)
    expect(hash({ ...theCase, attributes: {} } as typeof theCase)).toBe(hash());
    const withGroup = { ...theCase, attributes: { diagnosisGroup: 'depression' } } as typeof theCase;
    expect(hash(withGroup)).not.toBe(hash());
    expect(hash({ ...theCase, attributes: { diagnosisGroup: 'anxiety' } } as typeof theCase)).not.toBe(hash(withGroup));
  });

  it('is a sha256 hex digest, stable across calls', () => {
    expect(hash()).toMatch(/^[0-9a-f]{64}$/);
    expect(hash()).toBe(hash());
  });

  it('does not depend on key order or on the order rows come back in', () => {
    const reordered = Object.fromEntries(Object.entries(theCase).reverse()) as typeof theCase;
    expect(hash(reordered, [...sessions].reverse(), [...measures].reverse())).toBe(hash());
  });

  it('ignores bookkeeping: ids, version, review state, timestamps', () => {
    expect(
      hash(
        { ...theCase, id: 'other', version: 9, reviewState: 'draft' },
        sessions.map((s) => ({ ...s, id: 'z', createdAt: new Date(0) })),
      ),
    ).toBe(hash());
  });

  it.each(Object.keys(theCase).filter((k) => !['id', 'version', 'reviewState'].includes(k)))(
    'changes when the case field %s changes',
    (field) => {
      expect(hash({ ...theCase, [field]: 'changed' })).not.toBe(hash());
    },
  );

  it('changes when a session changes, is added or removed', () => {
    expect(hash(theCase, [sessions[0], { ...sessions[1], recorded: true }])).not.toBe(hash());
    expect(hash(theCase, [sessions[0]])).not.toBe(hash());
    expect(hash(theCase, [...sessions, { ...sessions[1], number: 3, date: '2024-03-15' }])).not.toBe(hash());
  });

  it('changes when a measure item changes or a measure is removed', () => {
    expect(hash(theCase, sessions, [{ ...measures[0], items: [1, 2, 2, 1, 2, 1, 1, 2, 1] }, measures[1]])).not.toBe(hash());
    expect(hash(theCase, sessions, [measures[0]])).not.toBe(hash());
  });

  it('treats a missing optional value like null, so the hash does not depend on how a row was loaded', () => {
    const { endDate: _omit, ...withoutEnd } = theCase;
    expect(hash(withoutEnd as typeof theCase)).toBe(hash());
  });

  it('writes canonical JSON with sorted keys at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}');
  });
});
